package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// feedbackItemsBox is the item review in the indicator's note: the value
// the items computed when the assessor set another one, and the codes of
// the items to revise (each item's own verdict and note stand on its row
// in the items list, withAsesorNote; the codes here also name items of
// levels above the one now chosen); nil when the feedback has none
// (format 1).
func feedbackItemsBox(n assessment.FeedbackNote) fyne.CanvasObject {
	if len(n.Items) == 0 && n.Computed == "" {
		return nil
	}
	box := container.NewVBox()
	if n.Computed != "" && n.Computed != n.Value {
		box.Add(widget.NewLabel(trf("feedback.computed", commaDecimal(n.Computed))))
	}
	var revise []string
	for _, it := range n.Items {
		if it.NeedsRevision() {
			revise = append(revise, it.Code)
		}
	}
	if len(revise) > 0 {
		l := wrapped(trf("feedback.itemsToRevise", strings.Join(revise, ", ")))
		l.Importance = widget.WarningImportance
		box.Add(l)
	} else if len(n.Items) > 0 {
		box.Add(wrapped(tr("feedback.itemsAllAccepted")))
	}
	return box
}

// withAsesorNote puts the assessor's verdict on item code (the newest
// feedback's) under the item's row of the items list.
func (p *itemsPanel) withAsesorNote(code string, row fyne.CanvasObject) fyne.CanvasObject {
	if p.q.nav == nil {
		return row
	}
	n, ok := p.q.nav.note(p.n)
	if !ok {
		return row
	}
	it, ok := n.ItemNote(code)
	if !ok {
		return row
	}
	return container.NewVBox(row, feedbackItemLine(tr("feedback.itemVerdict"), it))
}

// showItemNotes lists the items again once the feedback's notes are
// there (they load after the pane is built), when they judge items.
func (p *indicatorPane) showItemNotes(n assessment.FeedbackNote) {
	if p.items != nil && len(n.Items) > 0 {
		p.items.render()
	}
}

// feedbackItemLine is the assessor's verdict on one item: label
// ("Asesor") and the status as a badge, the reason and the note beside it.
func feedbackItemLine(label string, it assessment.FeedbackItemNote) fyne.CanvasObject {
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
	// one line, not wrapped: a wrapped label in an HBox shrinks to a letter
	head := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return border(nil, nil, container.NewHBox(head, badge(word, imp)), nil, wrapped(text))
}
