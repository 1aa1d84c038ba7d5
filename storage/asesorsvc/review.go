package asesorsvc

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// Review records a review decision under d.Reviewer (the caller resolves
// who: the GUI the profile's name, the CLI --reviewer or the profile's).
// The indicator must be in the bundle's catalog: the same check for the
// review screen and `review`.
func (a *Service) Review(ctx context.Context, d assessment.ReviewDecision) (assessment.ReviewEntry, error) {
	if err := a.w.CheckReviewIndicator(ctx, d.BundleID, d.Indicator); err != nil {
		return assessment.ReviewEntry{}, err
	}
	r, err := a.w.Review(ctx, asesor.ReviewInput{BundleID: d.BundleID, Indicator: d.Indicator, Value: d.Value,
		Status: asesor.ReviewStatus(d.Status), Reason: d.Reason, Note: d.Note, Reviewer: d.Reviewer})
	if err != nil {
		return assessment.ReviewEntry{}, err
	}
	return assessment.ReviewEntry{BundleID: r.BundleID, Indicator: r.Indicator, Value: r.Value, Status: string(r.Status),
		Reason: r.Reason, Note: r.Note, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt}, nil
}

// ReviewItem records a verdict on one evidence item under d.Reviewer; the
// workspace checks the item against the bundle's catalog and the cascade.
func (a *Service) ReviewItem(ctx context.Context, d assessment.ItemDecision) (assessment.ItemReviewEntry, error) {
	r, err := a.w.ReviewItem(ctx, asesor.ItemReviewInput{BundleID: d.BundleID, Indicator: d.Indicator, Code: d.Code,
		Status: asesor.ReviewStatus(d.Status), Reason: d.Reason, Note: d.Note, Reviewer: d.Reviewer})
	if err != nil {
		return assessment.ItemReviewEntry{}, err
	}
	return assessment.ItemReviewEntry{BundleID: r.BundleID, Indicator: r.Indicator, Code: r.Code, Status: string(r.Status),
		Reason: r.Reason, Note: r.Note, Computed: r.Computed, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt}, nil
}

// SaveReview is Review in the name of the workspace profile's assessor
// (the review screen).
func (a *Service) SaveReview(ctx context.Context, d assessment.ReviewDecision) error {
	by, err := a.reviewer(ctx, d.Reviewer)
	if err != nil {
		return err
	}
	d.Reviewer = by
	_, err = a.Review(ctx, d)
	return err
}

// SaveItemReview is ReviewItem in the name of the workspace profile's
// assessor (the review screen).
func (a *Service) SaveItemReview(ctx context.Context, d assessment.ItemDecision) error {
	by, err := a.reviewer(ctx, d.Reviewer)
	if err != nil {
		return err
	}
	d.Reviewer = by
	_, err = a.ReviewItem(ctx, d)
	return err
}
