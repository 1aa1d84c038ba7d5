package asesor

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// itemBundle imports a bundle whose indicator 13 (Aplikasi: items at
// levels 1–3 in the Pemdi catalog) is answered at level 3, into a
// workspace that knows the catalog.
func itemBundle(t *testing.T) (*Workspace, string) {
	t.Helper()
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	o := newOPD("DISKOMINFO", 1)
	addKey(t, w, o, "")
	p, r := o.write(t, t.TempDir(), spec{seq: 1, extra: []assessment.Answer{{Indicator: 13, Level: 3, Justification: "Aplikasi terdata"}}})
	if res := importOne(t, w, p); res.Kind != intake.KindNew {
		t.Fatalf("import: %+v", res)
	}
	return w, r.BundleID
}

func verdict(id, code string, st ReviewStatus, reason string) ItemReviewInput {
	return ItemReviewInput{BundleID: id, Indicator: 13, Code: code, Status: st, Reason: reason, Reviewer: "Budi"}
}

// TestItemReviewCascade: accept the level-1 items, reject a level-2 item
// → the level-3 item is rejected automatically, accepting it is refused
// with the portal's reason, and the computed value stays 1 until level 2
// is accepted.
func TestItemReviewCascade(t *testing.T) {
	ctx := context.Background()
	w, id := itemBundle(t)
	for _, code := range []string{"I13-L1-01", "I13-L1-02", "I13-L2-02", "I13-L2-03"} {
		if _, err := w.ReviewItem(ctx, verdict(id, code, ReviewAccepted, "")); err != nil {
			t.Fatalf("%s: %v", code, err)
		}
	}
	rej, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: id[:13], Indicator: 13, Code: "I13-L2-01", Status: ReviewRevision,
		Reason: ReasonWrongEvidence, Note: " SK tahun lalu ", Reviewer: "Budi"})
	if err != nil || rej.Computed != "1" || rej.Note != "SK tahun lalu" || rej.BundleID != id {
		t.Fatalf("reject L2: %+v %v", rej, err)
	}
	_, err = w.ReviewItem(ctx, verdict(id, "I13-L3-01", ReviewAccepted, ""))
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), assessment.ReasonAutoRejectedText) || !strings.Contains(err.Error(), "I13-L2-01") {
		t.Fatalf("accepting L3 while L2 is rejected: %v", err)
	}
	items, err := w.Items(ctx, id, 13)
	if err != nil {
		t.Fatal(err)
	}
	l3, _ := items.Review.Item("I13-L3-01")
	if !l3.AutoRejected || l3.Verdict != nil || items.Review.Computed != "1" || len(items.Review.Items) != 6 {
		t.Fatalf("items %+v", items.Review)
	}
	if r := items.Records["I13-L2-01"]; r.Reason != ReasonWrongEvidence || r.Reviewer != "Budi" || r.ReviewedAt.IsZero() {
		t.Fatalf("record %+v", r)
	}

	// Level 2 accepted again: level 3 may be accepted, the value is 3.
	if _, err := w.ReviewItem(ctx, verdict(id, "I13-L2-01", ReviewAccepted, "")); err != nil {
		t.Fatal(err)
	}
	last, err := w.ReviewItem(ctx, verdict(id, "I13-L3-01", ReviewAccepted, ""))
	if err != nil || last.Computed != "3" {
		t.Fatalf("L3 after L2 accepted: %+v %v", last, err)
	}
	hist, err := w.ItemHistory(ctx, id, 13)
	if err != nil || len(hist) != 7 || hist[4].Computed != "1" || hist[6].Computed != "3" {
		t.Fatalf("history (the computed value in the trail): %+v %v", hist, err)
	}
	if _, err := w.sql.Exec("UPDATE review_item SET note = 'x'"); err == nil {
		t.Fatal("update allowed")
	}
	if _, err := w.sql.Exec("DELETE FROM review_item"); err == nil {
		t.Fatal("delete allowed")
	}
}

