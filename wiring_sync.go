package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// syncDeps is cli.Env.Sync: the data folder's outbox to the collection
// server (storage/syncsvc, docs/sync.md).
func syncDeps() *cli.SyncDeps {
	return &cli.SyncDeps{
		Add: syncsvc.Add,
		Push: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, report func(syncapi.OutboxItem)) error {
			return syncsvc.Push(ctx, dataDir, cfg.Config, cfg.Server, cfg.Pemda, report)
		},
		Installed: syncsvc.Installed,
		Items:     syncsvc.Items,
		FetchFeedback: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, pass []byte) ([]cli.SyncFeedback, error) {
			got, err := syncsvc.FetchFeedback(ctx, dataDir, cfg.Server, cfg.Pemda, pass)
			out := make([]cli.SyncFeedback, len(got))
			for i, f := range got {
				out[i] = cli.SyncFeedback(f)
			}
			return out, err
		},
		SendFeedback: func(ctx context.Context, cfg cli.SyncConfig, file string) (bool, error) {
			return syncsvc.SendFeedback(ctx, cfg.Server, cfg.Pemda, file)
		},
	}
}

// guiSync is app.Deps.Sync: the data folder's outbox and installed server
// configuration, and the Tim Asesor's feedback upload.
func guiSync() *app.SyncDeps {
	return &app.SyncDeps{
		Installed:     syncsvc.InstalledConfig,
		Install:       syncsvc.Install,
		Items:         syncsvc.ItemsIn,
		Push:          syncsvc.PushInstalled,
		FetchFeedback: syncsvc.FetchFeedbackFiles,
		SendFeedback:  syncsvc.SendFeedbackInstalled,
	}
}

// withOutbox queues each exported bundle for the collection server when
// one is configured (syncsvc.WithOutbox).
var withOutbox = syncsvc.WithOutbox
