package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// itemReasons are the reasons the assessor may give an item (the cascade
// alone gives "ditolak otomatis"), with their translation keys.
var itemReasons = []struct{ value, key string }{
	{assessment.ReasonWrongEvidence, "review.reasonWrongEvidence"},
	{assessment.ReasonMissing, "review.reasonMissing"},
}

// reviewItemsView is the item review of the indicator on screen, on the
// OPD's side of the review screen: per level the catalog's items with the
// OPD's files that support each (Buka), the verdict, and Terima /
// Revisi… buttons; an item the cascade rejects is greyed with the
// portal's reason and cannot be accepted. The value the items compute is
// shown in the assessor's column, under the value field it is the
// default of.
type reviewItemsView struct {
	box      *fyne.Container
	side     *fyne.Container // the assessor's column, laid out again when computed changes
	computed *widget.Label
	rows     map[string]*reviewItemRow // by code (tests look at them)
	revise   dialog.Dialog             // the open Revisi… dialog (tests)
}

// reviewItemRow is one item's controls.
type reviewItemRow struct {
	state  *widget.Label
	accept *widget.Button
	revise *widget.Button
}

func newReviewItemsView(box *fyne.Container) *reviewItemsView {
	v := &reviewItemsView{box: box, computed: wrapped(""), rows: map[string]*reviewItemRow{}}
	v.computed.Hide()
	return v
}

// showItems fills the item view and the value field's default for item
// it of the review sheet.
func (r *asesorReview) showItems(it assessment.ReviewItem) {
	v := r.itemRev
	v.box.RemoveAll()
	v.rows = map[string]*reviewItemRow{}
	r.value.SetPlaceHolder(tr("review.valueHint"))
	v.computed.Hide()
	defer v.relayout()
	if len(it.Items) == 0 {
		return
	}
	v.computed.SetText(tr("review.computedNone"))
	if it.Computed != "" {
		v.computed.SetText(trf("review.computed", commaDecimal(it.Computed)))
		r.value.SetPlaceHolder(commaDecimal(it.Computed))
	}
	v.computed.Show()
	v.box.Add(widget.NewSeparator())
	v.box.Add(heading(tr("review.itemsTitle")))
	for l := 1; l <= 5; l++ {
		r.showLevelItems(it, l)
	}
}

// relayout lays the assessor's column out again: the computed value's
// label appears, disappears or changes height.
func (v *reviewItemsView) relayout() {
	if v.side != nil {
		v.side.Refresh()
	}
}

// showLevelItems adds the items of level l, then the files of that level
// that name no item (bundles before item links).
func (r *asesorReview) showLevelItems(it assessment.ReviewItem, l int) {
	v, first := r.itemRev, true
	for _, item := range it.Items {
		if item.Level != l {
			continue
		}
		if first {
			v.box.Add(bold(trf("review.itemLevel", l)))
			first = false
		}
		v.box.Add(r.itemCard(it, item))
	}
	for _, e := range it.Evidence {
		if e.Level == l && len(e.Items) == 0 && !first && !supportsAny(it.Items, e) {
			v.box.Add(r.fileLine(e))
		}
	}
}

// supportsAny: file e is shown under one of the items already (a level's
// synthetic item lists the files attached at that level).
func supportsAny(items []assessment.ReviewEvidenceItem, e assessment.ReviewEvidence) bool {
	for _, item := range items {
		if assessment.FileSupports(item.Code, e.Level, e.Items) {
			return true
		}
	}
	return false
}

// itemCard is one item: code and text, its files, its state and the
// verdict buttons.
func (r *asesorReview) itemCard(it assessment.ReviewItem, item assessment.ReviewEvidenceItem) fyne.CanvasObject {
	row := &reviewItemRow{state: wrapped(itemStateText(item, rejectedLevel(it.Items)))}
	code := bold(item.Code)
	card := container.NewVBox(code)
	if item.AutoRejected {
		code.Importance = widget.LowImportance
		text := wrapped(item.Text.Text)
		if item.Text.Missing() {
			text.SetText(tr("text.missing"))
		}
		text.Importance = widget.LowImportance
		card.Add(text)
	} else {
		card.Add(instrumentText(item.Text))
	}
	files := 0
	for _, e := range it.Evidence {
		if assessment.FileSupports(item.Code, e.Level, e.Items) { // I4-L3-00: the files attached at level 3
			card.Add(r.fileLine(e))
			files++
		}
	}
	if files == 0 {
		card.Add(caption(tr("review.itemNoFiles")))
	}
	row.state.Importance = itemStateImportance(item)
	row.accept = widget.NewButton(tr("review.itemAccept"), func() {
		r.saveItem(assessment.ItemDecision{Indicator: it.Indicator, Code: item.Code, Status: assessment.ReviewAccepted})
	})
	row.revise = widget.NewButton(tr("review.itemRevise"), func() { r.askItemRevision(it.Indicator, item) })
	if item.AutoRejected {
		row.accept.Disable()
	}
	card.Add(border(nil, nil, container.NewHBox(row.accept, row.revise), nil, row.state))
	r.itemRev.rows[item.Code] = row
	return card
}

// fileLine is one OPD file with its Buka button.
func (r *asesorReview) fileLine(e assessment.ReviewEvidence) fyne.CanvasObject {
	btn := widget.NewButton(tr("review.openEvidence"), func() { r.openBlob(e.SHA256, e.Name) })
	return border(nil, nil, nil, btn, wrapped(trf("review.evidenceItem", e.Name, e.Level)))
}

