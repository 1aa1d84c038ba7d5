package intake

import (
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// FuzzDecide feeds Decide the values a verified bundle brings from a
// stick (codes, sequences, the claimed score, created_at) against a
// registry with one key: it never panics, a refusal always says why, and
// only baru, versi baru and konflik store.
func FuzzDecide(f *testing.F) {
	f.Add("DISKOMINFO", uint64(5), uint64(4), "3.5", 47, 47, "2026-11-01T10:00:00+08:00", "DISKOMINFO", true, false)
	f.Add("DISK0MINFO", uint64(1), uint64(0), "", 0, 0, "kemarin", "", false, true)
	f.Add("dinkes kab.", uint64(1)<<63, uint64(9), "1e9", -1, 99999, "", "DINKES", true, true)
	f.Add("DISK\u041eMINFO", uint64(2), uint64(2), "5.0001", 3, 2, "2099-01-01T00:00:00Z", "DISKOMINFO", false, false)
	f.Fuzz(func(t *testing.T, kode string, seq, last uint64, index string, answered, total int, created, bound string, accepted, supersedes bool) {
		key := Key{KeyID: "K1", Fingerprint: "FP", OPDKode: bound, Status: assessment.KeyVerified, LastSequence: last}
		b := Bundle{BundleID: "B", ManifestSHA256: "S", OPDKode: kode, Periode: 2026, Sequence: seq, KeyID: "K1",
			CreatedAt: created, Score: ScoreClaim{Index: index, Answered: answered, Total: total}}
		r := Registry{Signer: &key, OPDKeys: []Key{key}, Now: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}
		if accepted {
			r.Accepted = &Ref{BundleID: "A", ManifestSHA256: "SA"}
		}
		if supersedes {
			b.Supersedes = &Ref{BundleID: "A", ManifestSHA256: "SA"}
		}
		d := Decide(b, r)
		switch {
		case d.Kind == KindRejected && (d.Code == "" || d.Reason == ""):
			t.Fatalf("refusal without a code or reason: %+v", d)
		case d.Kind != KindRejected && d.Code != "":
			t.Fatalf("code on a %s: %+v", d.Kind, d)
		case d.Stores() != (d.Kind == KindNew || d.Kind == KindNewVersion || d.Kind == KindConflict):
			t.Fatalf("Stores() = %v for %s", d.Stores(), d.Kind)
		case d.Stores() && (seq <= last || seq > MaxStorableSequence):
			t.Fatalf("stored sequence %d (high-water mark %d)", seq, last)
		}
	})
}
