// Package feedbacktrust is the OPD's rule for the assessor's signed
// feedback: whose feedback is taken at all (a trusted key; a key whose
// trust was withdrawn only deliberately, with retrust), and which of the
// stored feedback files on an assessment is the current one. Pure
// functions over what the caller has read: storage applies them inside
// its transactions, the GUI and the CLI show what they decide.
package feedbacktrust

import (
	"fmt"
	"time"
)

// Rank is what orders one feedback file: the trust in its signing key,
// then the signed content (the bundle reviewed, the assessor's signed
// created_at), then the order of import. Nothing on the stick outside the
// signature can change a rank.
type Rank struct {
	// Withdrawn: the trust in the signing key was withdrawn; such
	// feedback is kept as history but is never the assessor's word.
	Withdrawn bool
	// Sequence is the reviewed bundle's number in this installation's
	// export log (the signed claim was checked against it).
	Sequence uint64
	// CreatedAt is the assessor's signed created_at (RFC 3339); one that
	// does not parse ranks as the oldest.
	CreatedAt string
	// Imported orders files of equal signed rank: a larger value was
	// imported later (the store's row id).
	Imported int64
}

// Newer reports whether feedback a supersedes feedback b by what is
// signed: a is about a later bundle (higher sequence), or about the same
// bundle and was made later by the assessor. Equal rank: neither is
// newer. The order of import never makes feedback newer: an older file
// brought in later stays history (no rollback by replaying an old file).
func Newer(a, b Rank) bool {
	if a.Sequence != b.Sequence {
		return a.Sequence > b.Sequence
	}
	return signedTime(a).After(signedTime(b))
}

// Before is the order feedback is listed in, the current one first:
// trusted keys before withdrawn ones, then Newer, then the later import.
func Before(a, b Rank) bool {
	if a.Withdrawn != b.Withdrawn {
		return !a.Withdrawn
	}
	if Newer(a, b) || Newer(b, a) {
		return Newer(a, b)
	}
	return a.Imported > b.Imported
}

// Current is the index of the current feedback among ranks (the first by
// Before whose key is still trusted), -1 when there is none.
func Current(ranks []Rank) int {
	best := -1
	for i, r := range ranks {
		if r.Withdrawn {
			continue
		}
		if best < 0 || Before(r, ranks[best]) {
			best = i
		}
	}
	return best
}

// Superseded says, in Bahasa Indonesia, why the feedback just stored
// (stored) is history and not the current one: another feedback on the
// same assessment, of a still trusted key, is Newer. "" when stored is
// current.
func Superseded(stored Rank, others []Rank) string {
	for _, o := range others {
		if o.Withdrawn || !Newer(o, stored) {
			continue
		}
		return fmt.Sprintf("umpan balik ini lebih lama daripada umpan balik yang sudah berlaku (bundel nomor urut %d, dibuat %s; "+
			"yang ini: bundel nomor urut %d, dibuat %s): disimpan sebagai riwayat, catatan asesor yang berlaku tidak berubah",
			o.Sequence, o.CreatedAt, stored.Sequence, stored.CreatedAt)
	}
	return ""
}

func signedTime(r Rank) time.Time {
	t, err := time.Parse(time.RFC3339Nano, r.CreatedAt)
	if err != nil {
		return time.Time{}
	}
	return t
}
