package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// feedbackItemsBox lists the assessor's verdict per evidence item under
// the indicator's note — code, status (with the reason of a revisi) and
// the note — so the officer sees which item to fix; nil when the
// feedback has none (format 1).
func feedbackItemsBox(n assessment.FeedbackNote) fyne.CanvasObject {
	if len(n.Items) == 0 && n.Computed == "" {
		return nil
	}
	box := container.NewVBox()
	if n.Computed != "" && n.Computed != n.Value {
		box.Add(widget.NewLabel(trf("feedback.computed", commaDecimal(n.Computed))))
	}
	if len(n.Items) > 0 {
		box.Add(bold(tr("feedback.itemsTitle")))
	}
	for _, it := range n.Items {
		box.Add(feedbackItemLine(it))
	}
	return box
}

// feedbackItemLine is one item: its code and status as a badge, the
// reason and the note beside it.
func feedbackItemLine(it assessment.FeedbackItemNote) fyne.CanvasObject {
	word, imp := tr("feedback.itemAccepted"), widget.SuccessImportance
	if it.NeedsRevision() {
		word, imp = tr("feedback.itemRevision"), widget.WarningImportance
	}
	text := ""
	if it.Reason != "" {
		text = reviewReasonText(it.Reason)
	}
	if it.Note != "" {
		if text != "" {
			text += " — "
		}
		text += it.Note
	}
	return border(nil, nil, container.NewHBox(bold(it.Code), badge(word, imp)), nil, wrapped(text))
}
