package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// reviewItemsDinkes reviews indicator 1 of a bundle item by item through
// the command line (TestAsesorRoundTrip): I1-L1-01 belum diunggah, so
// the level-2 items are rejected automatically and cannot be accepted;
// the value set (1,25) wins over the computed one (1) in the recap.
func reviewItemsDinkes(t *testing.T, dataDir, bundleID string, c *assessment.Catalog) {
	t.Helper()
	review := func(args ...string) (int, string, string) {
		return runCLI(t, append([]string{"review", "--data", dataDir, "--bundle", bundleID, "--by", "Budi"}, args...)...)
	}
	if code, out, e := review("--item", "I1-L1-01", "--status", "revisi", "--reason", "belum-diunggah"); code != cli.ExitOK ||
		!strings.Contains(out, "Nilai terhitung indikator 1 dari butir: 1") {
		t.Fatalf("item revisi: %d %s %s", code, out, e)
	}
	if code, _, e := review("--item", "I1-L2-01", "--status", "diterima"); code != cli.ExitError ||
		!strings.Contains(e, assessment.ReasonAutoRejectedText) {
		t.Fatalf("accepting an auto-rejected item: %d %s", code, e)
	}
	if code, _, e := review("--item", "I1-L2-02", "--status", "revisi", "--reason", "tidak-tepat", "--note", "Bukan dokumen SPBE"); code != cli.ExitOK {
		t.Fatalf("item revisi L2: %d %s", code, e)
	}
	if code, _, e := review("--indicator", "1", "--value", "1,25", "--status", "diterima", "--note", "Nilai parsial"); code != cli.ExitOK {
		t.Fatalf("fractional value: %d %s", code, e)
	}
	var sheet cli.ReviewSheet
	json.Unmarshal([]byte(mustCLI(t, "review", "show", "--data", dataDir, "--bundle", bundleID, "--json")), &sheet)
	row := sheet.Rows[0]
	// Level 3 of I1 has no official item: it is judged by I1-L3-00,
	// rejected automatically with level 2.
	if row.Computed != "1" || row.Counted != "1.25" || row.Review == nil || row.Review.Value != "1.25" || len(row.Items) != 5 ||
		row.Items[1].Status != assessment.ReasonAutoRejected || row.Items[2].OwnStatus != "revisi" ||
		row.Items[4].Code != "I1-L3-00" || row.Items[4].Status != assessment.ReasonAutoRejected {
		t.Fatalf("sheet row %+v", row)
	}
	var rec []assessment.RecapRow
	json.Unmarshal([]byte(mustCLI(t, "recap", "--data", dataDir, "--json")), &rec)
	want, _ := assessment.ScoreValues(c, map[int]assessment.Value{1: mustParseValue(t, "1.25")})
	for _, r := range rec {
		if r.OPDKode == "DINKES" && (r.ReviewedIndex != want.Index.FloatString(4) || r.Reviewed != 1) {
			t.Fatalf("recap: reviewed index %q (%d indicators), want %s", r.ReviewedIndex, r.Reviewed, want.Index.FloatString(4))
		}
	}
}

// checkItemNotesDinkes: the OPD receives the per-item statuses and notes
// (CLI `feedback show` and the GUI's inbox), the cascade applied.
func checkItemNotesDinkes(t *testing.T, dataDir, assessmentID string, n cli.FeedbackNoteView) {
	t.Helper()
	if n.Value != "1.25" || n.Computed != "1" || len(n.Items) != 5 { // with I1-L3-00 (level 3 without official items)
		t.Fatalf("DINKES note %+v", n)
	}
	got := map[string]string{}
	for _, it := range n.Items {
		got[it.Code] = it.Status + "/" + it.Reason
	}
	for code, want := range map[string]string{"I1-L1-01": "revisi/belum diunggah", "I1-L2-01": "revisi/ditolak otomatis",
		"I1-L2-02": "revisi/ditolak otomatis", "I1-L2-03": "revisi/ditolak otomatis", "I1-L3-00": "revisi/ditolak otomatis"} {
		if got[code] != want {
			t.Errorf("%s: %q, want %q", code, got[code], want)
		}
	}
	out := mustCLI(t, "feedback", "show", "--data", dataDir, "--assessment", assessmentID)
	for _, want := range []string{"I1-L1-01: revisi (belum diunggah) — " + assessment.ReasonMissingText,
		"I1-L2-02: revisi (ditolak otomatis) — " + assessment.ReasonAutoRejectedText, "nilai terhitung dari butir: 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("feedback show lacks %q:\n%s", want, out)
		}
	}
	db, err := storage.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	notes, err := db.FeedbackInbox().Notes(context.Background(), assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := notes.Items[1].ItemNote("I1-L1-01"); !ok || it.Reason != assessment.ReasonMissing || !it.NeedsRevision() || notes.Items[1].Computed != "1" {
		t.Fatalf("GUI inbox item note %+v %v (%+v)", it, ok, notes.Items[1])
	}
}

func mustParseValue(t *testing.T, s string) assessment.Value {
	t.Helper()
	v, err := assessment.ParseValue(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
