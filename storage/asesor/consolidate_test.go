package asesor

import (
	"context"
	"errors"
	"testing"
)

func TestConsolidate(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	c := testCatalog(t)
	in1 := c.Indicators[0].Number
	a, b := newOPD("BAPPEDA", 1), newOPD("DISKOMINFO", 2)
	addKey(t, w, a, "")
	addKey(t, w, b, "")
	dir := t.TempDir()
	pa, ra := a.write(t, dir, spec{seq: 1, level: 3})
	pb, rb := b.write(t, dir, spec{seq: 1, level: 4})
	importOne(t, w, pa)
	importOne(t, w, pb)
	review := func(id string, status ReviewStatus, reason, value string) {
		t.Helper()
		if _, err := w.Review(ctx, ReviewInput{BundleID: id, Indicator: in1, Status: status, Reason: reason, Value: value, Reviewer: "Budi"}); err != nil {
			t.Fatal(err)
		}
	}
	row1 := func() ConsolidatedRow {
		t.Helper()
		res, err := w.Consolidate(ctx, c, 2026)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Rows {
			if r.Indicator == in1 {
				return r
			}
		}
		t.Fatal("indicator missing")
		return ConsolidatedRow{}
	}

	// Nothing reviewed: no proposal.
	if r := row1(); r.Value != "" || len(r.Candidates) != 2 {
		t.Fatalf("unreviewed: %+v", r)
	}
	review(ra.BundleID, ReviewAccepted, "", "2,5")
	review(rb.BundleID, ReviewRevision, ReasonWrongEvidence, "")
	if r := row1(); r.Value != "2.5" || r.Source != "usulan" || r.FromOPD != "BAPPEDA" || len(r.Evidence) != 1 {
		t.Fatalf("proposal from BAPPEDA: %+v", r)
	}
	// Accepted without a value: the OPD's level counts; the highest wins.
	review(rb.BundleID, ReviewAccepted, "", "")
	if r := row1(); r.Value != "4" || r.FromOPD != "DISKOMINFO" {
		t.Fatalf("proposal from DISKOMINFO: %+v", r)
	}
	// The matrix limits the candidates.
	if err := w.SetResponsible(ctx, 2026, in1, []string{"BAPPEDA"}); err != nil {
		t.Fatal(err)
	}
	if r := row1(); r.Value != "2.5" || len(r.Candidates) != 1 || len(r.Responsible) != 1 {
		t.Fatalf("matrix: %+v", r)
	}
	// A settled value wins and keeps its trail.
	if _, err := w.Settle(ctx, SettleInput{Periode: 2025, Indicator: in1, Value: "3", FromBundle: rb.BundleID, SetBy: "Budi"}); !errors.As(err, new(*InputError)) {
		t.Fatalf("other periode: %v", err)
	}
	if _, err := w.Settle(ctx, SettleInput{Periode: 2026, Indicator: in1, Value: "3", FromBundle: rb.BundleID, Note: "rapat", SetBy: "Budi"}); err != nil {
		t.Fatal(err)
	}
	if r := row1(); r.Value != "3" || r.Source != "ditetapkan" || r.FromOPD != "DISKOMINFO" || r.FromBundle != rb.BundleID || len(r.Evidence) != 1 || r.Note != "rapat" {
		t.Fatalf("settled: %+v", r)
	}
	res, err := w.Consolidate(ctx, c, 2026)
	// Pemdi's headline counts the 19 unanswered indicators as 1; the
	// settled value is the mean of the answered one.
	if err != nil || res.Score.Answered != 1 || res.Score.Complete || res.Score.Extrapolated.RatString() != "3" || res.Score.Index.Cmp(res.Score.Lowest) != 0 {
		t.Fatalf("score %+v %v", res.Score, err)
	}
	// Clearing restores the proposal.
	if _, err := w.Settle(ctx, SettleInput{Periode: 2026, Indicator: in1, SetBy: "Budi"}); err != nil {
		t.Fatal(err)
	}
	if r := row1(); r.Value != "2.5" || r.Source != "usulan" {
		t.Fatalf("cleared: %+v", r)
	}
	if err := w.SetResponsible(ctx, 2026, in1, nil); err != nil {
		t.Fatal(err)
	}
	if m, _ := w.Responsibility(ctx, 2026); len(m) != 0 {
		t.Fatalf("matrix not reset: %v", m)
	}
	refs, err := w.PeriodeCatalogs(ctx, 2026)
	if err != nil || len(refs) != 1 || refs[0].ID != c.ID {
		t.Fatalf("catalogs %v %v", refs, err)
	}
}
