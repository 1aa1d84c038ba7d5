package syncapi

import "context"

// FeedbackRelay puts the Tim Asesor's exported, already signed feedback
// file (.spbe-umpan) on the collection server, which relays it to the
// OPD's next sync. It needs no workspace and no passphrase: the file is
// signed. storage/syncsvc.Relay implements it for the CLI's `sync
// send-feedback` and the GUI's *Kirim catatan ke server*. added false:
// the server had it already.
type FeedbackRelay interface {
	// Send sends file to the server named by t (CLI: --server, --pemda).
	Send(ctx context.Context, t Target, file string) (added bool, err error)
	// SendInstalled sends file to the server installed in the data
	// folder dataDir (GUI).
	SendInstalled(ctx context.Context, dataDir, file string) (added bool, err error)
}
