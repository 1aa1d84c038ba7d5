package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// reviewItemCommand is `review --item`: the workspace checks the item
// against the bundle's catalog and the cascade.
func reviewItemCommand(ctx context.Context, dataDir string, e cli.ItemReviewEntry) (out cli.ItemReviewEntry, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		r, err := w.ReviewItem(ctx, asesor.ItemReviewInput{BundleID: e.BundleID, Indicator: e.Indicator, Code: e.Code,
			Status: asesor.ReviewStatus(e.Status), Reason: e.Reason, Note: e.Note, Reviewer: e.Reviewer})
		out = cli.ItemReviewEntry{BundleID: r.BundleID, Indicator: r.Indicator, Code: r.Code, Status: string(r.Status),
			Reason: r.Reason, Note: r.Note, Computed: r.Computed, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt}
		return err
	})
	return out, err
}
