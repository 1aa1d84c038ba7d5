package main

import (
	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// syncDeps is cli.Env.Sync: the data folder's outbox to the collection
// server (storage/syncsvc, docs/sync.md) and the Tim Asesor's feedback
// upload.
func syncDeps() *cli.SyncDeps {
	return &cli.SyncDeps{Outbox: syncsvc.OPD{}, Feedback: syncsvc.Relay{}}
}

// guiSync is app.Deps.Sync: the data folder's outbox and installed server
// configuration, and the Tim Asesor's feedback upload.
func guiSync() *app.SyncDeps {
	return &app.SyncDeps{Outbox: syncsvc.OPD{}, Feedback: syncsvc.Relay{}}
}
