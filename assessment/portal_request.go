package assessment

// PortalRequest asks for one Paket unggah portal (docs/portal-package.md):
// of one assessment (AssessmentID) or of a periode's consolidation
// (Periode). The CLI's `portal-package` and storage/portal share it.
type PortalRequest struct {
	AssessmentID string
	Periode      int    // instansi: the consolidation's periode
	OutDir       string // the package folder itself: new, empty, or (Force) an earlier package
	Force        bool
	Progress     func(done, total int64)
}

// PortalResult describes the package written (the JSON keys are
// `portal-package --json`'s).
type PortalResult struct {
	Dir        string `json:"dir"`
	Files      int    `json:"files"` // evidence files copied (a file of two items counts twice)
	Bytes      int64  `json:"bytes"`
	Indicators int    `json:"indicators"` // indicator folders
	// MissingItems are the items listed without a file (belum): the
	// portal rejects their level and those above it.
	MissingItems []string `json:"missing_items"`
	// Unlinked counts files named without an item (…-00_).
	Unlinked int `json:"unlinked"`
}
