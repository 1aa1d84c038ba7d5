package assessment

// VerifyReport summarises a bundle that passed the verifier, as `verify`
// prints it (--json keys) and the GUI shows it; storage/export fills it
// from the verified bundle, the CLI settles the verdict.
// Valid is true only with Status "valid"; IntegrityOK says that hashes,
// file set and manifest held, whoever signed.
type VerifyReport struct {
	Status      string `json:"status"`
	Valid       bool   `json:"valid"`
	IntegrityOK bool   `json:"integrity_ok"`
	SignerKnown bool   `json:"signer_known"`
	// For the GUI: whose key matched (SignerKnown), and what to do when
	// none did, instead of the CLI's --pubkey advice.
	SignerIs        string       `json:"-"`
	UncheckedAdvice string       `json:"-"`
	BundleID        string       `json:"bundle_id,omitempty"`
	OPDKode         string       `json:"opd_kode,omitempty"`
	OPDNama         string       `json:"opd_nama,omitempty"`
	Instansi        string       `json:"instansi,omitempty"`
	Periode         int          `json:"periode,omitempty"`
	Sequence        uint64       `json:"sequence,omitempty"`
	Supersedes      string       `json:"supersedes,omitempty"`
	CreatedAt       string       `json:"created_at,omitempty"`
	Catalog         string       `json:"catalog,omitempty"` // "id versi"
	KeyID           string       `json:"keyid,omitempty"`
	Fingerprint     string       `json:"fingerprint,omitempty"`
	ManifestSHA256  string       `json:"manifest_sha256,omitempty"`
	ContentDigest   string       `json:"content_digest,omitempty"`
	Files           []VerifyFile `json:"files,omitempty"`
	Index           string       `json:"index,omitempty"`
	Predicate       string       `json:"predicate,omitempty"`
	Complete        bool         `json:"complete"`
	Answered        int          `json:"answered"`
	Total           int          `json:"total"`
}

// VerifyFile is one file in the bundle.
type VerifyFile struct {
	Path         string `json:"path"`
	Role         string `json:"role"`
	Size         int64  `json:"size"`
	OriginalName string `json:"original_name,omitempty"`
}
