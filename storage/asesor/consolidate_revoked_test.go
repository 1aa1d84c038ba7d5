package asesor

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// TestConsolidateExcludesRevokedKey: the accepted bundle of an OPD whose
// key was revoked after import is no candidate and gives no proposal; the
// consolidation names the OPD; once the OPD's new bundle (new key) is
// accepted it counts again.
func TestConsolidateExcludesRevokedKey(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	c := testCatalog(t)
	in1 := c.Indicators[0].Number
	a, b := newOPD("BAPPEDA", 1), newOPD("DISKOMINFO", 2)
	ka := addKey(t, w, a, "")
	addKey(t, w, b, "")
	dir := t.TempDir()
	pa, ra := a.write(t, dir, spec{seq: 1, level: 5})
	pb, rb := b.write(t, dir, spec{seq: 1, level: 2})
	importOne(t, w, pa)
	importOne(t, w, pb)
	for _, id := range []string{ra.BundleID, rb.BundleID} {
		if _, err := w.Review(ctx, ReviewInput{BundleID: id, Indicator: in1, Status: ReviewAccepted, Reviewer: "Budi"}); err != nil {
			t.Fatal(err)
		}
	}
	consolidate := func() (Consolidation, ConsolidatedRow) {
		t.Helper()
		res, err := w.Consolidate(ctx, c, 2026)
		if err != nil {
			t.Fatal(err)
		}
		return res, res.Rows[slices.IndexFunc(res.Rows, func(r ConsolidatedRow) bool { return r.Indicator == in1 })]
	}
	if res, r := consolidate(); r.Value != "5" || r.FromOPD != "BAPPEDA" || len(res.ExcludedRevoked) != 0 {
		t.Fatalf("before revoking: %+v, excluded %v", r, res.ExcludedRevoked)
	}

	if _, err := w.RevokeKey(ctx, ka.KeyID); err != nil {
		t.Fatal(err)
	}
	res, r := consolidate()
	if r.Value != "2" || r.FromOPD != "DISKOMINFO" || len(r.Candidates) != 1 || r.Candidates[0].OPDKode != "DISKOMINFO" {
		t.Fatalf("a revoked key's bundle still counts: value %q from %q, candidates %+v", r.Value, r.FromOPD, r.Candidates)
	}
	if !slices.Equal(res.ExcludedRevoked, []string{"BAPPEDA"}) {
		t.Fatalf("excluded %v, want [BAPPEDA]", res.ExcludedRevoked)
	}
	if res.Score.Extrapolated == nil || res.Score.Extrapolated.Cmp(assessment.LevelValue(2)) != 0 {
		t.Errorf("mean of the answered %v, want 2 (DISKOMINFO's value only)", res.Score.Extrapolated)
	}
	if refs, err := w.PeriodeCatalogs(ctx, 2026); err != nil || len(refs) != 1 {
		t.Fatalf("catalogs %v %v", refs, err)
	}

	// The OPD's new key and bundle: a konflik until accepted, then it counts.
	a2 := newOPD("BAPPEDA", 3)
	addKey(t, w, a2, "BAPPEDA")
	p2, r2 := a2.write(t, dir, spec{seq: 1, level: 4})
	if got := importOne(t, w, p2); got.Kind != intake.KindConflict {
		t.Fatalf("new key's bundle: %s %s", got.Kind, got.Reason)
	}
	if res, _ := consolidate(); !slices.Equal(res.ExcludedRevoked, []string{"BAPPEDA"}) {
		t.Fatalf("konflik not settled yet: excluded %v", res.ExcludedRevoked)
	}
	if _, err := w.AcceptBundle(ctx, r2.BundleID, "Budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Review(ctx, ReviewInput{BundleID: r2.BundleID, Indicator: in1, Status: ReviewAccepted, Reviewer: "Budi"}); err != nil {
		t.Fatal(err)
	}
	if res, r := consolidate(); r.Value != "4" || r.FromOPD != "BAPPEDA" || r.FromBundle != r2.BundleID || len(res.ExcludedRevoked) != 0 {
		t.Fatalf("after accepting the new bundle: %+v, excluded %v", r, res.ExcludedRevoked)
	}
}

// TestPeriodeCatalogsAllRevoked: a periode whose every accepted bundle is
// signed by a revoked key has no catalog to consolidate on.
func TestPeriodeCatalogsAllRevoked(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("BAPPEDA", 1)
	k := addKey(t, w, a, "")
	p, _ := a.write(t, t.TempDir(), spec{seq: 1})
	importOne(t, w, p)
	if _, err := w.RevokeKey(ctx, k.KeyID); err != nil {
		t.Fatal(err)
	}
	if refs, err := w.PeriodeCatalogs(ctx, 2026); err != nil || len(refs) != 0 {
		t.Fatalf("catalogs %v %v, want none", refs, err)
	}
	res, err := w.Consolidate(ctx, testCatalog(t), 2026)
	if err != nil || !slices.Equal(res.ExcludedRevoked, []string{"BAPPEDA"}) || res.Score.Index != nil {
		t.Fatalf("consolidation %+v %v", res, err)
	}
}

// TestImportRefusesAnswerOutsideCatalog: an answer naming an indicator the
// catalog lacks is refused even at level 0 (not chosen), and nothing is
// stored (the reviewer's case: level 0 slipped through the recomputation).
func TestImportRefusesAnswerOutsideCatalog(t *testing.T) {
	for _, level := range []int{0, 2} {
		w := openWS(t, WithLibrary(library(t, testCatalog(t))))
		a := newOPD("DISKOMINFO", 1)
		addKey(t, w, a, "")
		p, _ := a.write(t, t.TempDir(), spec{seq: 1, extra: []assessment.Answer{{Indicator: 9999, Level: level, Justification: "indikator palsu"}}})
		got := importOne(t, w, p)
		if got.Kind != intake.KindRejected || got.Code != intake.RejectInvalid || got.Check != "catalog" || !strings.Contains(got.Reason, "indikator 9999") {
			t.Errorf("level %d: %s %s %s %q", level, got.Kind, got.Code, got.Check, got.Reason)
		}
		if bundles, answers, _, _, _ := counts(t, w); bundles != 0 || answers != 0 {
			t.Errorf("level %d: stored %d bundles, %d answers", level, bundles, answers)
		}
	}
}
