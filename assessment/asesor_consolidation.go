package assessment

import (
	"context"
	"time"
)

// AsesorConsolidation is the consolidation part of the assessor's
// workspace: the instansi's assessment of one periode, settled per
// indicator, and its exports. Methods do I/O: call them off the UI
// goroutine.
type AsesorConsolidation interface {
	// Consolidation computes the instansi's assessment of a periode on the
	// catalog its accepted bundles were answered on (returned too).
	Consolidation(ctx context.Context, periode int) (ConsolidationView, *Catalog, error)
	// Settle records the instansi value of one indicator (append-only;
	// Value "" clears it so the default proposal applies again).
	Settle(ctx context.Context, r SettleRequest) error
	// SetResponsible sets the OPDs answering an indicator (nil: every OPD).
	SetResponsible(ctx context.Context, periode, indicator int, opdKodes []string) error
	// ExportConsolidation writes the consolidation of a periode into
	// destDir as format (an Excel workbook, CSV, JSON, or a PDF signed with
	// the assessor's key, which passphrase unlocks; passphrase is ignored
	// for the others) and returns the file written.
	ExportConsolidation(ctx context.Context, periode int, format ExportFormat, destDir string, passphrase []byte) (path string, err error)
}

// ExportFormat is a consolidation export format.
type ExportFormat string

// Consolidation export formats; the value is the file's extension.
const (
	// ExportXLSX is an Excel workbook: numbers stored as numbers, so
	// Indonesian Excel shows them with its decimal comma (the CSV opens
	// there as one column of text).
	ExportXLSX ExportFormat = "xlsx"
	ExportCSV  ExportFormat = "csv"
	ExportJSON ExportFormat = "json"
	ExportPDF  ExportFormat = "pdf"
)

// Sources of a consolidated value.
const (
	SourceSettled  = "ditetapkan" // settled by the assessor
	SourceProposal = "usulan"     // the default proposal
)

// ConsolidationView is the instansi's assessment of one periode.
type ConsolidationView struct {
	Periode        int
	CatalogID      string
	CatalogVersion string
	Rows           []ConsolidationRow
	Score          Score
	// ExcludedRevoked are the OPD codes whose accepted bundle of the
	// periode is signed by a revoked key: left out of the candidates, the
	// proposal and the index, so a screen can say which and why.
	ExcludedRevoked []string
}

// ConsolidationRow is one indicator of the instansi's assessment.
type ConsolidationRow struct {
	Indicator   int
	Responsible []string // OPD codes; nil = every OPD (the default)
	Value       string   // decimal with a point; "" = no value yet
	Source      string   // SourceSettled, SourceProposal or ""
	FromBundle  string   // trail: the bundle the value came from
	FromOPD     string
	Evidence    []ReviewEvidence // the evidence of that OPD answer
	Note        string
	SetBy       string
	SetAt       time.Time
	Candidates  []ConsolidationCandidate
}

// ConsolidationCandidate is one responsible OPD's contribution.
type ConsolidationCandidate struct {
	OPDKode      string
	BundleID     string
	Level        int    // the OPD's level, 0 = not answered
	ReviewStatus string // ReviewAccepted, ReviewRevision or "" (not reviewed)
	Value        string // the accepted value ("" = none)
}

// SettleRequest is the value the assessor settles on for the instansi.
type SettleRequest struct {
	Periode    int
	Indicator  int
	Value      string // decimal 1–5 ("2,5" or "2.5"); "" clears the setting
	FromBundle string // the bundle whose answer it came from; "" = none
	Note       string
	SetBy      string // "" = the workspace's default (the OS user)
}

// ConsolidatedPDFResult describes a signed consolidated report written
// (`consolidate --pdf`; its JSON keys are the CLI's contract).
type ConsolidatedPDFResult struct {
	Path        string `json:"path"`
	Index       string `json:"index"` // decimal with a point, "" = none
	Predicate   string `json:"predicate"`
	Complete    bool   `json:"complete"`
	Answered    int    `json:"answered"`
	Total       int    `json:"total"`
	OPDs        int    `json:"opds"`
	KeyID       string `json:"keyid"`
	Fingerprint string `json:"fingerprint"`
	// ExcludedRevoked are the OPDs left out because their key was revoked.
	ExcludedRevoked []string `json:"excluded_revoked"`
}
