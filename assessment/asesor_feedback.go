package assessment

import "context"

// AsesorFeedback signs the assessor's review of one bundle as a feedback
// file for the OPD (a DSSE-signed bundle carrying statuses and notes).
type AsesorFeedback interface {
	// AsesorKey reports the assessor's own signing key; exists is false
	// before the first feedback export creates it.
	AsesorKey(ctx context.Context) (key AsesorKeyInfo, exists bool, err error)
	// ExportFeedback signs the feedback on a reviewed bundle with the
	// assessor's key (created on first use with passphrase) and writes it,
	// with the assessor's public key file, into destDir.
	ExportFeedback(ctx context.Context, bundleID, destDir, asesorName string, passphrase []byte) (FeedbackExported, error)
	// BackupAsesorKey writes a backup of the assessor's key (still
	// encrypted; passphrase is checked first, so the backup can be
	// unlocked) into destDir and returns the file written.
	BackupAsesorKey(ctx context.Context, destDir string, passphrase []byte) (path string, err error)
}

// MaxAsesorNameRunes caps the assessor team's name in a feedback file
// (storage/feedback enforces the same): the OPD sees it above the
// fingerprint it compares.
const MaxAsesorNameRunes = 100

// AsesorKeyInfo names the assessor's signing key.
type AsesorKeyInfo struct {
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
