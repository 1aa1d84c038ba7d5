package assessment

import (
	"context"
	"crypto/ed25519"
	"time"
)

// AsesorWorkspace is the assessor's workspace (Tim Asesor Internal) as the
// GUI sees it: importing OPD bundles, the key registry and the recap. Its
// methods do I/O: call them off the UI goroutine. storage/asesorsvc
// implements it (with the rest of assessment/asesorport.Workspace).
type AsesorWorkspace interface {
	// Keys lists the key registry.
	Keys(ctx context.Context) ([]RegisteredKey, error)
	// AddKey registers the public key in file (pending); opdKode "" leaves
	// it unbound until its first bundle. added is false when it was known.
	AddKey(ctx context.Context, file, opdKode string) (k RegisteredKey, added bool, err error)
	// VerifyKey marks a key (id or unique prefix) verified: by whom and
	// how the fingerprint was compared.
	VerifyKey(ctx context.Context, keyID, by, how string) (RegisteredKey, error)
	// RevokeKey revokes a key: its bundles are refused from now on.
	RevokeKey(ctx context.Context, keyID string) (RegisteredKey, error)
	// Recap lists the accepted bundle of every OPD and periode.
	Recap(ctx context.Context) ([]RecapRow, error)
	// ExportRecapCSV writes the recap into destDir as `recap --csv` does
	// and returns the file written.
	ExportRecapCSV(ctx context.Context, destDir string) (path string, err error)
	// ExportRecapXLSX writes the recap into destDir as an Excel workbook
	// (numbers as numbers, one sheet "Rekap OPD") and returns the file
	// written.
	ExportRecapXLSX(ctx context.Context, destDir string) (path string, err error)
	// ExportReviewXLSX writes the review of one bundle (the OPD's answers
	// beside the assessor's decisions) into destDir as an Excel workbook
	// and returns the file written.
	ExportReviewXLSX(ctx context.Context, bundleID, destDir string) (path string, err error)
	// Bundles lists every stored bundle (accepted, superseded, conflict).
	Bundles(ctx context.Context) ([]ReviewBundle, error)
	// ReviewSheet returns the bundle and, per indicator answered or
	// reviewed, the OPD's answer beside the assessor's current review.
	ReviewSheet(ctx context.Context, bundleID string) (ReviewBundle, []ReviewItem, error)
	// SaveReview records one review decision (a new row; the latest is
	// the current one).
	SaveReview(ctx context.Context, d ReviewDecision) error
	// OpenBlob copies a stored evidence file or report (by SHA-256) to a
	// temporary file named name for the system viewer and returns its path.
	// A name that is not a known document type gets ".bin" added (an OPD
	// bundle could carry "SK.pdf.exe"): such a copy must not be handed to
	// the system to open.
	OpenBlob(ctx context.Context, sha256, name string) (string, error)
	// AcceptBundle settles a konflik: the bundle becomes the accepted one
	// of its OPD and periode, the others that were accepted or in
	// conflict become superseded. A bundle signed by a revoked key is
	// refused.
	AcceptBundle(ctx context.Context, bundleID string) error
	// Close releases the workspace.
	Close() error

	AsesorConsolidation
	AsesorPaperCheck
	AsesorFeedback
	AsesorProfile
}

// AsesorProfile is the assessor's own profile in the workspace: the name
// decisions are recorded under. It is the workspace's, not the operating
// system's: the shared laptop of a Tim Asesor runs as one OS user (often
// "root" or "admin"), and the OPD reads the name in its feedback.
type AsesorProfile interface {
	// ReviewerName is the stored name, "" when none was given yet.
	ReviewerName(ctx context.Context) (string, error)
	// SetReviewerName stores the name (trimmed, 1–100 characters).
	SetReviewerName(ctx context.Context, name string) error
}

