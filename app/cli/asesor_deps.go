package cli

import (
	"context"
	"errors"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// AsesorDeps is what the assessor's commands (import, keys, recap) need
// from the assessor workspace (storage/asesor); main.go fills it
// (wiring_asesor.go), so this package never imports storage. Each function
// opens the workspace <data>/asesor of the data folder dataDir ("" = the
// default), takes its lock, and closes it again.
type AsesorDeps struct {
	// Import verifies and stores bundle files and the *.spbe files of
	// folders; progress may be nil.
	Import func(ctx context.Context, dataDir string, paths []string, progress func(done, total int)) ([]intake.Outcome, error)
	// Keys lists the key registry.
	Keys func(ctx context.Context, dataDir string) ([]assessment.RegisteredKey, error)
	// AddKey registers a public key file as pending; opdKode "" leaves it
	// unbound until its first bundle. added is false when it was known.
	AddKey func(ctx context.Context, dataDir, file, opdKode string) (k assessment.RegisteredKey, added bool, err error)
	// VerifyKey marks a key (id or unique prefix) verified, recording who and how.
	VerifyKey func(ctx context.Context, dataDir, keyID, by, how string) (assessment.RegisteredKey, error)
	// RevokeKey marks a key revoked.
	RevokeKey func(ctx context.Context, dataDir, keyID string) (assessment.RegisteredKey, error)
	// Recap lists the accepted bundle of every OPD and periode, by OPD code.
	Recap func(ctx context.Context, dataDir string) ([]assessment.RecapRow, error)
	// Review records a review decision (append-only; Value "" = none).
	Review func(ctx context.Context, dataDir string, e assessment.ReviewEntry) (assessment.ReviewEntry, error)
	// ReviewSheet returns a bundle's answers beside the current reviews.
	ReviewSheet func(ctx context.Context, dataDir, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error)
	// ReviewItem records a verdict on one evidence item (append-only);
	// accepting an item the cascade rejects automatically is refused.
	ReviewItem func(ctx context.Context, dataDir string, e assessment.ItemReviewEntry) (assessment.ItemReviewEntry, error)
	// Consolidate computes the instansi's assessment of a periode.
	Consolidate func(ctx context.Context, dataDir string, periode int) (assessment.ConsolidationView, error)
	// Settle records the instansi value of an indicator ("" clears it).
	Settle func(ctx context.Context, dataDir string, req assessment.SettleRequest) error
	// SetResponsible sets the OPDs answering an indicator (nil: all).
	SetResponsible func(ctx context.Context, dataDir string, periode, indicator int, opdKodes []string) error
	// ExportFeedback signs the feedback on a reviewed bundle with the
	// assessor's key (<data>/asesor/keys, created on first use) and writes
	// it and the assessor's public key file to OutDir.
	ExportFeedback func(ctx context.Context, dataDir string, req assessment.FeedbackExportRequest) (assessment.FeedbackExported, error)
	// PaperCheck finds the bundle of a printed report from its QR text.
	PaperCheck func(ctx context.Context, dataDir, text string) (assessment.PaperCheckResult, error)
	// Accept makes a bundle (id or unique prefix) the accepted one of its
	// OPD and periode, settling a konflik; by is who decided.
	Accept func(ctx context.Context, dataDir, bundleID, by string) (assessment.Acceptance, error)
	// Bundles lists every stored bundle, by OPD code, periode and sequence.
	Bundles func(ctx context.Context, dataDir string) ([]assessment.ReviewBundle, error)
	// ReviewerName is the workspace profile's assessor name ("" = none
	// yet); SetReviewerName stores it. Either may be nil.
	ReviewerName    func(ctx context.Context, dataDir string) (string, error)
	SetReviewerName func(ctx context.Context, dataDir, name string) error
	// Operator is the default for `keys verify --by` (the OS user name).
	Operator func() string
	// ConsolidatedPDF writes the consolidated report of a periode, signed with the assessor's key (asesor_consolidate_deps.go).
	ConsolidatedPDF func(ctx context.Context, dataDir string, req assessment.ConsolidatedPDFRequest) (assessment.ConsolidatedPDFResult, error)
	// WriteSheet writes a view as an Excel workbook to req.Out and returns
	// its number of rows (asesor_sheet.go).
	WriteSheet func(ctx context.Context, dataDir string, req assessment.SheetRequest) (rows int, err error)
}

// StoredBundle is one stored bundle in `bundles --json` (the JSON
// encoding of assessment.ReviewBundle; its keys are the CLI's contract).
type StoredBundle struct {
	BundleID     string    `json:"bundle_id"`
	OPDKode      string    `json:"opd_kode"`
	OPDNama      string    `json:"opd_nama"`
	Periode      int       `json:"periode"`
	Sequence     uint64    `json:"sequence"`
	Status       string    `json:"status"` // accepted | superseded | conflict
	KeyStatus    string    `json:"key_status"`
	CreatedAt    string    `json:"created_at"`
	ImportedAt   time.Time `json:"imported_at"`
	Index        string    `json:"index"`
	Predicate    string    `json:"predicate"`
	ClaimedIndex string    `json:"claimed_index"`
}

func storedBundle(b assessment.ReviewBundle) StoredBundle {
	return StoredBundle{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
		Sequence: b.Sequence, Status: b.Status, KeyStatus: string(b.KeyStatus), CreatedAt: b.CreatedAt,
		ImportedAt: b.Imported, Index: b.Index, Predicate: b.Predicate, ClaimedIndex: b.ClaimedIndex}
}

func asesorDeps(env *Env) (*AsesorDeps, error) {
	if env.Asesor == nil {
		return nil, errors.New("ruang kerja asesor tidak tersedia di lingkungan ini")
	}
	return env.Asesor, nil
}

// keyStatusLabel is the Bahasa Indonesia word for a key status.
func keyStatusLabel(s string) string { return assessment.KeyStatus(s).Label() }
