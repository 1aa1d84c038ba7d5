package assessment

import (
	"context"
	"time"
)

// AsesorItemReview records verdicts per evidence item. The assessor
// workspace implements it beside AsesorWorkspace (an optional interface,
// so fakes need not); the review screen shows the item controls only when
// it is there.
type AsesorItemReview interface {
	// SaveItemReview records a verdict on one item (a new row; the latest
	// is the current one). Accepting an item the cascade rejects
	// automatically is refused with an *InputError-like message.
	SaveItemReview(ctx context.Context, d ItemDecision) error
}

// ItemDecision is one item verdict to record.
type ItemDecision struct {
	BundleID  string
	Indicator int
	Code      string // I4-L1-02
	Status    string // ReviewAccepted or ReviewRevision
	Reason    string // for revisi: ReasonWrongEvidence or ReasonMissing
	Note      string
	Reviewer  string // "" = the workspace profile's ReviewerName
}

// ReviewEvidenceItem is one evidence item of a review sheet row: the
// catalog's item, the assessor's own current verdict and what the cascade
// makes of it.
type ReviewEvidenceItem struct {
	Code   string
	Level  int
	Text   Text
	Linked bool   // the OPD linked a file to it
	Status string // the own verdict: ReviewAccepted, ReviewRevision, "" = not judged
	Reason string
	Note   string
	// AutoRejected: a lower level is rejected; shown as "ditolak
	// otomatis" (ReasonAutoRejectedText) and cannot be accepted.
	AutoRejected bool
	Reviewer     string
	ReviewedAt   time.Time
}

// ItemsOf converts an item review to the sheet's items.
func ItemsOf(r ItemReview) []ReviewEvidenceItem {
	out := make([]ReviewEvidenceItem, 0, len(r.Items))
	for _, s := range r.Items {
		it := ReviewEvidenceItem{Code: s.Code, Level: s.Level, Text: s.Text, Linked: s.Linked, AutoRejected: s.AutoRejected}
		if v := s.Verdict; v != nil {
			it.Status, it.Reason, it.Note = v.Status, v.Reason, v.Note
		}
		out = append(out, it)
	}
	return out
}
