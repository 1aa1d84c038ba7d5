package assessment

import "context"

// AsesorFeedback signs the assessor's review of one bundle as a feedback
// file for the OPD (a DSSE-signed bundle carrying statuses and notes).
type AsesorFeedback interface {
	// AssessorKey reports the assessor's own signing key; exists is false
	// before the first feedback export creates it.
	AssessorKey(ctx context.Context) (key AssessorKeyInfo, exists bool, err error)
	// ExportFeedback signs the feedback on a reviewed bundle with the
	// assessor's key (created on first use with passphrase) and writes it,
	// with the assessor's public key file, into destDir.
	ExportFeedback(ctx context.Context, bundleID, destDir, assessorName string, passphrase []byte) (FeedbackExported, error)
	// BackupAssessorKey writes a backup of the assessor's key (still
	// encrypted; passphrase is checked first, so the backup can be
	// unlocked) into destDir and returns the file written.
	BackupAssessorKey(ctx context.Context, destDir string, passphrase []byte) (path string, err error)
}

// MaxAssessorNameRunes caps the assessor team's name in a feedback file
// (storage/feedback enforces the same): the OPD sees it above the
// fingerprint it compares.
const MaxAssessorNameRunes = 100

// AssessorKeyInfo names the assessor's signing key.
type AssessorKeyInfo struct {
	KeyID       string
	Fingerprint string
}

// FeedbackExportRequest asks for the signed feedback on one reviewed
// bundle (`feedback export`, the GUI's Ekspor umpan balik).
type FeedbackExportRequest struct {
	BundleID, OutDir, Name string
	Passphrase             []byte
}

// FeedbackExported is a written feedback file: the GUI's Ekspor umpan
// balik shows it, `feedback export --json` prints it.
type FeedbackExported struct {
	Path          string `json:"path"`
	PublicKeyPath string `json:"public_key_path"` // the assessor's public key file, for the OPD's first --trust
	OPDKode       string `json:"opd_kode"`
	Periode       int    `json:"periode"`
	Sequence      uint64 `json:"sequence"`
	Items         int    `json:"items"`
	KeyID         string `json:"keyid"`
	Fingerprint   string `json:"fingerprint"`
	KeyCreated    bool   `json:"key_created"`
}
