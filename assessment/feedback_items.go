package assessment

// FeedbackItemNote is the assessor's verdict on one evidence item as the
// OPD receives it: diterima, or revisi with its reason — "bukti tidak
// tepat", "belum diunggah", or "ditolak otomatis" when a lower level was
// rejected (the portal's cascade) — and the note.
type FeedbackItemNote struct {
	Code   string // I4-L1-02
	Status string // ReviewAccepted or ReviewRevision
	Reason string
	Note   string
}

// NeedsRevision reports whether the OPD must act on the item.
func (n FeedbackItemNote) NeedsRevision() bool { return n.Status == ReviewRevision }

// ItemNote is the note on item code, false when the feedback has none.
func (n FeedbackNote) ItemNote(code string) (FeedbackItemNote, bool) {
	for _, it := range n.Items {
		if it.Code == code {
			return it, true
		}
	}
	return FeedbackItemNote{}, false
}
