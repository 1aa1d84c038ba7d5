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

// Ports is the collection server as the desktop uses it, the same value
// for the GUI (app.SyncDeps) and the CLI (cli.SyncDeps): the OPD's outbox
// and the Tim Asesor's feedback relay. A nil field hides what needs it.
type Ports struct {
	// Outbox is the OPD data folder's queue and installed server
	// configuration (storage/syncsvc.OPD).
	Outbox Outbox
	// Feedback puts the Tim Asesor's exported .spbe-umpan on the server
	// for the OPD (storage/syncsvc.Relay).
	Feedback FeedbackRelay
}
