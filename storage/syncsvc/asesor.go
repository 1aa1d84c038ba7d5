package syncsvc

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"

	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// The Tim Asesor's registry publish and pull run on the open workspace:
// storage/asesorsvc (Service.PublishRegistry, Pull, PullFromServer).
// Sending feedback needs no workspace: the file is already signed.

// Relay is the syncapi.FeedbackRelay: it puts an exported .spbe-umpan
// file on the server for the OPD (already signed: no passphrase).
type Relay struct{}

var _ syncapi.FeedbackRelay = Relay{}

// Send sends file to t's server; added false: it was there.
func (Relay) Send(ctx context.Context, t syncapi.Target, file string) (bool, error) {
	data, err := feedback.ReadFile(file)
	if err != nil {
		return false, err
	}
	return syncclient.Asesor{Server: t.Server, Pemda: t.Pemda}.PushFeedback(ctx, data)
}

// SendInstalled sends to the server of the data folder's installed
// configuration.
func (r Relay) SendInstalled(ctx context.Context, dataDir, file string) (bool, error) {
	c, _, err := outbox.LoadServerConfig(dataDir)
	if err != nil {
		return false, err
	}
	return r.Send(ctx, syncapi.Target{Server: c.Server, Pemda: c.Pemda}, file)
}
