package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsync"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
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
		FetchFeedback: fetchFeedback,
		Asesor:        syncAsesorDeps(),
	}
}

// syncAsesorDeps is the Tim Asesor's side (storage/asesorsync).
func syncAsesorDeps() *cli.SyncAsesorDeps {
	return &cli.SyncAsesorDeps{
		PublishRegistry: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, pass []byte) (n int, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				tim, err := timAsesor(w, cfg, pass)
				if err == nil {
					n, err = asesorsync.PublishRegistry(ctx, w, tim)
				}
				return err
			})
			return n, err
		},
		SendFeedback: func(ctx context.Context, cfg cli.SyncConfig, file string) (bool, error) {
			data, err := feedback.ReadFile(file)
			if err != nil {
				return false, err
			}
			return syncclient.Asesor{Server: cfg.Server, Pemda: cfg.Pemda}.PushFeedback(ctx, data)
		},
		Pull: func(ctx context.Context, dataDir string, cfg cli.SyncConfig, pass []byte) (out []intake.Outcome, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				tim, err := timAsesor(w, cfg, pass)
				if err == nil {
					out, err = asesorsync.Pull(ctx, w, tim)
				}
				return err
			})
			return out, err
		},
	}
}

func timAsesor(w *asesor.Workspace, cfg cli.SyncConfig, pass []byte) (syncclient.Asesor, error) {
	key, err := asesorsvc.UnlockAssessorKey(w, pass)
	if err != nil {
		return syncclient.Asesor{}, err
	}
	return syncclient.Asesor{Server: cfg.Server, Pemda: cfg.Pemda, Key: key.Private()}, nil
}

// fetchFeedback unlocks the OPD key and fetches the feedback on every
// bundle of the outbox the server accepted.
func fetchFeedback(ctx context.Context, dataDir string, cfg cli.SyncConfig, pass []byte) ([]cli.SyncFeedback, error) {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return nil, err
	}
	key, err := keys.Open(dir).Unlock(pass)
	if err != nil {
		return nil, err
	}
	items, err := outbox.Open(dir).Items()
	if err != nil {
		return nil, err
	}
	var out []cli.SyncFeedback
	scfg := syncclient.Config{Server: cfg.Server, Pemda: cfg.Pemda}
	for _, it := range items {
		if it.State != "done" {
			continue
		}
		envs, err := syncclient.FetchFeedback(ctx, scfg, key.Private(), it.BundleID)
		if err != nil {
			return out, err
		}
		for _, e := range envs {
			out = append(out, cli.SyncFeedback{Bundle: it.Name, Envelope: e})
		}
	}
	return out, nil
}
