package cli

import (
	"context"
	"errors"
	"time"

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
	Keys func(ctx context.Context, dataDir string) ([]RegistryKey, error)
	// AddKey registers a public key file as pending; opdKode "" leaves it
	// unbound until its first bundle. added is false when it was known.
	AddKey func(ctx context.Context, dataDir, file, opdKode string) (k RegistryKey, added bool, err error)
	// VerifyKey marks a key (id or unique prefix) verified, recording who and how.
	VerifyKey func(ctx context.Context, dataDir, keyID, by, how string) (RegistryKey, error)
	// RevokeKey marks a key revoked.
	RevokeKey func(ctx context.Context, dataDir, keyID string) (RegistryKey, error)
	// Recap lists the accepted bundle of every OPD and periode, by OPD code.
	Recap func(ctx context.Context, dataDir string) ([]RecapRow, error)
	// Review records a review decision (append-only; Value "" = none).
	Review func(ctx context.Context, dataDir string, e ReviewEntry) (ReviewEntry, error)
	// ReviewSheet returns a bundle's answers beside the current reviews.
	ReviewSheet func(ctx context.Context, dataDir, bundleID string) (ReviewSheet, error)
	// Consolidate computes the instansi's assessment of a periode.
	Consolidate func(ctx context.Context, dataDir string, periode int) (Consolidation, error)
	// Settle records the instansi value of an indicator ("" clears it).
	Settle func(ctx context.Context, dataDir string, req SettleRequest) error
	// SetResponsible sets the OPDs answering an indicator (nil: all).
	SetResponsible func(ctx context.Context, dataDir string, periode, indicator int, opdKodes []string) error
	// ExportFeedback signs the feedback on a reviewed bundle with the
	// assessor's key (<data>/asesor/keys, created on first use) and writes
	// it and the assessor's public key file to OutDir.
	ExportFeedback func(ctx context.Context, dataDir string, req FeedbackExportRequest) (FeedbackExported, error)
	// ImportFeedback (OPD side) verifies a feedback file with a trusted
	// assessor key (trusting PublicKeyFile first when Trust) and stores it.
	ImportFeedback func(ctx context.Context, dataDir string, req FeedbackImportRequest) (FeedbackReceived, error)
	// ShowFeedback (OPD side) lists the feedback on an assessment.
	ShowFeedback func(ctx context.Context, dataDir, assessmentID string) ([]FeedbackReceived, error)
	// PaperCheck finds the bundle of a printed report from its QR text.
	PaperCheck func(ctx context.Context, dataDir, text string) (PaperCheck, error)
	// Accept makes a bundle (id or unique prefix) the accepted one of its
	// OPD and periode, settling a konflik; by is who decided.
	Accept func(ctx context.Context, dataDir, bundleID, by string) (Acceptance, error)
	// Bundles lists every stored bundle, by OPD code, periode and sequence.
	Bundles func(ctx context.Context, dataDir string) ([]StoredBundle, error)
	// ReviewerName is the workspace profile's assessor name ("" = none
	// yet); SetReviewerName stores it. Either may be nil.
	ReviewerName    func(ctx context.Context, dataDir string) (string, error)
	SetReviewerName func(ctx context.Context, dataDir, name string) error
	// Operator is the default for `keys verify --by` (the OS user name).
	Operator func() string
	// ConsolidatedPDF writes the consolidated report of a periode, signed with the assessor's key (asesor_consolidate_deps.go).
	ConsolidatedPDF func(ctx context.Context, dataDir string, req ConsolidatedPDFRequest) (ConsolidatedPDFResult, error)
	// WriteSheet writes a view as an Excel workbook to req.Out and returns
	// its number of rows (asesor_sheet.go).
	WriteSheet func(ctx context.Context, dataDir string, req SheetRequest) (rows int, err error)
}

// RegistryKey is one OPD public key in the assessor's registry.
type RegistryKey struct {
	KeyID        string    `json:"keyid"`
	Fingerprint  string    `json:"fingerprint"`
	OPDKode      string    `json:"opd_kode,omitempty"`
	Status       string    `json:"status"` // pending | verified | revoked
	Source       string    `json:"source"`
	FirstSeen    time.Time `json:"first_seen"`
	VerifiedBy   string    `json:"verified_by,omitempty"`
	VerifiedAt   time.Time `json:"verified_at,omitzero"`
	VerifiedHow  string    `json:"verified_how,omitempty"`
	RevokedAt    time.Time `json:"revoked_at,omitzero"`
	LastSequence uint64    `json:"last_sequence"`
}

// RecapRow is one OPD and periode in the recap.
type RecapRow struct {
	OPDKode      string    `json:"opd_kode"`
	OPDNama      string    `json:"opd_nama"`
	Instansi     string    `json:"instansi"`
	Periode      int       `json:"periode"`
	Index        string    `json:"index"` // recomputed on the catalog when recomputed, else as claimed
	Predicate    string    `json:"predicate"`
	Complete     bool      `json:"complete"`
	Answered     int       `json:"answered"`
	Total        int       `json:"total"`
	Recomputed   bool      `json:"recomputed"`
	ClaimedIndex string    `json:"claimed_index"` // the OPD's own (answers.json)
	ClaimedPred  string    `json:"claimed_predicate"`
	Mismatch     bool      `json:"index_mismatch"`
	KeyID        string    `json:"keyid"`
	KeyStatus    string    `json:"key_status"`
	LastSequence uint64    `json:"last_sequence"`
	BundleID     string    `json:"bundle_id"`
	CreatedAt    string    `json:"created_at"`
	ImportedAt   time.Time `json:"imported_at"`
	Versions     int       `json:"versions"`
	Conflicts    int       `json:"conflicts"`
}

// Acceptance is the outcome of `accept`.
type Acceptance struct {
	BundleID   string   `json:"bundle_id"`
	PreviousID string   `json:"previous_id"`
	OPDKode    string   `json:"opd_kode"`
	Periode    int      `json:"periode"`
	Superseded []string `json:"superseded"`
	DecidedBy  string   `json:"decided_by"`
	Changed    bool     `json:"changed"`
}

// StoredBundle is one stored bundle in `bundles`.
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

func asesorDeps(env *Env) (*AsesorDeps, error) {
	if env.Asesor == nil {
		return nil, errors.New("ruang kerja asesor tidak tersedia di lingkungan ini")
	}
	return env.Asesor, nil
}

// keyStatusLabel is the Bahasa Indonesia word for a key status.
func keyStatusLabel(s string) string {
	switch s {
	case "pending":
		return "menunggu verifikasi"
	case "verified":
		return "terverifikasi"
	case "revoked":
		return "dicabut"
	}
	return s
}
