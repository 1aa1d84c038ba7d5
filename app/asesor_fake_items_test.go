package app

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// SaveItemReview makes the fake an assessment.AsesorItemReview: it
// applies the verdict with the pure rules (the cascade refusal included)
// to the sheet's items.
func (f *fakeAsesor) SaveItemReview(_ context.Context, d assessment.ItemDecision) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	rows := f.sheets[d.BundleID]
	for i := range rows {
		if rows[i].Indicator != d.Indicator {
			continue
		}
		listed := make([]assessment.ReviewableItem, 0, len(rows[i].Items))
		verdicts := map[string]assessment.ItemVerdict{}
		for _, it := range rows[i].Items {
			listed = append(listed, assessment.ReviewableItem{Code: it.Code, Level: it.Level, Text: it.Text, Linked: it.Linked})
			if it.Status != "" {
				verdicts[it.Code] = assessment.ItemVerdict{Code: it.Code, Status: it.Status, Reason: it.Reason, Note: it.Note}
			}
		}
		v := assessment.ItemVerdict{Code: d.Code, Status: d.Status, Reason: d.Reason, Note: d.Note}
		if err := assessment.ReviewItems(listed, verdicts).CheckAccept(v); err != nil {
			return err
		}
		verdicts[d.Code] = v
		res := assessment.ReviewItems(listed, verdicts)
		rows[i].Items, rows[i].Computed = assessment.ItemsOf(res), res.Computed
		f.savedItems = append(f.savedItems, d)
	}
	return nil
}
