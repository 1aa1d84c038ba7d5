package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// guiItems are a review sheet row's evidence items for the review screen.
func guiItems(r asesor.ReviewRow) ([]assessment.ReviewEvidenceItem, string) {
	if r.Items == nil {
		return nil, ""
	}
	out := assessment.ItemsOf(r.Items.Review)
	for i := range out {
		if rec, ok := r.Items.Records[out[i].Code]; ok {
			out[i].Reviewer, out[i].ReviewedAt = rec.Reviewer, rec.ReviewedAt
		}
	}
	return out, r.Items.Review.Computed
}

// SaveItemReview records a verdict on one evidence item under the
// workspace profile's name (assessment.AsesorItemReview).
func (a *asesorGUI) SaveItemReview(ctx context.Context, d assessment.ItemDecision) error {
	by, err := a.reviewer(ctx, d.Reviewer)
	if err != nil {
		return err
	}
	_, err = a.w.ReviewItem(ctx, asesor.ItemReviewInput{BundleID: d.BundleID, Indicator: d.Indicator, Code: d.Code,
		Status: asesor.ReviewStatus(d.Status), Reason: d.Reason, Note: d.Note, Reviewer: by})
	return err
}

var _ assessment.AsesorItemReview = (*asesorGUI)(nil)
