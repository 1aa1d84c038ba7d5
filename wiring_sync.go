package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// syncDeps is cli.Env.Sync: the data folder's outbox to the collection
// server (storage/syncsvc, docs/sync.md) and the Tim Asesor's side.
func syncDeps() *cli.SyncDeps {
	return &cli.SyncDeps{Outbox: syncsvc.OPD{}, Asesor: syncAsesorDeps()}
}

// syncAsesorDeps is the Tim Asesor's side (storage/syncsvc over
// storage/asesorsync).
func syncAsesorDeps() *cli.SyncAsesorDeps {
	a := syncsvc.Asesor{Folder: asesorFolder}
	return &cli.SyncAsesorDeps{
		PublishRegistry: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, pass []byte) (int, error) {
			return a.PublishRegistry(ctx, dataDir, cfg.Server, cfg.Pemda, pass)
		},
		SendFeedback: func(ctx context.Context, cfg cli.SyncConfig, file string) (bool, error) {
			return syncsvc.SendFeedback(ctx, cfg.Server, cfg.Pemda, file)
		},
		Pull: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, pass []byte) ([]intake.Outcome, error) {
			return a.Pull(ctx, dataDir, cfg.Server, cfg.Pemda, pass)
		},
	}
}

// guiSync is app.Deps.Sync: the data folder's outbox and installed server
// configuration, and the Tim Asesor's feedback upload.
func guiSync() *app.SyncDeps {
	return &app.SyncDeps{Outbox: syncsvc.OPD{}, SendFeedback: syncsvc.SendFeedbackInstalled}
}

// PullFromServer is app.ServerPuller: the GUI's Tarik dari server.
func (g *asesorGUI) PullFromServer(ctx context.Context, pass []byte) ([]intake.Outcome, error) {
	return syncsvc.PullInstalled(ctx, g.w, pass)
}
