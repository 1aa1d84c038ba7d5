// Package syncsvc is the collection-server side of both apps (docs/sync.md):
// the OPD's outbox of a data folder (storage/outbox) and the Tim Asesor's
// registry, pull and feedback upload (storage/asesorsync,
// storage/syncclient). Package main only hands these functions to the
// CLI and the GUI.
package syncsvc

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// Feedback is one fetched feedback file on an outbox entry.
type Feedback = syncapi.FetchedFeedback

// Add queues an exported bundle file in the outbox of dataDir ("" = the
// default data folder).
func Add(dataDir, bundle string) error {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return err
	}
	return outbox.Open(dir).Add(bundle)
}

// Items lists the outbox of dataDir ("" = the default data folder).
func Items(dataDir string) ([]syncapi.OutboxItem, error) {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return nil, err
	}
	return outbox.Open(dir).Items()
}

// Push checks and installs the configuration file config when given
// (else server and pemda, else the installed configuration) and sends the
// queued bundles in order.
func Push(ctx context.Context, dataDir, config, server, pemda string, report func(syncapi.OutboxItem)) error {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return err
	}
	scfg, err := outbox.Configure(dir, config, server, pemda)
	if err != nil {
		return err
	}
	return outbox.Open(dir).Push(ctx, scfg, report)
}

// Installed returns the server and Pemda of the data folder's installed
// server configuration (ok false: none).
func Installed(dataDir string) (server, pemda string, ok bool) {
	dir, err := storage.ResolveDataDir(dataDir)
	c, _, cerr := outbox.LoadServerConfig(dir)
	return c.Server, c.Pemda, err == nil && cerr == nil
}

// FetchFeedback unlocks the OPD key and fetches the feedback on every
// bundle of the outbox the server accepted.
func FetchFeedback(ctx context.Context, dataDir, server, pemda string, pass []byte) ([]Feedback, error) {
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
	var out []Feedback
	scfg := syncclient.Config{Server: server, Pemda: pemda}
	for _, it := range items {
		if it.State != "done" {
			continue
		}
		envs, err := syncclient.FetchFeedback(ctx, scfg, key.Private(), it.BundleID)
		if err != nil {
			return out, err
		}
		for _, e := range envs {
			out = append(out, Feedback{Bundle: it.Name, Envelope: e})
		}
	}
	return out, nil
}

// InstalledConfig is the GUI's view of the installed server configuration
// of the data folder (ok false: none yet).
func InstalledConfig(dataDir string) (syncapi.ServerConfig, bool) {
	c, _, err := outbox.LoadServerConfig(dataDir)
	return c, err == nil
}

// Install checks a server-configuration file from the Pemda and keeps a
// copy in the data folder.
func Install(dataDir, file string) (syncapi.ServerConfig, error) {
	return outbox.InstallServerConfig(dataDir, file)
}

// PushInstalled is the GUI's Kirim ke server: the queued bundles to the
// installed server, progress against the bytes still missing.
func PushInstalled(ctx context.Context, dataDir string, progress func(done, total int64)) error {
	cfg, err := outbox.ClientConfig(dataDir, "", "")
	if err != nil {
		return err
	}
	cfg.Progress = progress
	return outbox.Open(dataDir).Push(ctx, cfg, nil)
}

// QueueExported queues the bundle just exported to path (exportErr: the
// export's own result) when the data folder has a server configured; the
// stick copy stays as it is. The result is the error to show.
func QueueExported(dataDir, path string, exportErr error) error {
	if _, _, cerr := outbox.LoadServerConfig(dataDir); exportErr == nil && cerr == nil {
		if qerr := outbox.Open(dataDir).Add(path); qerr != nil {
			return fmt.Errorf("bundel tersimpan di %s, tetapi belum masuk antrean server (kirim lewat flashdisk atau ekspor ulang): %w", path, qerr)
		}
	}
	return exportErr
}

// FetchFeedbackFiles is the GUI's Ambil umpan balik dari server: the
// fetched files land in <data>/outbox/umpan/ (kept, like a stick's copy)
// for the ordinary feedback import.
func FetchFeedbackFiles(ctx context.Context, dataDir string, pass []byte) ([]string, error) {
	c, _, err := outbox.LoadServerConfig(dataDir)
	if err != nil {
		return nil, err
	}
	got, err := FetchFeedback(ctx, dataDir, c.Server, c.Pemda, pass)
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

// ItemsIn lists the outbox of the open data folder dataDir (the GUI's,
// already resolved).
func ItemsIn(dataDir string) ([]syncapi.OutboxItem, error) {
	return outbox.Open(dataDir).Items()
}

// OPD is syncapi.Outbox (cli.SyncDeps.Outbox, app.SyncDeps.Outbox): the
// functions of this file.
type OPD struct{}

var _ syncapi.Outbox = OPD{}

func (OPD) Add(dataDir, bundle string) error                     { return Add(dataDir, bundle) }
func (OPD) Items(dataDir string) ([]syncapi.OutboxItem, error)   { return Items(dataDir) }
func (OPD) ItemsIn(dataDir string) ([]syncapi.OutboxItem, error) { return ItemsIn(dataDir) }

func (OPD) Push(ctx context.Context, dataDir string, t syncapi.Target, report func(syncapi.OutboxItem)) error {
	return Push(ctx, dataDir, t.Config, t.Server, t.Pemda, report)
}

func (OPD) FetchFeedback(ctx context.Context, dataDir string, t syncapi.Target, pass []byte) ([]syncapi.FetchedFeedback, error) {
	return FetchFeedback(ctx, dataDir, t.Server, t.Pemda, pass)
}

// Installed is InstalledConfig; "" (the CLI's default data folder) is
// resolved first, as Installed does.
func (OPD) Installed(dataDir string) (syncapi.ServerConfig, bool) {
	if dataDir == "" {
		dir, err := storage.ResolveDataDir(dataDir)
		if err != nil {
			return syncapi.ServerConfig{}, false
		}
		dataDir = dir
	}
	return InstalledConfig(dataDir)
}

func (OPD) Install(dataDir, file string) (syncapi.ServerConfig, error) { return Install(dataDir, file) }

func (OPD) PushInstalled(ctx context.Context, dataDir string, progress func(done, total int64)) error {
	return PushInstalled(ctx, dataDir, progress)
}

func (OPD) FetchFeedbackFiles(ctx context.Context, dataDir string, pass []byte) ([]string, error) {
	return FetchFeedbackFiles(ctx, dataDir, pass)
}
