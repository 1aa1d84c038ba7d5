package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// PaperCheck checks a printed report's QR text against the stored bundles.
func (a *asesorGUI) PaperCheck(ctx context.Context, text string) (assessment.PaperCheckResult, error) {
	r, err := a.w.PaperCheck(ctx, text)
	if err != nil {
		return assessment.PaperCheckResult{}, err
	}
	out := assessment.PaperCheckResult{OPDKode: r.QR.OPDKode, Periode: r.QR.Periode, Sequence: r.QR.Sequence,
		Fingerprint: r.QR.Fingerprint, Found: r.Found, Matches: r.Matches, Mismatches: r.Mismatches}
	if r.Bundle.BundleID != "" {
		out.Bundle = guiBundle(r.Bundle)
	}
	if r.Newer != nil {
		n := guiBundle(*r.Newer)
		out.Newer = &n
	}
	return out, nil
}
