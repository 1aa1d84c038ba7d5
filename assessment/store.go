package assessment

import (
	"context"
	"io"
)

// Store is the durable local store of one installation. Every mutating
// call is one transaction and is durable when it returns nil. Implemented
// by storage (SQLite); the GUI and CLI depend only on this interface.
type Store interface {
	Profile(ctx context.Context) (Profile, error) // ErrNotFound before init
	SaveProfile(ctx context.Context, p Profile) error

	// Catalogs: imported catalog files kept in the data folder.
	ImportedCatalogs(ctx context.Context) ([]ImportedCatalog, error)
	SaveImportedCatalog(ctx context.Context, c ImportedCatalog) error

	CreateAssessment(ctx context.Context, c *Catalog, periode int) (Assessment, error)
	Assessments(ctx context.Context) ([]Assessment, error) // excludes trashed
	// TrashedAssessments lists the trash (Sampah), most recently trashed first.
	TrashedAssessments(ctx context.Context) ([]Assessment, error)
	Assessment(ctx context.Context, id string) (Assessment, error)
	// TrashAssessment moves an assessment to the trash; RestoreAssessment
	// takes it out again with the status it had.
	TrashAssessment(ctx context.Context, id string) error
	RestoreAssessment(ctx context.Context, id string) error

	Answers(ctx context.Context, assessmentID string) ([]Answer, error)
	// SetLevel and SetJustification record the change and its history entry
	// in one transaction; an unchanged value writes nothing.
	SetLevel(ctx context.Context, assessmentID string, indicator, level int, operator string) error
	SetJustification(ctx context.Context, assessmentID string, indicator int, text, operator string) error
	History(ctx context.Context, assessmentID string, indicator int) ([]Change, error)

	// AddEvidence streams r into the content-addressed store (hashing while
	// copying, temp file, fsync, rename) and links it to the answer.
	AddEvidence(ctx context.Context, assessmentID string, indicator int, in EvidenceInput) (Evidence, error)
	Evidence(ctx context.Context, assessmentID string) ([]Evidence, error) // linked, not removed
	RemoveEvidence(ctx context.Context, evidenceID int64, operator string) error
	UndoRemoveEvidence(ctx context.Context, evidenceID int64, operator string) error
	SetEvidenceNote(ctx context.Context, evidenceID int64, note, operator string) error
	// SetEvidenceItems sets the evidence-item codes a linked file supports
	// (replacing the previous set; none clears it), checked with
	// CheckItemLinks against cat, which must be the assessment's pinned
	// catalog. The change and its history entry are one transaction; an
	// unchanged set writes nothing.
	SetEvidenceItems(ctx context.Context, cat *Catalog, evidenceID int64, items []string, operator string) error
	// SetExternalScore records the agency's published score of an
	// externally valued indicator (checked with CheckExternal against cat,
	// the pinned catalog); nil clears it. History entry FieldExternal; an
	// unchanged score writes nothing.
	SetExternalScore(ctx context.Context, cat *Catalog, assessmentID string, indicator int, score *ExternalScore, operator string) error
	// OpenBlob opens a stored evidence file for reading.
	OpenBlob(ctx context.Context, sha256 string) (io.ReadCloser, error)
	// BlobPath is the file's location on disk, for "open with system viewer".
	BlobPath(sha256 string) string

	Close() error
}

// EvidenceInput describes a file being added as evidence.
type EvidenceInput struct {
	Name     string    // original file name, for display
	Reader   io.Reader // the content, streamed
	Level    int       // level it supports, 0 = general
	Note     string
	Operator string
	// Progress, if set, is called with the bytes copied so far.
	Progress func(copied int64)
}

// ImportedCatalog is a catalog file a user imported, kept verbatim.
type ImportedCatalog struct {
	ID, Version, SHA256 string
	Source              string // file name it came from
	Data                []byte
}

// SnapshotSource is what an export's snapshot reads (a Store has it).
type SnapshotSource interface {
	Profile(ctx context.Context) (Profile, error)
	Assessment(ctx context.Context, id string) (Assessment, error)
	Answers(ctx context.Context, assessmentID string) ([]Answer, error)
	Evidence(ctx context.Context, assessmentID string) ([]Evidence, error)
}

// SnapshotStore is a Store that can read a snapshot in one read
// transaction (the SQLite store), so an export never mixes two states of
// an assessment edited meanwhile. bundle.LoadSnapshot uses it when the
// store has it.
type SnapshotStore interface {
	ReadTx(ctx context.Context, fn func(SnapshotSource) error) error
}