// ReviewBundle is one stored bundle as the review screen lists it.
type ReviewBundle struct {
	BundleID     string
	OPDKode      string
	OPDNama      string
	Periode      int
	Sequence     uint64
	Status       string // accepted | superseded | conflict
	ReportSHA256 string // the OPD's report PDF
	CreatedAt    string // the OPD device's clock, display only
	Imported     time.Time
	Index        string // recomputed on the catalog (else as claimed); decimal with a point, "" = nothing answered
	Predicate    string
	ClaimedIndex string // as in the OPD's answers.json
	KeyStatus    KeyStatus
	// Catalog is the catalog the OPD answered on, as installed here (the
	// review screen shows its question, criteria and expected evidence);
	// nil when this installation does not hold it.
	Catalog *Catalog
}

// Review statuses and the reasons a revisi may carry.
const (
	ReviewAccepted      = "diterima"
	ReviewRevision      = "revisi"
	ReasonWrongEvidence = "bukti tidak tepat"
	ReasonMissing       = "belum diunggah"
	ReasonAutoRejected  = "ditolak otomatis"
)

// ReviewEvidence is one evidence file the OPD attached to an answer.
type ReviewEvidence struct {
	SHA256 string
	Name   string // original file name
	Level  int    // the level it supports
	Note   string
	// Items are the evidence-item codes the file supports (I4-L1-02),
	// sorted; nil for a bundle without them (answers.json version 1).
	Items []string
}

// ReviewItem is one indicator of the review sheet.
type ReviewItem struct {
	Indicator     int
	Answered      bool // false: the OPD gave no answer
	Level         int
	Justification string
	Evidence      []ReviewEvidence
	// External is the agency score the OPD entered for an externally
	// valued indicator; nil when none.
	External  *ExternalScore
	Reviewed  bool   // false: no decision recorded yet
	Value     string // the assessor's value, decimal with a point, "" = none
	Status    string
	Reason    string
	Note      string
	Revisions int
	// Items are the evidence items judged on the answer, by level, with
	// the cascade applied; nil when the catalog lists none for it.
	// Computed is the value they give ("" = none judged): the default of
	// the assessor's value.
	Items    []ReviewEvidenceItem
	Computed string
	// Reviewer and ReviewedAt are of the current decision (Reviewed).
	Reviewer   string
	ReviewedAt time.Time
	// Counted is the value the recap and the consolidation count
	// (ReviewedValue: the set one, else the computed one, else the OPD's
	// value, when diterima; "" otherwise).
	Counted string
}

// ReviewDecision is one review decision to record.
type ReviewDecision struct {
	BundleID  string
	Indicator int
	Value     string // decimal 1–5 ("2,5" or "2.5"); "" = none
	Status    string // ReviewAccepted or ReviewRevision
	Reason    string // required for revisi, empty for diterima
	Note      string
	Reviewer  string // "" = the workspace profile's ReviewerName
}

// KeyStatus is a registered key's trust state.
type KeyStatus string

// Key states: pending (registered, fingerprint not yet compared: bundles
// import but are not final), verified (the assessor compared the
// fingerprint with the OPD's signed key form or by phone), revoked
// (bundles refused).
const (
	KeyPending  KeyStatus = "pending"
	KeyVerified KeyStatus = "verified"
	KeyRevoked  KeyStatus = "revoked"
)

// Label is the Bahasa Indonesia word shown to the assessor.
func (s KeyStatus) Label() string {
	switch s {
	case KeyPending:
		return "menunggu verifikasi"
	case KeyVerified:
		return "terverifikasi"
	case KeyRevoked:
		return "dicabut"
	}
	return string(s)
}

