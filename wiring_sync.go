package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/app"
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
			dir, err := storage.ResolveDataDir(dataDir)
			if err != nil {
				return err
			}
			scfg, err := outbox.Configure(dir, cfg.Config, cfg.Server, cfg.Pemda)
			if err != nil {
				return err
			}
			return outbox.Open(dir).Push(ctx, scfg, report)
		},
		Installed: func(dataDir string) (string, string, bool) {
			dir, err := storage.ResolveDataDir(dataDir)
			c, _, cerr := outbox.LoadServerConfig(dir)
			return c.Server, c.Pemda, err == nil && cerr == nil
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

// guiSync is app.Deps.Sync: the data folder's outbox and installed server
// configuration (storage/outbox), and the Tim Asesor's pull.
func guiSync() *app.SyncDeps {
	return &app.SyncDeps{
		Installed: func(dataDir string) (syncapi.ServerConfig, bool) {
			c, _, err := outbox.LoadServerConfig(dataDir)
			return c, err == nil
		},
		Install: outbox.InstallServerConfig,
		Items:   func(dataDir string) ([]syncapi.OutboxItem, error) { return outbox.Open(dataDir).Items() },
		Push: func(ctx context.Context, dataDir string, progress func(done, total int64)) error {
			cfg, err := outbox.ClientConfig(dataDir, "", "")
			if err != nil {
				return err
			}
			cfg.Progress = progress
			return outbox.Open(dataDir).Push(ctx, cfg, nil)
		},
		FetchFeedback: fetchFeedbackFiles,
		SendFeedback: func(ctx context.Context, dataDir, file string) (bool, error) {
			c, _, err := outbox.LoadServerConfig(dataDir)
			if err != nil {
				return false, err
			}
			return syncAsesorDeps().SendFeedback(ctx, cli.SyncConfig{Server: c.Server, Pemda: c.Pemda}, file)
		},
	}
}

// PullFromServer is app.ServerPuller: the GUI's Tarik dari server, on the
// open workspace, to the server of the data folder's configuration.
func (g *asesorGUI) PullFromServer(ctx context.Context, pass []byte) ([]intake.Outcome, error) {
	c, _, err := outbox.LoadServerConfig(filepath.Dir(g.w.Dir()))
	if err != nil {
		return nil, err
	}
	tim, err := timAsesor(g.w, cli.SyncConfig{Server: c.Server, Pemda: c.Pemda}, pass)
	if err != nil {
		return nil, err
	}
	return asesorsync.Pull(ctx, g.w, tim)
}

// withOutbox queues each exported bundle for the collection server when
// one is configured (the stick copy stays as it is).
func withOutbox(export func(context.Context, string, string, string, func(float64)) (string, error), dataDir func() string) func(context.Context, string, string, string, func(float64)) (string, error) {
	return func(ctx context.Context, id, dest, pass string, progress func(float64)) (string, error) {
		path, err := export(ctx, id, dest, pass, progress)
		dir := dataDir()
		if _, _, cerr := outbox.LoadServerConfig(dir); err == nil && cerr == nil {
			if qerr := outbox.Open(dir).Add(path); qerr != nil {
				err = fmt.Errorf("bundel tersimpan di %s, tetapi belum masuk antrean server (kirim lewat flashdisk atau ekspor ulang): %w", path, qerr)
			}
		}
		return path, err
	}
}

// fetchFeedbackFiles is the GUI's Ambil umpan balik dari server: the
// fetched files land in <data>/outbox/umpan/ (kept, like a stick's copy)
// for the ordinary feedback import.
func fetchFeedbackFiles(ctx context.Context, dataDir string, pass []byte) ([]string, error) {
	c, _, err := outbox.LoadServerConfig(dataDir)
	if err != nil {
		return nil, err
	}
	got, err := fetchFeedback(ctx, dataDir, cli.SyncConfig{Server: c.Server, Pemda: c.Pemda}, pass)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(dataDir, outbox.DirName, "umpan")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	var files []string
	for i, fb := range got {
		path := filepath.Join(dir, fmt.Sprintf("%s_UMPAN_%02d.spbe-umpan", strings.TrimSuffix(fb.Bundle, ".spbe"), i+1))
		if err := os.WriteFile(path, fb.Envelope, 0o600); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}
