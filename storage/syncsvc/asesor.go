package syncsvc

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// The Tim Asesor's registry publish and pull run on the open workspace:
// storage/asesorsvc (Service.PublishRegistry, Pull, PullFromServer).
// Sending feedback needs no workspace: the file is already signed.

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
