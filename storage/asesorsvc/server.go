package asesorsvc

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsync"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// PublishRegistry signs the workspace's key registry and puts it on the
// server (`sync registry`); n is the number of OPD keys listed.
func (a *Service) PublishRegistry(ctx context.Context, server, pemda string, pass []byte) (int, error) {
	tim, err := a.timAsesor(server, pemda, pass)
	if err != nil {
		return 0, err
	}
	return asesorsync.PublishRegistry(ctx, a.w, tim)
}

// Pull fetches the bundles the server decided since the workspace's
// cursor and imports them with the ordinary import (`sync pull`).
func (a *Service) Pull(ctx context.Context, server, pemda string, pass []byte) ([]intake.Outcome, error) {
	tim, err := a.timAsesor(server, pemda, pass)
	if err != nil {
		return nil, err
	}
	return asesorsync.Pull(ctx, a.w, tim)
}

// PullFromServer is the GUI's Tarik dari server: Pull from the server of
// the data folder's installed configuration.
func (a *Service) PullFromServer(ctx context.Context, pass []byte) ([]intake.Outcome, error) {
	c, _, err := outbox.LoadServerConfig(a.dataDir())
	if err != nil {
		return nil, err
	}
	return a.Pull(ctx, c.Server, c.Pemda, pass)
}

// timAsesor is the Tim Asesor's client, signing with the assessor key.
func (a *Service) timAsesor(server, pemda string, pass []byte) (syncclient.Asesor, error) {
	key, err := UnlockAsesorKey(a.w, pass)
	if err != nil {
		return syncclient.Asesor{}, err
	}
	return syncclient.Asesor{Server: server, Pemda: pemda, Key: key.Private()}, nil
}
