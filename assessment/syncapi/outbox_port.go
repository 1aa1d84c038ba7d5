package syncapi

import "context"

// Outbox is the OPD data folder's queue to the collection server
// (docs/sync.md), as the CLI's `sync` commands and the GUI's Server
// pengumpul use it; storage/syncsvc.OPD implements it. It works on the
// folder's files beside the store, without the database lock, so it takes
// the data folder: "" (the CLI's default folder) is resolved by the
// methods the CLI calls; the GUI passes the folder it has open.
type Outbox interface {
	// Add queues an exported bundle file (CLI; dataDir may be "").
	Add(dataDir, bundle string) error
	// Items lists the outbox (CLI; dataDir may be "").
	Items(dataDir string) ([]OutboxItem, error)
	// Push checks and installs t.Config when given (else t.Server and
	// t.Pemda, else the installed configuration) and sends the queued
	// bundles in order, reporting each one the server decided or refused;
	// an error means the server could not be reached (CLI).
	Push(ctx context.Context, dataDir string, t Target, report func(OutboxItem)) error
	// FetchFeedback unlocks the OPD key with pass and fetches the feedback
	// on every bundle the server accepted (CLI).
	FetchFeedback(ctx context.Context, dataDir string, t Target, pass []byte) ([]FetchedFeedback, error)

	// Installed is the open folder's installed server configuration (ok
	// false: none yet).
	Installed(dataDir string) (ServerConfig, bool)
	// Install checks a server-configuration file from the Pemda and keeps
	// a copy in the folder.
	Install(dataDir, file string) (ServerConfig, error)
	// ItemsIn lists the outbox of the open folder (GUI).
	ItemsIn(dataDir string) ([]OutboxItem, error)
	// PushInstalled sends the queued bundles to the installed server
	// (resumable, with back-off); progress gets the bytes acknowledged of
	// those still missing (GUI).
	PushInstalled(ctx context.Context, dataDir string, progress func(done, total int64)) error
	// FetchFeedbackFiles fetches the feedback on the accepted bundles into
	// .spbe-umpan files in the folder for the ordinary import (GUI).
	FetchFeedbackFiles(ctx context.Context, dataDir string, pass []byte) (files []string, err error)
}

// Target names the collection server for one CLI command.
type Target struct {
	Server string // base URL
	Pemda  string // kode wilayah, e.g. 72.10
	// Config is a server-configuration file from the Pemda (push: checked
	// and installed in the data folder before pushing).
	Config string
}

// FetchedFeedback is one feedback file fetched for a bundle of the
// outbox.
type FetchedFeedback struct {
	Bundle   string // the outbox entry's file name
	Envelope []byte // the .spbe-umpan file as the Tim Asesor signed it
}
