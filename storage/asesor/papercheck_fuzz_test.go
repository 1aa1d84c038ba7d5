package asesor

import (
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// FuzzParseQRText: the paper check reads whatever a barcode scanner or a
// paste gives. It never panics, and what it accepts is a report QR text:
// written again by storage/report it reads back to the same fields.
func FuzzParseQRText(f *testing.F) {
	good, err := report.QRText("DISKOMINFO", 2025, 3, strings.Repeat("ab", 32), "49743 69723 72170 04296 23803 44363")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(strings.ToLower(good))
	f.Add("  " + good + "\n")
	f.Add("SPBE1:::::")
	f.Add("SPBE1:A:2025:0:AAAA:1")
	f.Fuzz(func(t *testing.T, text string) {
		q, err := ParseQRText(text)
		if err != nil {
			return
		}
		if q.OPDKode == "" || q.Sequence == 0 || len(q.ContentDigest) != 64 || q.Fingerprint == "" {
			t.Fatalf("accepted incomplete fields %+v from %q", q, text)
		}
		again, err := report.QRText(q.OPDKode, q.Periode, int(q.Sequence), q.ContentDigest, q.Fingerprint)
		if err != nil {
			// Fields the report cannot print (a code with spaces, a huge
			// sequence) are never on a real paper; the lookup just finds
			// nothing for them.
			return
		}
		back, err := ParseQRText(again)
		if err != nil || back != q {
			t.Fatalf("%q → %+v → %q → %+v, %v", text, q, again, back, err)
		}
	})
}
