package assessment

import "time"

// Profile identifies the installation's OPD and operator.
type Profile struct {
	Instansi string `json:"instansi"` // the Pemda, e.g. "Pemerintah Kabupaten Sigi"
	OPDKode  string `json:"opd_kode"` // short code, e.g. "DISKOMINFO"
	OPDNama  string `json:"opd_nama"`
	Operator string `json:"operator"`
}

// Assessment status values.
const (
	AssessmentDraft    = "draft"
	AssessmentExported = "exported"
	AssessmentTrashed  = "trashed"
)

// Assessment is one self-assessment of one periode on one pinned catalog
// version: a newer catalog never silently changes an assessment in progress.
type Assessment struct {
	ID             string    `json:"id"`
	CatalogID      string    `json:"catalog_id"`
	CatalogVersion string    `json:"catalog_version"`
	CatalogSHA256  string    `json:"catalog_sha256"`
	Periode        int       `json:"periode"`
	Status         string    `json:"status"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
	// TrashedAt is when it went to the trash (Sampah); zero when it is not there.
	TrashedAt time.Time `json:"trashed_at,omitzero"`
}

// Answer is the OPD's answer to one indicator. Level 0 means not chosen yet.
type Answer struct {
	Indicator     int       `json:"indicator"`
	Level         int       `json:"level"`
	Justification string    `json:"justification"`
	UpdatedAt     time.Time `json:"updated_at"`
	Operator      string    `json:"operator"`
	// External is the agency's published score for an indicator the
	// catalog marks as valued by another agency (ValuedBy); nil when the
	// officer entered none (the evaluator then takes MissingValue, 1).
	External *ExternalScore `json:"external,omitempty"`
}

// ExternalScore is an agency's published score (Indeks SDI, EPSS, SJIG …)
// as the officer copied it from the publication. The indicator's value is
// Convert(ValuedBy, Score); the score itself is kept so that the assessor
// and the portal see what was entered, not only our conversion.
type ExternalScore struct {
	Score string `json:"score"` // plain decimal with a decimal point, as CanonicalScore returns
	Year  int    `json:"year"`  // the publication year; 0 when unknown
}

// Answered reports whether a level has been chosen.
func (a Answer) Answered() bool { return a.Level >= 1 && a.Level <= 5 }

// History fields.
const (
	FieldLevel         = "level"
	FieldJustification = "justification"
	FieldEvidence      = "evidence"
)

// Change is one append-only history entry of an answer.
type Change struct {
	ID        int64     `json:"id"`
	Indicator int       `json:"indicator"`
	Field     string    `json:"field"` // FieldLevel, FieldJustification or FieldEvidence
	Old       string    `json:"old"`
	New       string    `json:"new"`
	At        time.Time `json:"at"`
	Operator  string    `json:"operator"`
}

// Blob is an evidence file stored once under its SHA-256.
type Blob struct {
	SHA256    string `json:"sha256"`
	Size      int64  `json:"size"`
	MediaType string `json:"media_type"`
}

// Evidence links a stored blob to an answer, with the level it supports.
type Evidence struct {
	ID           int64     `json:"id"`
	Indicator    int       `json:"indicator"`
	Blob         Blob      `json:"blob"`
	OriginalName string    `json:"original_name"`
	Level        int       `json:"level"` // the level this file supports; 0 = general
	Note         string    `json:"note"`
	AddedAt      time.Time `json:"added_at"`
	// Items are the catalog evidence-item codes (I4-L1-02) this file
	// supports, sorted; a file may support several items and an item may
	// have several files. Empty for files attached before items existed.
	Items []string `json:"items,omitempty"`
}

// ShortHash is the first 12 hex digits of the evidence hash, for display.
func (b Blob) ShortHash() string {
	if len(b.SHA256) < 12 {
		return b.SHA256
	}
	return b.SHA256[:12]
}

// Snapshot is everything an export needs about one assessment, read in one
// consistent pass: the bundle writer and the PDF report take it as input.
type Snapshot struct {
	Profile    Profile
	Assessment Assessment
	Catalog    *Catalog
	Answers    []Answer   // sorted by indicator
	Evidence   []Evidence // linked, not removed; sorted by indicator, then id
}

// Values returns the answers as scoring values (AnswerValues: the levels,
// and the converted agency score of an externally valued indicator).
func (s Snapshot) Values() map[int]Value { return AnswerValues(s.Catalog, s.Answers) }

// Score scores the snapshot's answered levels.
func (s Snapshot) Score() Score { return score(s.Catalog, s.Values()) }
