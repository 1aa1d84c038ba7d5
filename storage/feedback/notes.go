package feedback

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// ItemNotes are the item's per-item verdicts as the OPD's screens read
// them (assessment.FeedbackNote.Items); nil for format 1.
func (it Item) ItemNotes() []assessment.FeedbackItemNote {
	var out []assessment.FeedbackItemNote
	for _, n := range it.EvidenceItems {
		out = append(out, assessment.FeedbackItemNote{Code: n.Code, Status: n.Status, Reason: n.Reason, Note: n.Note})
	}
	return out
}
