package asesor

import (
	"context"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"

	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// FeedbackManifest builds the (unsigned) feedback on one bundle: the
// current review of every reviewed indicator. asesorName names the team
// in the file; the caller signs it with the assessor's key
// (feedback.Sign), which fills the assessor key id and fingerprint.
func (w *Workspace) FeedbackManifest(ctx context.Context, bundleID, asesorName string) (feedback.Manifest, BundleInfo, error) {
	b, err := w.Bundle(ctx, bundleID)
	if err != nil {
		return feedback.Manifest{}, b, err
	}
	_, rows, err := w.ReviewSheet(ctx, b.BundleID)
	if err != nil {
		return feedback.Manifest{}, b, err
	}
	var reviews []ReviewRow
	for _, r := range rows {
		if r.Review == nil {
			r.Review = derivedReview(r)
		}
		if r.Review != nil {
			reviews = append(reviews, r)
		}
	}
	if len(reviews) == 0 {
		return feedback.Manifest{}, b, &InputError{Msg: "bundel ini belum ditelaah: belum ada catatan untuk dikirim ke OPD"}
	}
	m := feedback.Manifest{
		Format:    feedback.FormatVersion,
		CreatedAt: w.now().UTC().Format(time.RFC3339),
		Bundle: feedback.BundleRef{ID: b.BundleID, ManifestSHA256: b.ManifestSHA256, OPDKode: b.OPDKode,
			Periode: b.Periode, Sequence: b.Sequence},
		Asesor: feedback.Asesor{Name: asesorName},
		Items:  make([]feedback.Item, 0, len(reviews)),
	}
	for _, row := range reviews {
		r := row.Review
		m.Items = append(m.Items, feedback.Item{Indicator: r.Indicator, Status: string(r.Status), Reason: r.Reason,
			Value: r.Value, Note: r.Note, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt.UTC().Format(time.RFC3339),
			Computed: row.Computed(), EvidenceItems: itemNotes(row.Items)})
	}
	return m, b, nil
}

// derivedReview is the decision an indicator's item verdicts imply when
// the assessor recorded none (assessment.ItemReview.DerivedDecision), so
// the item notes still reach the OPD; by the latest item's reviewer and
// time. nil when no item is judged.
func derivedReview(r ReviewRow) *Review {
	if r.Items == nil {
		return nil
	}
	status, reason, ok := r.Items.Review.DerivedDecision()
	if !ok {
		return nil
	}
	d := &Review{Indicator: r.Indicator, Status: ReviewStatus(status), Reason: reason}
	for _, rec := range r.Items.Records {
		if rec.ReviewedAt.After(d.ReviewedAt) {
			d.Reviewer, d.ReviewedAt = rec.Reviewer, rec.ReviewedAt
		}
	}
	return d
}

// itemNotes are the judged items of an indicator as the OPD is to see
// them: an item the cascade rejects is a revisi "ditolak otomatis" with
// the portal's text, whatever its own verdict; items not judged yet are
// left out. nil when no item is judged (the file stays format 1).
func itemNotes(items *IndicatorItems) []feedback.ItemNote {
	if items == nil {
		return nil
	}
	var out []feedback.ItemNote
	for _, s := range items.Review.Items {
		switch {
		case s.AutoRejected:
			out = append(out, feedback.ItemNote{Code: s.Code, Status: string(ReviewRevision), Reason: ReasonAutoRejected,
				Note: assessment.ReasonAutoRejectedText})
		case s.Verdict != nil:
			n := feedback.ItemNote{Code: s.Code, Status: s.Verdict.Status, Reason: s.Verdict.Reason, Note: s.Verdict.Note}
			if n.Reason == ReasonMissing && n.Note == "" {
				n.Note = assessment.ReasonMissingText // what the portal says
			}
			out = append(out, n)
		}
	}
	return out
}
