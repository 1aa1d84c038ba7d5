package assessment

import "context"

// OPDFolder is an opened OPD data folder: what the CLI's commands and the
// GUI's OPD screens work on. storage/opdsvc.OpenFolder builds it, and both
// the CLI (cli.Env.Services) and the GUI (app.Deps.Open) get it from that
// one opener, so a use case reached from a screen and from a command is
// the same call on the same port. A nil port means "not in this build":
// the command fails with a message, the GUI hides the button.
type OPDFolder struct {
	DataDir string
	Store   Store
	Library *Library
	// Export writes the folder's signed bundles and printable PDFs and
	// opens the folder's own bundles.
	Export OPDExport
	// Keys is the folder's signing key (the key screen, and the export's
	// check whether a key must be made first).
	Keys OPDKeys
	// Portal writes the Paket unggah portal of one assessment.
	Portal OPDPortal
	// Inbox is the assessor feedback the folder received.
	Inbox FeedbackInbox
}

// Close releases the data folder (its lock and database).
func (f *OPDFolder) Close() error { return f.Store.Close() }

// OPDExport is the export side of an open OPD data folder. Its methods do
// I/O: the GUI calls them off the UI goroutine.
type OPDExport interface {
	// Bundle writes the signed bundle of one assessment (the signed
	// report inside, the public key file beside it, the export log). It
	// never creates a signing key.
	Bundle(ctx context.Context, req ExportRequest) (ExportResult, error)
	// Publish is Bundle plus the collection server: the bundle is also
	// queued in the folder's outbox when a server is configured (the
	// GUI's Ekspor; the CLI's `export` does not queue, `sync add` does).
	Publish(ctx context.Context, req ExportRequest) (ExportResult, error)
	// DraftReport renders the assessment's report as it stands, unsigned
	// (footer "belum diekspor"), in memory.
	DraftReport(ctx context.Context, assessmentID string) ([]byte, error)
	// KeyForm renders the Formulir Pendaftaran Kunci of the installed key.
	KeyForm(ctx context.Context) ([]byte, error)
	// VerifyOwn checks one bundle file against this folder's own key.
	VerifyOwn(ctx context.Context, bundlePath string) (VerifyReport, error)
	// OwnReport copies the signed report out of one of this folder's own
	// bundles (read-only, once) and returns its path.
	OwnReport(ctx context.Context, bundlePath string) (pdfPath string, err error)
}

// OPDPortal writes the Paket unggah portal (docs/portal-package.md) of one
// of the folder's assessments.
type OPDPortal interface {
	// Package writes the package as the folder req.OutDir, checked
	// against the output-path policy (the CLI's portal-package).
	Package(ctx context.Context, req PortalRequest) (PortalResult, error)
	// PackageIn writes it into a new folder inside parentDir and returns
	// that folder; progress receives 0..1 from any goroutine (the GUI).
	PackageIn(ctx context.Context, assessmentID, parentDir string, progress func(float64)) (dir string, err error)
}

// ByteProgress turns a progress bar (0…1, nil: none) into the byte-count
// callback of an export or a package.
func ByteProgress(progress func(float64)) func(done, total int64) {
	return func(done, total int64) {
		if progress != nil && total > 0 {
			progress(float64(done) / float64(total))
		}
	}
}
