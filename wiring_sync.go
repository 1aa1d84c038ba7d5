package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// syncDeps is cli.Env.Sync: the data folder's outbox to the collection
// server (storage/syncsvc, docs/sync.md) and the Tim Asesor's feedback
// upload.
func syncDeps() *cli.SyncDeps {
	return &cli.SyncDeps{
		Outbox: syncsvc.OPD{},
		SendFeedback: func(ctx context.Context, cfg cli.SyncConfig, file string) (bool, error) {
			return syncsvc.SendFeedback(ctx, cfg.Server, cfg.Pemda, file)
		},
	}
}

// guiSync is app.Deps.Sync: the data folder's outbox and installed server
// configuration, and the Tim Asesor's feedback upload.
func guiSync() *app.SyncDeps {
	return &app.SyncDeps{Outbox: syncsvc.OPD{}, SendFeedback: syncsvc.SendFeedbackInstalled}
}
