package assessment

import (
	"context"
	"time"
)

// FeedbackInbox is the OPD side of the assessor's signed feedback (the
// open folder's OPDFolder.Inbox): the GUI looks at a feedback file before
// trusting its signer, imports it and reads the assessor's notes per
// indicator; the CLI's `feedback import` and `feedback show` use Receive
// and Received. Its methods do I/O: call them off the UI goroutine.
// storage.DB.FeedbackInbox implements it on the local store.
type FeedbackInbox interface {
	// Preview reads the feedback file and stores nothing. When its signer
	// was never trusted, the assessor's public key is read from keyFile,
	// or ("") from the key file of the signer beside the file
	// (KUNCI_ASESOR.json or KUNCI_ASESOR_<key id>.json) when there is
	// one, and the file is verified with it, so the officer sees what
	// they are about to trust. A keyFile that is not the signer's is an
	// error. A signer whose trust was withdrawn is reported (Withdrawn)
	// without looking for a key file: it is not trusted again here.
	Preview(ctx context.Context, file, keyFile string) (FeedbackPreview, error)
	// Import verifies and stores the feedback file previewed in p. It is
	// refused when the file no longer holds the bytes previewed (SHA256)
	// or the signer changed: the officer's answer was about those. With
	// trust, p.KeyFile — the key whose fingerprint the officer compared —
	// is trusted first; a withdrawn key is never trusted again by Import.
	Import(ctx context.Context, p FeedbackPreview, trust bool) (FeedbackImported, error)
	// Notes are the assessor's notes on an assessment from its newest
	// feedback whose key is still trusted (the highest bundle sequence in
	// the export log, then the latest imported); zero when there is none.
	Notes(ctx context.Context, assessmentID string) (FeedbackNotes, error)
	// Receive is `feedback import`: it verifies and stores the file
	// r.File. Its signer must be trusted already, or r.KeyFile is given
	// with Trust (after the fingerprint was compared); an unknown key is
	// refused, and a key whose trust was withdrawn needs Retrust.
	Receive(ctx context.Context, r FeedbackReceipt) (FeedbackReceived, error)
	// Received is `feedback show`: every stored feedback file on the
	// assessment, current or history, in the store's order.
	Received(ctx context.Context, assessmentID string) ([]FeedbackReceived, error)
}

// FeedbackReceipt asks Receive to import one feedback file.
type FeedbackReceipt struct {
	File, KeyFile string
	Trust         bool // trust KeyFile's key, never trusted here
	// Retrust trusts again a key whose trust was withdrawn (`feedback
	// untrust`); Trust alone is refused for it.
	Retrust bool
}

// FeedbackReceived is one stored feedback file as the command line shows
// it: the texts as the assessor signed them.
type FeedbackReceived struct {
	AssessmentID string
	BundleID     string
	Sequence     uint64 // the reviewed bundle's number in the export log
	Asesor       string
	Fingerprint  string // of the key that verified the signature
	CreatedAt    string // the assessor's clock, as signed
	// KeyWithdrawnAt is when the trust in the signing key was withdrawn
	// (zero: trusted): kept, but not the assessor's word any more.
	KeyWithdrawnAt time.Time
	Known          bool // Receive: imported before, nothing changed
	TrustedNow     bool // Receive: the assessor key was trusted by this import
	Notes          []FeedbackNote
	// Superseded says why this file is history and not the current
	// feedback (a newer one was imported before it); "" when current.
	Superseded string
}

// FeedbackPreview is what a feedback file says before it is imported.
type FeedbackPreview struct {
	File    string
	SHA256  string // hex SHA-256 of the file's bytes as previewed
	Trusted bool   // the signer is trusted already: Import needs no key file
	// Withdrawn: the trust in the signer was withdrawn at WithdrawnAt
	// (`feedback untrust`); the feedback is not imported and the officer
	// is not asked to trust the key again.
	Withdrawn   bool
	WithdrawnAt time.Time
	KeyID       string // the signer
	KeyFile     string // the public key file read; "" when untrusted and none was found
	Verified    bool   // the content below was verified with the signer's key
	// Fingerprint is the signer's, computed from the verifying key (the
	// trusted or withdrawn one, or KeyFile's), never the file's claim.
	Fingerprint string
	Asesor      string // the assessor team's name in the file
	OPDKode     string
	Periode     int
	Sequence    uint64 // the bundle reviewed
	Items       int
}

// FeedbackImported is the outcome of importing one feedback file.
type FeedbackImported struct {
	AssessmentID string
	Known        bool // the same signed feedback was imported before (in any envelope): nothing changed
	Older        bool // stored as history: a newer feedback was imported before it and stays current
	TrustedNow   bool // the assessor key was trusted by this import
	Fingerprint  string
	OPDKode      string
	Periode      int
	Sequence     uint64
	Items        int
}

// FeedbackNotes are the notes of one feedback file, by indicator.
type FeedbackNotes struct {
	Asesor      string
	Fingerprint string // of the key that verified the feedback
	BundleID    string
	Sequence    uint64    // the bundle the notes are about
	CreatedAt   time.Time // the assessor's clock
	ImportedAt  time.Time
	Items       map[int]FeedbackNote
}

// FeedbackNote is the assessor's current review of one indicator.
type FeedbackNote struct {
	Indicator  int
	Status     string // ReviewAccepted or ReviewRevision
	Reason     string // for a revisi
	Value      string // the assessor's value, decimal with a point; "" = none
	Note       string
	Reviewer   string
	ReviewedAt time.Time
	// ReviewedAtSigned is ReviewedAt as the file says it ("" = none),
	// which `feedback show` prints verbatim.
	ReviewedAtSigned string
	// Computed is the value the item review gave ("" = none); Items are
	// the verdicts per evidence item (feedback format 2; nil before).
	Computed string
	Items    []FeedbackItemNote
}

// NeedsRevision reports whether the assessor sent the indicator back.
func (n FeedbackNote) NeedsRevision() bool { return n.Status == ReviewRevision }

// TrustedAsesorKey is an assessor public key the installation trusts.
type TrustedAsesorKey struct {
	KeyID       string    `json:"keyid"`
	Fingerprint string    `json:"fingerprint"`
	Source      string    `json:"source"` // the public key file it came from
	TrustedAt   time.Time `json:"trusted_at"`
}

// AsesorTrust lists and withdraws the trusted assessor keys. The local
// store implements it beside Store (an optional interface, so fakes need
// not).
type AsesorTrust interface {
	TrustedAsesorKeys(ctx context.Context) ([]TrustedAsesorKey, error)
	// UntrustAsesor withdraws the trust in a key (its id or a unique
	// prefix of at least 8 hex digits); feedback already imported stays.
	UntrustAsesor(ctx context.Context, keyID string) (TrustedAsesorKey, error)
}
