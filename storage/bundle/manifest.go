package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// Format identifiers.
const (
	Format        = "spbe-mandiri-bundle"
	FormatVersion = 1
	PayloadType   = "application/vnd.spbe.bundle-manifest+json;version=1"
	// contentDigestTag opens the text hashed into content_digest.
	contentDigestTag = "spbe-content-v1"
)

// File roles.
const (
	RoleAnswers  = "answers"
	RoleReport   = "report"
	RoleEvidence = "evidence"
)

// Media types of the fixed entries.
const (
	MediaJSON = "application/json"
	MediaPDF  = "application/pdf"
)

// Manifest is manifest.json: what the bundle holds, signed as exact bytes.
type Manifest struct {
	Format        string      `json:"format"`
	FormatVersion int         `json:"format_version"`
	BundleID      string      `json:"bundle_id"`
	OPD           OPD         `json:"opd"`
	Instansi      string      `json:"instansi"`
	Periode       int         `json:"periode"`
	Sequence      uint64      `json:"sequence"`
	Supersedes    *Supersedes `json:"supersedes"` // null for the first bundle of an OPD+periode
	CreatedAt     string      `json:"created_at"` // RFC 3339, display only
	Catalog       CatalogRef  `json:"catalog"`
	App           App         `json:"app"`
	Signer        Signer      `json:"signer"`
	ContentDigest string      `json:"content_digest"`
	Report        Report      `json:"report"`
	Files         []File      `json:"files"` // sorted by path
}

// OPD names the unit that made the assessment.
type OPD struct {
	Kode string `json:"kode"`
	Nama string `json:"nama"`
}

// Supersedes points at the previous bundle of the same OPD and periode.
type Supersedes struct {
	BundleID       string `json:"bundle_id"`
	ManifestSHA256 string `json:"manifest_sha256"`
}

// CatalogRef pins the exact catalog version the assessment was made on.
type CatalogRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// App names the program that wrote the bundle.
type App struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Signer identifies the signing key (hints; the signature is what counts).
type Signer struct {
	KeyID       string `json:"keyid"`
	Fingerprint string `json:"fingerprint"`
}

// Report is the report.pdf and the certificate of its embedded PDF
// signature (CertSHA256 "" while the PDF is not signed).
type Report struct {
	SHA256     string `json:"sha256"`
	CertSHA256 string `json:"cert_sha256"`
}

// File is one entry of the bundle other than manifest.json and
// manifest.sig.json.
type File struct {
	Path         string `json:"path"`
	Role         string `json:"role"`
	MediaType    string `json:"media_type"`
	Size         int64  `json:"size"`
	SHA256       string `json:"sha256"`
	OriginalName string `json:"original_name,omitempty"` // evidence only, for display
}

// ContentDigest is the hex SHA-256 of the content text of m: every file
// except the report, plus what identifies the assessment. String values are
// written as <byte length>:<bytes> so the text is unambiguous:
//
//	spbe-content-v1
//	bundle_id <uuid>
//	opd <len>:<kode> <len>:<nama>
//	instansi <len>:<instansi>
//	periode <n>
//	sequence <n>
//	catalog <len>:<id> <len>:<version> <sha256>
//	file <sha256> <size> <path>        one line per file, sorted by path, role ≠ report
//
// each line ending in "\n".
func ContentDigest(m *Manifest) string {
	h := sha256.New()
	writeContentText(h, m)
	return hex.EncodeToString(h.Sum(nil))
}

func writeContentText(w io.Writer, m *Manifest) {
	fmt.Fprintf(w, "%s\n", contentDigestTag)
	fmt.Fprintf(w, "bundle_id %s\n", m.BundleID)
	fmt.Fprintf(w, "opd %s %s\n", lp(m.OPD.Kode), lp(m.OPD.Nama))
	fmt.Fprintf(w, "instansi %s\n", lp(m.Instansi))
	fmt.Fprintf(w, "periode %d\n", m.Periode)
	fmt.Fprintf(w, "sequence %d\n", m.Sequence)
	fmt.Fprintf(w, "catalog %s %s %s\n", lp(m.Catalog.ID), lp(m.Catalog.Version), m.Catalog.SHA256)
	for _, f := range m.Files {
		if f.Role != RoleReport {
			fmt.Fprintf(w, "file %s %d %s\n", f.SHA256, f.Size, f.Path)
		}
	}
}

// lp writes a string length-prefixed.
func lp(s string) string { return strconv.Itoa(len(s)) + ":" + s }

// CreatedTime parses created_at.
func (m *Manifest) CreatedTime() (time.Time, error) { return strictjson.ParseUTC(m.CreatedAt) }
