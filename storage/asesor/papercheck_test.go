package asesor

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

func qr(t *testing.T, kode string, seq int, r bundle.Result) string {
	t.Helper()
	s, err := report.QRText(kode, 2026, seq, r.ContentDigest, r.Fingerprint)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPaperCheck(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	dir := t.TempDir()
	p1, r1 := a.write(t, dir, spec{seq: 1})
	importOne(t, w, p1)

	got, err := w.PaperCheck(ctx, qr(t, "DISKOMINFO", 1, r1))
	if err != nil || !got.Found || !got.Matches || got.Bundle.BundleID != r1.BundleID || got.Newer != nil {
		t.Fatalf("current: %+v %v", got, err)
	}
	p2, r2 := a.write(t, dir, spec{seq: 2, supersedes: sup(r1), level: 4})
	importOne(t, w, p2)
	got, err = w.PaperCheck(ctx, qr(t, "DISKOMINFO", 1, r1))
	if err != nil || !got.Matches || got.Newer == nil || got.Newer.BundleID != r2.BundleID {
		t.Fatalf("superseded: %+v %v", got, err)
	}
	// A printed number that does not belong to the digest.
	got, err = w.PaperCheck(ctx, qr(t, "DISKOMINFO", 7, r2))
	if err != nil || !got.Found || got.Matches || len(got.Mismatches) != 1 || !strings.Contains(got.Mismatches[0], "nomor urut") {
		t.Fatalf("wrong number: %+v %v", got, err)
	}
	// Another fingerprint printed.
	other := newOPD("X", 9)
	text, _ := report.QRText("DISKOMINFO", 2026, 2, r2.ContentDigest, other.id.Fingerprint)
	if got, _ := w.PaperCheck(ctx, text); got.Matches || got.Mismatches[0] != "sidik jari kunci" {
		t.Fatalf("fingerprint: %+v", got)
	}
	// A digest nobody stored, with a stored number: altered paper.
	text, _ = report.QRText("DISKOMINFO", 2026, 1, strings.Repeat("0", 64), r1.Fingerprint)
	got, err = w.PaperCheck(ctx, text)
	if err != nil || got.Found || got.Matches || got.Bundle.BundleID != r1.BundleID || got.Newer == nil {
		t.Fatalf("unknown digest: %+v %v", got, err)
	}
	for _, bad := range []string{"", "SPBE2:A:2026:1:X:1", "SPBE1:A:2026:0:AAAA:1", "SPBE1:A:x:1:AAAA:1"} {
		if _, err := w.PaperCheck(ctx, bad); !errors.As(err, new(*InputError)) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
