package intake

import (
	"fmt"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Ref names a stored bundle.
type Ref struct{ BundleID, ManifestSHA256 string }

// Bundle is what the decision needs to know of a bundle the verifier
// accepted (its signature, hashes and format are checked; nothing here
// is trusted beyond that).
type Bundle struct {
	BundleID       string
	ManifestSHA256 string
	OPDKode        string // as signed; the verifier checked its form
	Periode        int
	Sequence       uint64
	KeyID          string // the signer's
	Fingerprint    string // the signer's, as the manifest states it
	Supersedes     *Ref   // the bundle this one says it replaces; nil: none
	CreatedAt      string // the OPD device's clock (RFC 3339), display only
	Answers        int    // number of answers
	Score          ScoreClaim
}

// ScoreClaim is the score the OPD claims in answers.json.
type ScoreClaim struct {
	Index           string // decimal text, "" = nothing answered
	Answered, Total int
}

// Key is a registered OPD public key as the decision sees it.
type Key struct {
	KeyID        string
	Fingerprint  string
	OPDKode      string // "" until bound to an OPD
	Status       assessment.KeyStatus
	RevokedAt    time.Time
	LastSequence uint64 // highest sequence imported with this key
}

// Registry is the state of the registry that decides a bundle, read by
// the caller in the transaction that stores the result.
type Registry struct {
	// Stored is a stored bundle with the same manifest digest or, failing
	// that, the same bundle id; nil when there is none.
	Stored *Ref
	// Signer is the registered key of the bundle's key id; nil when the
	// key is not registered.
	Signer *Key
	// OPDKeys are the live (not revoked) keys bound to an OPD that
	// assessment.SameOPD matches with the bundle's code, oldest first.
	OPDKeys []Key
	// RegisteredCode is the spelling registered for the bundle's OPD
	// (same assessment.OPDMatchKey), "" when none is.
	RegisteredCode string
	// Accepted is the accepted bundle of the bundle's OPD and periode.
	Accepted *Ref
	// Earlier is the accepted bundle of the same OPD and periode with a
	// lower sequence, for the created_at doubts; nil when there is none.
	Earlier *Earlier
	// Now is the time of the import.
	Now time.Time
}

// Earlier is an earlier accepted version of a bundle.
type Earlier struct {
	Sequence  uint64
	CreatedAt string
}

// Decision is what storing a verified bundle does.
type Decision struct {
	Kind         Kind
	Code, Reason string               // a rejection's
	KeyStatus    assessment.KeyStatus // the signer's
	Supersedes   string               // versi baru: the accepted bundle id being replaced
	ConflictWith string               // konflik: the accepted bundle id it differs from
	Warnings     []string             // doubts that do not refuse (created_at)
}

// Stores reports whether the decision stores the bundle.
func (d Decision) Stores() bool {
	return d.Kind == KindNew || d.Kind == KindNewVersion || d.Kind == KindConflict
}

// Decide is the import policy for a verified bundle, in this order:
// values the registry cannot store, the same manifest already stored
// (sudah diimpor) or its bundle id reused, the signer unknown or revoked,
// the OPD's key binding (KUNCI BERBEDA) and spelling, the sequence
// high-water mark of the key, then baru, versi baru (it names the
// accepted bundle it supersedes) or konflik.
func Decide(b Bundle, r Registry) Decision {
	if code, reason := Storable(b); code != "" {
		return rejected(code, reason)
	}
	if r.Stored != nil {
		if r.Stored.ManifestSHA256 == b.ManifestSHA256 {
			return Decision{Kind: KindDuplicate}
		}
		return rejected(RejectBundleID, fmt.Sprintf(
			"bundle id %s sudah dipakai bundel lain dengan isi berbeda (manifest %s…); bundel ini tidak disimpan",
			b.BundleID, Short(r.Stored.ManifestSHA256)))
	}
	if r.Signer == nil {
		return unregistered(b, r)
	}
	d := signerDecision(b, r)
	if d.Kind == KindRejected {
		return d
	}
	d.Kind, d.Supersedes, d.ConflictWith = placement(b, r.Accepted)
	d.Warnings = CreatedAtWarnings(b, r.Earlier, r.Now)
	return d
}

// signerDecision checks the registered signer: revoked, bound to another
// OPD or spelling, the OPD bound to another key, a replayed sequence.
// Kind "" passes.
func signerDecision(b Bundle, r Registry) Decision {
	key := *r.Signer
	d := Decision{KeyStatus: key.Status}
	if key.Status == assessment.KeyRevoked {
		d.Kind, d.Code, d.Reason = KindRejected, RejectRevokedKey, fmt.Sprintf(
			"kunci %s (sidik jari %s) sudah dicabut pada %s; bundel yang ditandatanganinya tidak diterima — minta OPD mengekspor dengan kunci barunya yang sudah didaftarkan",
			Short(key.KeyID), key.Fingerprint, key.RevokedAt.Local().Format("2006-01-02 15:04"))
		return d
	}
	if code, reason := Identity(b.OPDKode, key, r.OPDKeys, r.RegisteredCode); code != "" {
		d.Kind, d.Code, d.Reason = KindRejected, code, reason
		return d
	}
	if b.Sequence <= key.LastSequence {
		d.Kind, d.Code, d.Reason = KindRejected, RejectSequence, fmt.Sprintf(
			"nomor urut %d tidak lebih besar dari nomor urut tertinggi %d yang sudah diimpor dengan kunci ini: "+
				"bundel lama yang diputar ulang, atau kunci OPD dipulihkan dari cadangan lama. Bundel tidak disimpan; "+
				"minta OPD mengekspor ulang (nomor urutnya akan lebih besar)", b.Sequence, key.LastSequence)
	}
	return d
}

// placement is baru without an accepted bundle, versi baru when the
// bundle names the accepted one (id and manifest digest) as the one it
// supersedes, else konflik.
func placement(b Bundle, accepted *Ref) (k Kind, supersedes, conflictWith string) {
	switch {
	case accepted == nil:
		return KindNew, "", ""
	case b.Supersedes != nil && *b.Supersedes == *accepted:
		return KindNewVersion, accepted.BundleID, ""
	}
	return KindConflict, "", accepted.BundleID
}

// unregistered decides a bundle whose signer is not in the registry:
// KUNCI BERBEDA when its OPD has another live key, else unknown-key with
// how to register the key. (The desktop workspace may instead adopt the
// key file found beside the bundle, as pending, when this says
// RejectUnknownKey.)
func unregistered(b Bundle, r Registry) Decision {
	if code, reason, stop := KeyBinding(b.OPDKode, nil, b.KeyID, r.OPDKeys); stop {
		return rejected(code, reason)
	}
	return rejected(RejectUnknownKey, fmt.Sprintf(
		"kunci tidak dikenal (key id %s…, sidik jari menurut bundel %s): daftarkan berkas kunci publik OPD %s "+
			"(KUNCI_PUBLIK_<KODE>.json di samping bundel, atau `spbe-mandiri key export-public` di laptop OPD) dengan "+
			"`spbe-mandiri keys add BERKAS`, cocokkan sidik jarinya, lalu impor lagi",
		Short(b.KeyID), b.Fingerprint, b.OPDKode))
}

func rejected(code, reason string) Decision {
	return Decision{Kind: KindRejected, Code: code, Reason: reason}
}

// Short is the key id (or digest) prefix shown in messages.
func Short(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}
