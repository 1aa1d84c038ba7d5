// Package asesorport is the assessor's workspace (Tim Asesor Internal,
// <data>/asesor) as one port for both front ends: the GUI's screens and
// the CLI's commands call the same methods of the same service
// (storage/asesorsvc.Service). It is a package of its own because it
// joins assessment's port with intake's import, and intake imports
// assessment.
package asesorport

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// Workspace is the assessor's open workspace. Its methods do I/O (call
// them off the UI goroutine); Close releases the workspace's lock.
type Workspace interface {
	assessment.AsesorWorkspace
	assessment.AsesorItemReview
	assessment.InstansiPortalPackager
	intake.Importer
	Records
	Files
	Server
}

// Records are the decisions as the command line records them: each
// returns what was recorded, for `--json`.
type Records interface {
	// Review records a review decision under d.Reviewer (append-only;
	// the indicator must be in the bundle's catalog).
	Review(ctx context.Context, d assessment.ReviewDecision) (assessment.ReviewEntry, error)
	// ReviewItem records a verdict on one evidence item under d.Reviewer;
	// accepting an item the cascade rejects automatically is refused.
	ReviewItem(ctx context.Context, d assessment.ItemDecision) (assessment.ItemReviewEntry, error)
	// Accept makes a bundle (id or unique prefix) the accepted one of its
	// OPD and periode, settling a konflik; by "" = the profile's assessor.
	Accept(ctx context.Context, bundleID, by string) (assessment.Acceptance, error)
	// Operator is the OS user: the default of `keys verify --by` and of
	// decisions made before the workspace profile named anybody.
	Operator() string
}

// Files are the files the command line writes under a name it was given
// (the GUI's exports choose a free name in a folder instead).
type Files interface {
	// SignFeedback signs the feedback on a reviewed bundle with the
	// assessor's key (created on first use) and writes it and the
	// assessor's public key file into req.OutDir.
	SignFeedback(ctx context.Context, req assessment.FeedbackExportRequest) (assessment.FeedbackExported, error)
	// ConsolidatedPDF writes the consolidated report of a periode, signed
	// with the assessor's key, to req.Out; the passphrase is read only
	// once the output is allowed and the key exists.
	ConsolidatedPDF(ctx context.Context, req assessment.ConsolidatedPDFRequest) (assessment.ConsolidatedPDFResult, error)
	// WriteSheet writes a view as an Excel workbook to req.Out and
	// returns its number of rows.
	WriteSheet(ctx context.Context, req assessment.SheetRequest) (rows int, err error)
	// InstansiPackage writes the portal package of req.Periode's
	// consolidation as the folder req.OutDir.
	InstansiPackage(ctx context.Context, req assessment.PortalRequest) (assessment.PortalResult, error)
}

// Server is the Tim Asesor's side of the collection server
// (docs/sync.md), signed with the assessor's key, which pass unlocks.
type Server interface {
	// PublishRegistry signs the key registry and puts it on the server;
	// n is the number of OPD keys listed.
	PublishRegistry(ctx context.Context, server, pemda string, pass []byte) (n int, err error)
	// Pull fetches the bundles the server decided since the workspace's
	// cursor and imports them with the ordinary import; the cursor moves
	// only past what was imported.
	Pull(ctx context.Context, server, pemda string, pass []byte) ([]intake.Outcome, error)
	// PullFromServer is Pull from the server of the data folder's
	// installed configuration (the GUI's Tarik dari server).
	PullFromServer(ctx context.Context, pass []byte) ([]intake.Outcome, error)
}
