package sheet

import (
	"io"
	"slices"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestReviewWorkbookItems: a review with item verdicts gets the sheet
// "Butir" — one row per item, the cascade applied — and the computed value
// beside the assessor's.
func TestReviewWorkbookItems(t *testing.T) {
	b := assessment.ReviewBundle{BundleID: "b1", OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 1, Imported: imported}
	items := []assessment.ReviewItem{{Indicator: 4, Answered: true, Level: 2, Reviewed: true, Value: "1.3", Computed: "1",
		Status: assessment.ReviewAccepted, Items: []assessment.ReviewEvidenceItem{
			{Code: "I4-L1-01", Level: 1, Linked: true, Status: assessment.ReviewAccepted, Reviewer: "Budi"},
			{Code: "I4-L1-02", Level: 1, Status: assessment.ReviewRevision, Reason: assessment.ReasonWrongEvidence, Note: "SK lama"},
			{Code: "I4-L2-02", Level: 2, Status: assessment.ReviewAccepted, AutoRejected: true},
			{Code: "I4-L2-01", Level: 2},
		}}}
	f, _ := open(t, func(w io.Writer) error { return WriteReview(w, b, items, nil) })
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetReview, SheetSummary, SheetItems}) {
		t.Fatalf("sheets %q", got)
	}
	assertNumber(t, f, SheetItems, "I2", 1, fmtDecimal2)
	want := [][]string{ItemHeaders,
		{"4", "I4-L1-01", "1", "ya", "diterima", "", "", "Budi", "1.00"},
		{"4", "I4-L1-02", "1", "tidak", "revisi", "bukti tidak tepat", "SK lama", "", "1.00"},
		{"4", "I4-L2-02", "2", "tidak", "ditolak otomatis", "", assessment.ReasonAutoRejectedText, "", "1.00"},
		{"4", "I4-L2-01", "2", "tidak", "belum ditelaah", "", "", "", "1.00"},
	}
	for i, w := range want {
		got := row(t, f, SheetItems, i+1)
		for len(got) < len(w) {
			got = append(got, "")
		}
		if !slices.Equal(got, w) {
			t.Errorf("row %d = %q, want %q", i+1, got, w)
		}
	}
}
