package assessment

// ExportRequest asks for the signed bundle of one assessment (the CLI's
// `export`, the GUI's Ekspor; storage/export writes it).
type ExportRequest struct {
	AssessmentID string
	OutDir       string
	Passphrase   []byte
	Progress     func(done, total int64)
}

// ExportResult describes the bundle written, as `export --json` prints it.
type ExportResult struct {
	Path           string `json:"path"`
	BundleID       string `json:"bundle_id"`
	Sequence       uint64 `json:"sequence"`
	KeyID          string `json:"keyid"`
	Fingerprint    string `json:"fingerprint"`
	ManifestSHA256 string `json:"manifest_sha256"`
	ContentDigest  string `json:"content_digest"`
	Size           int64  `json:"size"`
	Files          int    `json:"files"`
	Supersedes     string `json:"supersedes,omitempty"` // bundle id
	// PublicKeyPath is the OPD's public key file written beside the
	// bundle, for the assessor to register.
	PublicKeyPath string `json:"public_key_path,omitempty"`
}