// rejectedLevel is the lowest level with an item the assessor sent back
// (what the cascade starts from), 0 when none.
func rejectedLevel(items []assessment.ReviewEvidenceItem) int {
	lowest := 0
	for _, it := range items {
		if it.Status == assessment.ReviewRevision && !it.AutoRejected && (lowest == 0 || it.Level < lowest) {
			lowest = it.Level
		}
	}
	return lowest
}

// itemStateText is what the item counts as, with the reason and note; an
// item rejected automatically names the rejected level it follows from.
func itemStateText(item assessment.ReviewEvidenceItem, rejected int) string {
	switch {
	case item.AutoRejected:
		return trf("review.itemAutoState", rejected) + ": " + assessment.ReasonAutoRejectedText
	case item.Status == assessment.ReviewAccepted:
		s := tr("review.itemAcceptedState")
		if item.Note != "" {
			s += " — " + item.Note
		}
		return s
	case item.Status == assessment.ReviewRevision:
		s := trf("review.itemRevisionState", reviewReasonText(item.Reason))
		if item.Note != "" {
			s += ": " + item.Note
		}
		return s
	}
	return tr("review.itemPending")
}

// itemProgress is the review list's " · butir 2/5": items accepted (and
// not rejected automatically) of the items judged on the answer.
func itemProgress(it assessment.ReviewItem) string {
	if len(it.Items) == 0 {
		return ""
	}
	accepted := 0
	for _, x := range it.Items {
		if x.Status == assessment.ReviewAccepted && !x.AutoRejected {
			accepted++
		}
	}
	return " · " + trf("review.itemProgress", accepted, len(it.Items))
}

// itemStateImportance colours the state: green diterima, orange revisi,
// plain ditolak otomatis (the item's code and text are greyed, but the
// reason must stay readable: LowImportance is the disabled grey).
func itemStateImportance(item assessment.ReviewEvidenceItem) widget.Importance {
	switch {
	case item.AutoRejected:
		return widget.MediumImportance
	case item.Status == assessment.ReviewAccepted:
		return widget.SuccessImportance
	case item.Status == assessment.ReviewRevision:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// askItemRevision asks the reason (bukti tidak tepat / belum diunggah) and
// a note for the OPD, then records the revisi.
func (r *asesorReview) askItemRevision(indicator int, item assessment.ReviewEvidenceItem) {
	labels := make([]string, len(itemReasons))
	for i, x := range itemReasons {
		labels[i] = tr(x.key)
	}
	reason := widget.NewSelect(labels, nil)
	reason.PlaceHolder = tr("review.reasonPick")
	for i, x := range itemReasons {
		if x.value == item.Reason {
			reason.SetSelectedIndex(i)
		}
	}
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(3)
	note.SetText(item.Note)
	form := []*widget.FormItem{widget.NewFormItem(tr("review.reason"), reason), widget.NewFormItem(tr("review.itemNote"), note)}
	d := dialog.NewForm(trf("review.itemReviseTitle", item.Code), tr("review.save"), tr("common.cancel"), form, func(ok bool) {
		i := reason.SelectedIndex()
		if !ok {
			return
		}
		if i < 0 {
			r.msg.SetText(tr("review.needReason"))
			return
		}
		r.saveItem(assessment.ItemDecision{Indicator: indicator, Code: item.Code, Status: assessment.ReviewRevision,
			Reason: itemReasons[i].value, Note: note.Text})
	}, r.u.win)
	d.Resize(fyne.NewSize(560, 320))
	r.itemRev.revise = d
	d.Show()
}

// saveItem records an item verdict under the assessor's name, then reads
// the sheet again so the cascade and the computed value are the
// workspace's. The indicator's form is left as typed.
func (r *asesorReview) saveItem(d assessment.ItemDecision) {
	d.BundleID = r.bundle.BundleID
	r.withReviewer(func(name string) {
		d.Reviewer = name
		w := r.u.asesor
		var items []assessment.ReviewItem
		r.msg.SetText(trf("review.itemSaving", d.Code))
		r.u.jobs.submit(func(ctx context.Context) error {
			if err := w.SaveItemReview(ctx, d); err != nil {
				return err
			}
			var err error
			_, items, err = w.ReviewSheet(ctx, d.BundleID)
			return err
		}, func(err error) {
			if err != nil {
				r.msg.SetText(err.Error())
				r.u.showError(err)
				return
			}
			r.refreshItems(d.Indicator, items)
			r.list.Refresh() // the line's item count
			r.syncFeedback()
			r.msg.SetText(trf("review.itemSaved", d.Code))
		})
	})
}

// refreshItems takes the items of indicator n from a fresh sheet and
// shows them when n is still on screen.
func (r *asesorReview) refreshItems(n int, fresh []assessment.ReviewItem) {
	for _, f := range fresh {
		for i := range r.items {
			if r.items[i].Indicator == n && f.Indicator == n {
				r.items[i].Items, r.items[i].Computed = f.Items, f.Computed
				if i == r.sel {
					r.showItems(r.items[i])
					r.opdScroll.Refresh() // the states' heights changed: lay the OPD side out again, keeping its offset
				}
			}
		}
	}
}
