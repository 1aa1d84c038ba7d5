package asesorsvc_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// testAsesorGUIItems: through the GUI's workspace the sheet lists the
// items of indicator n by level; an item verdict is recorded under the
// profile's name; a rejected level-1 item rejects level 2 automatically
// and accepting a level-2 item is refused with the portal's reason.
func testAsesorGUIItems(t *testing.T, w assessment.AsesorWorkspace, id string, n int) {
	t.Helper()
	ctx := context.Background()
	ir, ok := w.(assessment.AsesorItemReview)
	if !ok {
		t.Fatal("the GUI's workspace records no item verdicts")
	}
	items := sheetItemsOf(t, w, id, n)
	var l1, l2 []string
	for _, it := range items {
		switch it.Level {
		case 1:
			l1 = append(l1, it.Code)
		case 2:
			l2 = append(l2, it.Code)
		}
	}
	if len(l1) == 0 || len(l2) == 0 {
		t.Fatalf("items of indicator %d: %+v", n, items)
	}
	if err := ir.SaveItemReview(ctx, assessment.ItemDecision{BundleID: id, Indicator: n, Code: l1[0], Status: assessment.ReviewRevision,
		Reason: assessment.ReasonMissing}); err != nil {
		t.Fatal(err)
	}
	err := ir.SaveItemReview(ctx, assessment.ItemDecision{BundleID: id, Indicator: n, Code: l2[0], Status: assessment.ReviewAccepted})
	if err == nil || !strings.Contains(err.Error(), assessment.ReasonAutoRejectedText) {
		t.Fatalf("accepting %s above a rejected level: %v", l2[0], err)
	}
	for _, it := range sheetItemsOf(t, w, id, n) {
		switch {
		case it.Code == l1[0] && (it.Status != assessment.ReviewRevision || it.Reviewer != "Siti Rahmawati" || it.ReviewedAt.IsZero()):
			t.Errorf("rejected item %+v", it)
		case it.Level >= 2 && !it.AutoRejected:
			t.Errorf("item %s not rejected automatically", it.Code)
		}
	}
}

func sheetItemsOf(t *testing.T, w assessment.AsesorWorkspace, id string, n int) []assessment.ReviewEvidenceItem {
	t.Helper()
	_, rows, err := w.ReviewSheet(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Indicator == n {
			return r.Items
		}
	}
	t.Fatalf("indicator %d not on the sheet", n)
	return nil
}
