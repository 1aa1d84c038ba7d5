package syncsvc

import (
	"context"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsync"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// Asesor is the Tim Asesor's side on the workspaces of Folder.
type Asesor struct {
	Folder asesorsvc.ByFolder
}

// PublishRegistry signs the workspace's key registry and puts it on the
// server; n is the number of OPD keys listed.
func (a Asesor) PublishRegistry(ctx context.Context, dataDir, server, pemda string, pass []byte) (n int, err error) {
	err = a.Folder.With(dataDir, func(w *asesor.Workspace) error {
		tim, err := timAsesor(w, server, pemda, pass)
		if err == nil {
			n, err = asesorsync.PublishRegistry(ctx, w, tim)
		}
		return err
	})
	return n, err
}

// Pull fetches the bundles the server decided since the workspace's
// cursor and imports them with the ordinary import.
func (a Asesor) Pull(ctx context.Context, dataDir, server, pemda string, pass []byte) (out []intake.Outcome, err error) {
	err = a.Folder.With(dataDir, func(w *asesor.Workspace) error {
		out, err = PullOn(ctx, w, server, pemda, pass)
		return err
	})
	return out, err
}

// PullOn pulls into the open workspace w.
func PullOn(ctx context.Context, w *asesor.Workspace, server, pemda string, pass []byte) ([]intake.Outcome, error) {
	tim, err := timAsesor(w, server, pemda, pass)
	if err != nil {
		return nil, err
	}
	return asesorsync.Pull(ctx, w, tim)
}

// PullInstalled is the GUI's Tarik dari server: on the open workspace, to
// the server of its data folder's configuration.
func PullInstalled(ctx context.Context, w *asesor.Workspace, pass []byte) ([]intake.Outcome, error) {
	c, _, err := outbox.LoadServerConfig(filepath.Dir(w.Dir()))
	if err != nil {
		return nil, err
	}
	return PullOn(ctx, w, c.Server, c.Pemda, pass)
}

// SendFeedback puts an exported .spbe-umpan file on the server for the
// OPD (already signed: no passphrase); added false: it was there.
func SendFeedback(ctx context.Context, server, pemda, file string) (bool, error) {
	data, err := feedback.ReadFile(file)
	if err != nil {
		return false, err
	}
	return syncclient.Asesor{Server: server, Pemda: pemda}.PushFeedback(ctx, data)
}

// SendFeedbackInstalled sends to the server of the data folder's
// installed configuration.
func SendFeedbackInstalled(ctx context.Context, dataDir, file string) (bool, error) {
	c, _, err := outbox.LoadServerConfig(dataDir)
	if err != nil {
		return false, err
	}
	return SendFeedback(ctx, c.Server, c.Pemda, file)
}

func timAsesor(w *asesor.Workspace, server, pemda string, pass []byte) (syncclient.Asesor, error) {
	key, err := asesorsvc.UnlockAsesorKey(w, pass)
	if err != nil {
		return syncclient.Asesor{}, err
	}
	return syncclient.Asesor{Server: server, Pemda: pemda, Key: key.Private()}, nil
}