func TestItemReviewRefusals(t *testing.T) {
	ctx := context.Background()
	w, id := itemBundle(t)
	tests := []struct {
		in   ItemReviewInput
		want string
	}{
		{verdict(id, "I13-L1-01", ReviewRevision, ""), "memerlukan alasan"},
		{verdict(id, "I13-L1-01", ReviewRevision, ReasonAutoRejected), "memerlukan alasan"},
		{verdict(id, "I14-L1-01", ReviewAccepted, ""), "bukan milik indikator 13"},
		{verdict(id, "I13-L1-07", ReviewAccepted, ""), "tidak ada di katalog"},
		{ItemReviewInput{BundleID: id, Indicator: 99, Code: "I99-L1-01", Status: ReviewAccepted, Reviewer: "B"}, "tidak ada di katalog"},
		{ItemReviewInput{BundleID: id, Indicator: 13, Code: "I13-L1-01", Status: ReviewAccepted}, "reviewer"},
	}
	for _, tc := range tests {
		var ie *InputError
		if _, err := w.ReviewItem(ctx, tc.in); !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.in, err, tc.want)
		}
	}
	// Indicator 2 is answered at level 2: its level-2 item is judged, a
	// level-2 item of an unanswered indicator is not.
	if _, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: id, Indicator: 2, Code: "I2-L2-01", Status: ReviewAccepted, Reviewer: "B"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: id, Indicator: 10, Code: "I10-L1-01", Status: ReviewAccepted, Reviewer: "B"}); err == nil {
		t.Fatal("an item of an unanswered indicator was accepted")
	}
	// Without the catalog nothing can be judged.
	w2 := openWS(t)
	if _, err := w2.ReviewItem(ctx, verdict(id, "I13-L1-01", ReviewAccepted, "")); err == nil {
		t.Fatal("item verdict without a bundle")
	}
}

