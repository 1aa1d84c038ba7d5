package asesor

import (
	"context"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// TestCheckReviewIndicator: a review must name an indicator of the
// bundle's catalog — the one check the CLI and the GUI now share; an
// unknown bundle is refused; without a library nothing is checked.
func TestCheckReviewIndicator(t *testing.T) {
	ctx := context.Background()
	cat := testCatalog(t)
	w := openWS(t, WithLibrary(library(t, cat)))
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p, _ := a.write(t, t.TempDir(), spec{seq: 1})
	got := importOne(t, w, p)
	if got.Kind != intake.KindNew {
		t.Fatalf("import: %+v", got)
	}
	if err := w.CheckReviewIndicator(ctx, got.BundleID, cat.Indicators[0].Number); err != nil {
		t.Errorf("an indicator of the catalog: %v", err)
	}
	if err := w.CheckReviewIndicator(ctx, got.BundleID, 9999); err == nil || !strings.Contains(err.Error(), "indikator 9999 tidak ada di katalog") {
		t.Errorf("indicator 9999: %v", err)
	}
	if err := w.CheckReviewIndicator(ctx, "tidak-ada", 1); err == nil || !strings.Contains(err.Error(), "tidak ditemukan") {
		t.Errorf("unknown bundle: %v", err)
	}
	bare := openWS(t)
	b := newOPD("DINKES", 2)
	addKey(t, bare, b, "")
	p2, _ := b.write(t, t.TempDir(), spec{seq: 1})
	if r := importOne(t, bare, p2); bare.CheckReviewIndicator(ctx, r.BundleID, 9999) != nil {
		t.Error("checked without a library")
	}
}
