package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// syncDeps is cli.Env.Sync: the data folder's outbox to the collection
// server (docs/sync.md).
func syncDeps() *cli.SyncDeps {
	open := func(dataDir string) (outbox.Outbox, error) {
		dir, err := storage.ResolveDataDir(dataDir)
		return outbox.Open(dir), err
	}
	return &cli.SyncDeps{
		Add: func(dataDir, bundle string) error {
			ob, err := open(dataDir)
			if err != nil {
				return err
			}
			return ob.Add(bundle)
		},
		Push: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, report func(syncapi.OutboxItem)) error {
			ob, err := open(dataDir)
			if err != nil {
				return err
			}
			return ob.Push(ctx, syncclient.Config{Server: cfg.Server, Pemda: cfg.Pemda, MaxFailures: 8}, report)
		},
		Items: func(dataDir string) ([]syncapi.OutboxItem, error) {
			ob, err := open(dataDir)
			if err != nil {
				return nil, err
			}
			return ob.Items()
		},
	}
}
