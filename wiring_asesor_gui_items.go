package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// SaveItemReview records an item verdict in the name of the reviewer.
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
