package asesor

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// ReviewItems is the review sheet of a bundle in the assessment
// vocabulary — what the review screen and `review show` read: the bundle
// (with its catalog when this installation holds exactly that one) and,
// per indicator, the OPD's answer beside the current review.
func (w *Workspace) ReviewItems(ctx context.Context, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
	b, rows, err := w.ReviewSheet(ctx, bundleID)
	if err != nil {
		return assessment.ReviewBundle{}, nil, err
	}
	out := make([]assessment.ReviewItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.item())
	}
	rb := b.ReviewBundle()
	if w.lib != nil {
		// Import refuses unknown catalogs today; older workspaces may
		// still hold bundles on one that is not installed: no texts then.
		rb.Catalog, _ = w.lib.Pinned(b.Catalog.ID, b.Catalog.Version, b.Catalog.SHA256)
	}
	return rb, out, nil
}

func (r ReviewRow) item() assessment.ReviewItem {
	it := assessment.ReviewItem{Indicator: r.Indicator, Revisions: r.Revisions, Computed: r.Computed(), Counted: r.Value()}
	if a := r.Answer; a != nil {
		it.Answered, it.Level, it.Justification, it.External = true, a.Level, a.Justification, a.External
		for _, e := range a.Evidence {
			it.Evidence = append(it.Evidence, e.ReviewEvidence())
		}
	}
	if v := r.Review; v != nil {
		it.Reviewed, it.Value, it.Status, it.Reason, it.Note = true, v.Value, string(v.Status), v.Reason, v.Note
		it.Reviewer, it.ReviewedAt = v.Reviewer, v.ReviewedAt
	}
	if r.Items != nil {
		it.Items = assessment.ItemsOf(r.Items.Review)
		for i := range it.Items {
			if rec, ok := r.Items.Records[it.Items[i].Code]; ok {
				it.Items[i].Reviewer, it.Items[i].ReviewedAt = rec.Reviewer, rec.ReviewedAt
			}
		}
	}
	return it
}
