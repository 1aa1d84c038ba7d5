package asesor

import (
	"context"
	"errors"
	"testing"
)

func TestReview(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p1, r1 := a.write(t, t.TempDir(), spec{seq: 1})
	importOne(t, w, p1)
	in1 := testCatalog(t).Indicators[0].Number

	bad := []ReviewInput{
		{BundleID: r1.BundleID, Indicator: in1, Value: "6", Status: ReviewAccepted, Reviewer: "Budi"},
		{BundleID: r1.BundleID, Indicator: in1, Status: ReviewRevision, Reviewer: "Budi"},
		{BundleID: r1.BundleID, Indicator: in1, Status: ReviewRevision, Reason: "lainnya", Reviewer: "Budi"},
		{BundleID: r1.BundleID, Indicator: in1, Status: ReviewAccepted, Reason: ReasonMissing, Reviewer: "Budi"},
		{BundleID: r1.BundleID, Indicator: in1, Status: "x", Reviewer: "Budi"},
		{BundleID: r1.BundleID, Indicator: in1, Status: ReviewAccepted},
	}
	for i, in := range bad {
		var ie *InputError
		if _, err := w.Review(ctx, in); !errors.As(err, &ie) {
			t.Errorf("bad input %d: %v", i, err)
		}
	}
	if _, err := w.Review(ctx, ReviewInput{BundleID: "01968f2a-0000-0000-0000-000000000000", Indicator: in1, Status: ReviewAccepted, Reviewer: "B"}); !errors.Is(err, ErrUnknownBundle) {
		t.Fatalf("unknown bundle: %v", err)
	}

	first, err := w.Review(ctx, ReviewInput{BundleID: r1.BundleID, Indicator: in1, Status: ReviewRevision, Reason: ReasonWrongEvidence,
		Note: "SK belum ditandatangani", Reviewer: "Budi"})
	if err != nil {
		t.Fatal(err)
	}
	// A prefix of the bundle id is enough.
	second, err := w.Review(ctx, ReviewInput{BundleID: r1.BundleID[:13], Indicator: in1, Value: "2,5", Status: ReviewAccepted,
		Note: "SK sudah diperbaiki", Reviewer: "Budi"})
	if err != nil || second.BundleID != r1.BundleID || second.Value != "2.5" || second.ID <= first.ID {
		t.Fatalf("second review: %+v %v", second, err)
	}
	if second.Rat().FloatString(1) != "2.5" {
		t.Fatalf("rat %v", second.Rat())
	}
	hist, err := w.ReviewHistory(ctx, r1.BundleID, in1)
	if err != nil || len(hist) != 2 || hist[0].Reason != ReasonWrongEvidence || hist[1].Status != ReviewAccepted {
		t.Fatalf("history %+v %v", hist, err)
	}
	// Append-only.
	if _, err := w.sql.Exec("UPDATE review SET note = 'x'"); err == nil {
		t.Fatal("update allowed")
	}
	if _, err := w.sql.Exec("DELETE FROM review"); err == nil {
		t.Fatal("delete allowed")
	}

	b, rows, err := w.ReviewSheet(ctx, r1.BundleID)
	if err != nil || b.OPDKode != "DISKOMINFO" || b.Status != "accepted" {
		t.Fatalf("sheet %+v %v", b, err)
	}
	var found bool
	for _, r := range rows {
		if r.Indicator == in1 {
			found = true
			if r.Answer == nil || r.Answer.Level != 3 || len(r.Answer.Evidence) != 1 || r.Review == nil ||
				r.Review.Value != "2.5" || r.Review.Note != "SK sudah diperbaiki" || r.Revisions != 2 {
				t.Fatalf("row %+v answer %+v review %+v", r, r.Answer, r.Review)
			}
		} else if r.Review != nil || r.Answer == nil {
			t.Fatalf("row %+v", r)
		}
	}
	if !found {
		t.Fatal("reviewed indicator missing from the sheet")
	}
}

func TestFeedbackManifest(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p1, r1 := a.write(t, t.TempDir(), spec{seq: 1})
	importOne(t, w, p1)
	if _, _, err := w.FeedbackManifest(ctx, r1.BundleID, "Tim"); !errors.As(err, new(*InputError)) {
		t.Fatalf("unreviewed: %v", err)
	}
	in1 := testCatalog(t).Indicators[0].Number
	for _, note := range []string{"pertama", "kedua"} {
		if _, err := w.Review(ctx, ReviewInput{BundleID: r1.BundleID, Indicator: in1, Status: ReviewRevision, Reason: ReasonMissing, Note: note, Reviewer: "B"}); err != nil {
			t.Fatal(err)
		}
	}
	m, b, err := w.FeedbackManifest(ctx, r1.BundleID, "Tim")
	if err != nil || b.BundleID != r1.BundleID || m.Bundle.ManifestSHA256 != r1.ManifestSHA256 || len(m.Items) != 1 || m.Items[0].Note != "kedua" {
		t.Fatalf("manifest %+v %v", m, err)
	}
}