// TestFractionalValue: the value the assessor sets (1,17) wins over the
// computed one (1), both are kept on the decision, and the review sheet,
// the recap and the consolidation all count the set one.
func TestFractionalValue(t *testing.T) {
	ctx := context.Background()
	w, id := itemBundle(t)
	c := testCatalog(t)
	for _, v := range []ItemReviewInput{verdict(id, "I13-L1-01", ReviewAccepted, ""), verdict(id, "I13-L1-02", ReviewRevision, ReasonMissing)} {
		if _, err := w.ReviewItem(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	dflt, err := w.Review(ctx, ReviewInput{BundleID: id, Indicator: 13, Status: ReviewAccepted, Reviewer: "Budi"})
	if err != nil || dflt.Computed != "1" || dflt.Value != "" {
		t.Fatalf("decision without a value: %+v %v", dflt, err)
	}
	if got := sheetValue(t, w, id, 13); got != "1" {
		t.Fatalf("default value %q, want the computed 1", got)
	}
	recap0 := recapOf(t, w, id)
	set, err := w.Review(ctx, ReviewInput{BundleID: id, Indicator: 13, Value: "1,17", Status: ReviewAccepted, Reviewer: "Budi"})
	if err != nil || set.Value != "1.17" || set.Computed != "1" {
		t.Fatalf("set value: %+v %v", set, err)
	}
	if got := sheetValue(t, w, id, 13); got != "1.17" {
		t.Fatalf("sheet value %q, want the set 1.17", got)
	}
	recap := recapOf(t, w, id)
	want, _ := assessment.ScoreValues(c, map[int]assessment.Value{13: mustValue(t, "1.17")})
	if recap.ReviewedIndex != want.Index.FloatString(4) || recap.Reviewed != 1 || recap.ReviewedIndex == recap0.ReviewedIndex {
		t.Fatalf("recap reviewed index %q (%d), want %s; before %q", recap.ReviewedIndex, recap.Reviewed, want.Index.FloatString(4), recap0.ReviewedIndex)
	}
	cons, err := w.Consolidate(ctx, c, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range cons.Rows {
		if row.Indicator == 13 && (row.Value != "1.17" || row.Candidates[0].Value != "1.17") {
			t.Fatalf("consolidation row %+v", row)
		}
	}
}

func sheetValue(t *testing.T, w *Workspace, id string, n int) string {
	t.Helper()
	_, rows, err := w.ReviewSheet(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Indicator == n {
			return r.Value()
		}
	}
	t.Fatalf("indicator %d not on the sheet", n)
	return ""
}

func recapOf(t *testing.T, w *Workspace, id string) assessment.RecapRow {
	t.Helper()
	rows, err := w.Recap(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.BundleID == id {
			return r
		}
	}
	t.Fatal("bundle not in the recap")
	return assessment.RecapRow{}
}

func mustValue(t *testing.T, s string) assessment.Value {
	t.Helper()
	v, err := assessment.ParseValue(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFeedbackItemNotes: the feedback carries the judged items as the
// cascade leaves them (auto-rejected with the portal's text, belum
// diunggah with the portal's note), the computed and the set value.
func TestFeedbackItemNotes(t *testing.T) {
	ctx := context.Background()
	w, id := itemBundle(t)
	for _, v := range []ItemReviewInput{
		verdict(id, "I13-L1-01", ReviewAccepted, ""), verdict(id, "I13-L1-02", ReviewAccepted, ""),
		verdict(id, "I13-L3-01", ReviewAccepted, ""), // accepted first, then level 2 is rejected
		verdict(id, "I13-L2-01", ReviewRevision, ReasonMissing),
	} {
		if _, err := w.ReviewItem(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Review(ctx, ReviewInput{BundleID: id, Indicator: 13, Value: "1.25", Status: ReviewAccepted, Reviewer: "Budi"}); err != nil {
		t.Fatal(err)
	}
	m, _, err := w.FeedbackManifest(ctx, id, "Tim")
	if err != nil || len(m.Items) != 1 {
		t.Fatalf("manifest %+v %v", m, err)
	}
	it := m.Items[0]
	got := map[string]string{}
	for _, n := range it.EvidenceItems {
		got[n.Code] = n.Status + "/" + n.Reason + "/" + n.Note
	}
	want := map[string]string{
		"I13-L1-01": "diterima//", "I13-L1-02": "diterima//",
		"I13-L2-01": "revisi/belum diunggah/" + assessment.ReasonMissingText,
		"I13-L3-01": "revisi/ditolak otomatis/" + assessment.ReasonAutoRejectedText,
	}
	if it.Value != "1.25" || it.Computed != "1" || len(got) != len(want) {
		t.Fatalf("item %+v", it)
	}
	for code, w := range want {
		if got[code] != w {
			t.Errorf("%s: %q, want %q", code, got[code], w)
		}
	}
}

// TestLinkedItemAboveClaim: an item the OPD linked a file to above its
// claimed level is judged, with its level's other items; the link shows.
func TestLinkedItemAboveClaim(t *testing.T) {
	ctx := context.Background()
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	o := newOPD("DISKOMINFO", 1)
	addKey(t, w, o, "")
	p, r := o.write(t, t.TempDir(), spec{seq: 1, level: 1, items: []string{"I1-L2-02"}})
	importOne(t, w, p)
	items, err := w.Items(ctx, r.BundleID, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range items.Review.Items {
		mark := ""
		if s.Linked {
			mark = "*"
		}
		got = append(got, s.Code+mark)
	}
	// The fixture's file is attached at level 3, which the test catalog
	// gives no item for: it is that level's evidence, I1-L3-00.
	if strings.Join(got, " ") != "I1-L1-01 I1-L2-01 I1-L2-02* I1-L2-03 I1-L3-00*" {
		t.Fatalf("items judged: %v", got)
	}
	if _, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: r.BundleID, Indicator: 1, Code: "I1-L2-02", Status: ReviewAccepted, Reviewer: "B"}); err != nil {
		t.Fatal(err)
	}
}

// TestFeedbackWithoutDecision: item verdicts on an indicator without a
// decision still reach the OPD, as the revisi they imply.
func TestFeedbackWithoutDecision(t *testing.T) {
	ctx := context.Background()
	w, id := itemBundle(t)
	if _, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: id, Indicator: 13, Code: "I13-L1-02", Status: ReviewRevision,
		Reason: ReasonWrongEvidence, Note: "Bukan daftar aplikasi", Reviewer: "Siti"}); err != nil {
		t.Fatal(err)
	}
	m, _, err := w.FeedbackManifest(ctx, id, "Tim")
	if err != nil || len(m.Items) != 1 {
		t.Fatalf("manifest %+v %v", m, err)
	}
	it := m.Items[0]
	if it.Indicator != 13 || it.Status != "revisi" || it.Reason != ReasonWrongEvidence || it.Reviewer != "Siti" ||
		it.Computed != "1" || len(it.EvidenceItems) != 5 || it.EvidenceItems[0].Note != "Bukan daftar aplikasi" {
		t.Fatalf("item %+v", it)
	}
}

// TestReviewedExternalValue: a diterima decision without a value on an
// indicator valued by another agency counts the OPD's converted agency
// score (SDI 68,75 → 3,75), as the OPD's own index does.
func TestReviewedExternalValue(t *testing.T) {
	ctx := context.Background()
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	o := newOPD("DISKOMINFO", 1)
	addKey(t, w, o, "")
	p, r := o.write(t, t.TempDir(), spec{seq: 1, extra: []assessment.Answer{{Indicator: 18,
		External: &assessment.ExternalScore{Score: "68.75", Year: 2025}}}})
	importOne(t, w, p)
	if _, err := w.Review(ctx, ReviewInput{BundleID: r.BundleID, Indicator: 18, Status: ReviewAccepted, Reviewer: "Budi"}); err != nil {
		t.Fatal(err)
	}
	if got := sheetValue(t, w, r.BundleID, 18); got != "3.75" {
		t.Fatalf("sheet value %q, want the converted 3.75", got)
	}
	c := testCatalog(t)
	want, _ := assessment.ScoreValues(c, map[int]assessment.Value{18: mustValue(t, "3.75")})
	if rec := recapOf(t, w, r.BundleID); rec.ReviewedIndex != want.Index.FloatString(4) {
		t.Fatalf("recap reviewed index %q, want %s", rec.ReviewedIndex, want.Index.FloatString(4))
	}
	cons, err := w.Consolidate(ctx, c, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range cons.Rows {
		if row.Indicator == 18 && row.Value != "3.75" {
			t.Fatalf("consolidation row %+v", row)
		}
	}
}

// TestReviewBeforeSchema7: a decision recorded before item review (no
// computed_value) reads as before: no computed value, the OPD's level
// counted for a diterima without a value.
func TestReviewBeforeSchema7(t *testing.T) {
	ctx := context.Background()
	w, id := itemBundle(t)
	if _, err := w.sql.Exec(`INSERT INTO review (bundle_id, indicator, value, status, reason, note, reviewer, reviewed_at)
		VALUES (?, 13, '', 'diterima', '', 'lama', 'Budi', '2026-05-01T00:00:00Z')`, id); err != nil {
		t.Fatal(err)
	}
	rs, err := w.Reviews(ctx, id)
	if err != nil || len(rs) != 1 || rs[0].Computed != "" || rs[0].Note != "lama" {
		t.Fatalf("reviews %+v %v", rs, err)
	}
	if got := sheetValue(t, w, id, 13); got != "3" {
		t.Fatalf("value %q, want the OPD's level 3", got)
	}
}

// TestImportRefusesUnknownItemCode: a signed bundle linking a file to an
// item its catalog lacks is refused at the catalog step (the verifier has
// no catalog), with the code named in Indonesian; nothing is stored.
func TestImportRefusesUnknownItemCode(t *testing.T) {
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	o := newOPD("DISKOMINFO", 1)
	addKey(t, w, o, "")
	p, _ := o.write(t, t.TempDir(), spec{seq: 1, level: 1, items: []string{"I1-L1-09"}})
	res := importOne(t, w, p)
	if res.Kind != intake.KindRejected || res.Code != intake.RejectInvalid || !strings.Contains(res.Reason, "I1-L1-09 tidak ada di katalog") {
		t.Fatalf("outcome %+v", res)
	}
	p, _ = o.write(t, t.TempDir(), spec{seq: 2, level: 1, items: []string{"I1-L1-01"}})
	if res := importOne(t, w, p); res.Kind != intake.KindNew {
		t.Fatalf("a bundle with official codes: %+v", res)
	}
}

// TestSyntheticLevelReachesValue: a file attached at a level the catalog
// gives no item for is judged as that level's item I1-L3-00, and
// accepting every item gives the computed value 3 (before, 2 at most).
func TestSyntheticLevelReachesValue(t *testing.T) {
	ctx := context.Background()
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	o := newOPD("DISKOMINFO", 1)
	addKey(t, w, o, "")
	p, r := o.write(t, t.TempDir(), spec{seq: 1, level: 3, items: []string{"I1-L2-02"}})
	importOne(t, w, p)
	items, err := w.Items(ctx, r.BundleID, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range items.Review.Items {
		if _, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: r.BundleID, Indicator: 1, Code: s.Code, Status: ReviewAccepted, Reviewer: "B"}); err != nil {
			t.Fatalf("%s: %v", s.Code, err)
		}
	}
	items, err = w.Items(ctx, r.BundleID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if items.Review.Computed != "3" {
		t.Fatalf("computed %q, want 3", items.Review.Computed)
	}
}
