package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// PaperCheck checks a printed report's QR text against the stored bundles.
func (a *asesorGUI) PaperCheck(ctx context.Context, text string) (assessment.PaperCheckResult, error) {
	return a.w.PaperCheck(ctx, text)
}
