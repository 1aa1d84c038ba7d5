package assessment

import "context"

// AsesorPaperCheck checks a printed report against the stored bundles.
type AsesorPaperCheck interface {
	// PaperCheck finds the bundle of a printed report from its QR text
	// (SPBE1:KODE:PERIODE:NOMOR:DIGEST:SIDIKJARI). A malformed text is an
	// error whose message (Bahasa Indonesia) can be shown as is.
	PaperCheck(ctx context.Context, text string) (PaperCheckResult, error)
}

// PaperCheckResult is what a printed report's QR text says about the
// stored bundles.
type PaperCheckResult struct {
	OPDKode     string // as printed
	Periode     int
	Sequence    uint64
	Fingerprint string
	// Found: a bundle with the printed content digest is stored.
	Found bool
	// Bundle is the bundle found (or, when not found, the one with the
	// printed OPD, periode and number, if any: BundleID "" when none).
	Bundle ReviewBundle
	// Matches: found, and OPD code, periode, sequence and fingerprint agree.
	Matches    bool
	Mismatches []string // the printed fields that differ (Bahasa Indonesia)
	// Newer is the accepted bundle of that OPD and periode when it is a
	// later version than the one printed (nil otherwise).
	Newer *ReviewBundle
}
