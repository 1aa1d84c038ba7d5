// Package intake is the assessor's import decision: what storing one
// verified OPD bundle does to the registry (baru, sudah diimpor, versi
// baru, konflik, ditolak), as pure functions over facts the caller has
// read. The desktop workspace (storage/asesor) and a collection server
// read their own registry state, call Decide, and store the result in
// the same transaction; the GUI and the CLI show the Outcome as it is.
package intake

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Kind is what importing one bundle did. The values are stable (JSON
// output, scripts): never translate or respell them.
type Kind string

// Import kinds, as the assessor reads them.
const (
	KindNew        Kind = "baru"          // first bundle of this OPD + periode
	KindDuplicate  Kind = "sudah diimpor" // identical manifest already stored: nothing done
	KindNewVersion Kind = "versi baru"    // supersedes the accepted one, which is now superseded
	KindConflict   Kind = "konflik"       // same OPD + periode, other content, not superseding: both kept
	KindRejected   Kind = "ditolak"       // nothing stored; Reason says why
)

// Rejection codes of Outcome.Code (stable, for scripts; the GUI chooses its
// own advice by them, the Reason being written for the command line).
const (
	RejectInvalid         = "invalid"          // the verifier refused the bundle (Check, Entry)
	RejectUnknownKey      = "unknown-key"      // signer not in the key registry
	RejectRevokedKey      = "revoked-key"      // signer revoked
	RejectDifferentKey    = "different-key"    // KUNCI BERBEDA
	RejectSequence        = "sequence"         // replayed or lower sequence for the key
	RejectBundleID        = "bundle-id"        // bundle id reused with other content
	RejectUnreadable      = "unreadable"       // the file could not be read
	RejectOutOfRange      = "out-of-range"     // a value the registry cannot store (Storable)
	RejectOPDCode         = "opd-kode"         // not the registered spelling of its OPD
	RejectUnknownCatalog  = "unknown-catalog"  // catalog id + version not in this installation
	RejectCatalogMismatch = "catalog-mismatch" // same id + version, different content: altered
)

// Outcome is the outcome of one bundle file, as the workspace returns it
// and as `import --json` writes it.
type Outcome struct {
	Path string `json:"path"`
	Kind Kind   `json:"outcome"` // baru | sudah diimpor | versi baru | konflik | ditolak
	// Code and Reason explain a rejection (Reason in Bahasa Indonesia);
	// Check and Entry are the verifier's for RejectInvalid.
	Code   string `json:"code,omitempty"`
	Reason string `json:"reason,omitempty"`
	Check  string `json:"check,omitempty"`
	Entry  string `json:"entry,omitempty"`

	BundleID       string `json:"bundle_id,omitempty"`
	OPDKode        string `json:"opd_kode,omitempty"`
	OPDNama        string `json:"opd_nama,omitempty"`
	Periode        int    `json:"periode,omitempty"`
	Sequence       uint64 `json:"sequence,omitempty"` // the bundle's number in the signer's series
	ManifestSHA256 string `json:"manifest_sha256,omitempty"`
	KeyID          string `json:"keyid,omitempty"`
	Fingerprint    string `json:"fingerprint,omitempty"`
	// KeyStatus is the signer's at import time; pending means the bundle
	// is not final.
	KeyStatus    assessment.KeyStatus `json:"key_status,omitempty"`
	Supersedes   string               `json:"supersedes,omitempty"`    // versi baru: the bundle id it replaced
	ConflictWith string               `json:"conflict_with,omitempty"` // konflik: the accepted bundle id it conflicts with
	// KeyFromStick names the KUNCI_PUBLIK_*.json file beside the bundle
	// from which this import registered the signer's key, as pending,
	// never verified: its fingerprint is still to be compared with the OPD.
	KeyFromStick string `json:"key_from_stick,omitempty"`
	// Warnings are doubts that did not refuse the bundle (its created_at
	// is implausible), in Bahasa Indonesia.
	Warnings []string `json:"warnings,omitempty"`
}

// Rejected reports a rejection.
func (o Outcome) Rejected() bool { return o.Kind == KindRejected }

// Reject makes o a rejection with code and reason.
func (o Outcome) Reject(code, reason string) Outcome {
	o.Kind, o.Code, o.Reason = KindRejected, code, reason
	return o
}

// Apply records a decision in o.
func (o Outcome) Apply(d Decision) Outcome {
	o.Kind, o.Supersedes, o.ConflictWith = d.Kind, d.Supersedes, d.ConflictWith
	if d.Kind == KindRejected {
		o.Code, o.Reason = d.Code, d.Reason
	}
	o.KeyStatus, o.Warnings = d.KeyStatus, d.Warnings
	return o
}

// Count tallies outcomes by kind.
func Count(out []Outcome) map[Kind]int {
	n := map[Kind]int{}
	for _, o := range out {
		n[o.Kind]++
	}
	return n
}

// Importer imports bundle files and every bundle in folders; progress
// (may be nil, called from any goroutine) receives steps done and the
// total. One outcome per bundle file, also when err is not nil (err is a
// failure of the workspace itself: disk full, a damaged database). Its
// methods do I/O: call them off the UI goroutine.
type Importer interface {
	Import(ctx context.Context, paths []string, progress func(done, total int)) ([]Outcome, error)
}
