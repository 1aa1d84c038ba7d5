package asesor

import (
	"context"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// FeedbackManifest builds the (unsigned) feedback on one bundle: the
// current review of every reviewed indicator. assessorName names the team
// in the file; the caller signs it with the assessor's key
// (feedback.Sign), which fills the assessor key id and fingerprint.
func (w *Workspace) FeedbackManifest(ctx context.Context, bundleID, assessorName string) (feedback.Manifest, BundleInfo, error) {
	b, err := w.Bundle(ctx, bundleID)
	if err != nil {
		return feedback.Manifest{}, b, err
	}
	reviews, err := w.Reviews(ctx, b.BundleID)
	if err != nil {
		return feedback.Manifest{}, b, err
	}
	if len(reviews) == 0 {
		return feedback.Manifest{}, b, &InputError{Msg: "bundel ini belum ditelaah: belum ada catatan untuk dikirim ke OPD"}
	}
	m := feedback.Manifest{
		Format:    feedback.FormatVersion,
		CreatedAt: w.now().UTC().Format(time.RFC3339),
		Bundle: feedback.BundleRef{ID: b.BundleID, ManifestSHA256: b.ManifestSHA256, OPDKode: b.OPDKode,
			Periode: b.Periode, Sequence: b.Sequence},
		Assessor: feedback.Assessor{Name: assessorName},
		Items:    make([]feedback.Item, 0, len(reviews)),
	}
	for _, r := range reviews {
		m.Items = append(m.Items, feedback.Item{Indicator: r.Indicator, Status: string(r.Status), Reason: r.Reason,
			Value: r.Value, Note: r.Note, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt.UTC().Format(time.RFC3339)})
	}
	return m, b, nil
}