// RegisteredKey is one entry of the assessor's key registry: the
// workspace's (storage/asesor), the key screen's and `keys --json`'s (the
// JSON keys are that command's output).
type RegisteredKey struct {
	KeyID       string            `json:"keyid"`
	PublicKey   ed25519.PublicKey `json:"-"`
	Fingerprint string            `json:"fingerprint"`
	// OPDKode is "" until bound (keys add --opd, or the first bundle
	// accepted).
	OPDKode     string    `json:"opd_kode,omitempty"`
	Status      KeyStatus `json:"status"` // pending | verified | revoked
	Source      string    `json:"source"`
	FirstSeen   time.Time `json:"first_seen"`
	VerifiedBy  string    `json:"verified_by,omitempty"`
	VerifiedAt  time.Time `json:"verified_at,omitzero"`
	VerifiedHow string    `json:"verified_how,omitempty"`
	RevokedAt   time.Time `json:"revoked_at,omitzero"`
	// LastSequence is the highest sequence stored for the key (0: none).
	LastSequence uint64 `json:"last_sequence"`
}

// RecapRow is one OPD and periode: its accepted bundle. The same row is
// the workspace's (storage/asesor), the recap screen's and `recap
// --json`'s (the JSON keys are that command's output).
type RecapRow struct {
	OPDKode  string `json:"opd_kode"`
	OPDNama  string `json:"opd_nama"`
	Instansi string `json:"instansi"`
	Periode  int    `json:"periode"`
	// Index … Total are recomputed from the answers on the catalog when
	// Recomputed, else as the OPD claimed them in answers.json. Index is
	// 4 decimals with a point, "" when nothing is answered.
	Index      string `json:"index"`
	Predicate  string `json:"predicate"`
	Complete   bool   `json:"complete"` // false: the index is provisional (sementara)
	Answered   int    `json:"answered"`
	Total      int    `json:"total"`
	Recomputed bool   `json:"recomputed"`
	// ClaimedIndex and ClaimedPredicate are the OPD's own (answers.json);
	// IndexMismatch: they differ from the recomputed ones (the OPD's
	// program computed otherwise, or answers.json was made by hand).
	ClaimedIndex     string    `json:"claimed_index"`
	ClaimedPredicate string    `json:"claimed_predicate"`
	IndexMismatch    bool      `json:"index_mismatch"`
	KeyID            string    `json:"keyid"`
	KeyStatus        KeyStatus `json:"key_status"`    // pending: not final until the key is verified
	Sequence         uint64    `json:"last_sequence"` // of the accepted bundle
	BundleID         string    `json:"bundle_id"`     // the accepted bundle
	CreatedAt        string    `json:"created_at"`    // the OPD device's clock, display only
	Imported         time.Time `json:"imported_at"`
	Versions         int       `json:"versions"`  // bundles stored for this OPD + periode
	Conflicts        int       `json:"conflicts"` // of them in conflict with the accepted one
	// ReviewedIndex and ReviewedPredicate score the assessor's values
	// (ReviewedValue per indicator: the value set, else the one the items
	// compute, else the OPD level, for a diterima decision) on the
	// bundle's catalog, 4 decimals with a point; "" while no decision gives
	// a value or the catalog is not installed. Reviewed counts the
	// indicators with such a value.
	ReviewedIndex     string `json:"reviewed_index,omitempty"`
	ReviewedPredicate string `json:"reviewed_predicate,omitempty"`
	Reviewed          int    `json:"reviewed,omitempty"`
}

// Acceptance is the outcome of settling a konflik (`accept`): the
// workspace's and `accept --json`'s (the JSON keys are that command's).
type Acceptance struct {
	BundleID   string   `json:"bundle_id"`   // now the accepted bundle
	PreviousID string   `json:"previous_id"` // the bundle accepted before ("" = none; = BundleID when it stays)
	OPDKode    string   `json:"opd_kode"`
	Periode    int      `json:"periode"`
	Superseded []string `json:"superseded"` // bundles set aside (were accepted or in conflict); never nil from accept
	DecidedBy  string   `json:"decided_by"`
	// Changed: the accepted bundle changed or bundles were set aside.
	Changed bool `json:"changed"`
}
