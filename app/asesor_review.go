package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// reviewStatuses and reviewReasons pair the stored value with its
// translation key, in the order shown.
var (
	reviewStatuses = []struct{ value, key string }{
		{assessment.ReviewAccepted, "review.statusAccepted"},
		{assessment.ReviewRevision, "review.statusRevision"},
	}
	reviewReasons = []struct{ value, key string }{
		{assessment.ReasonWrongEvidence, "review.reasonWrongEvidence"},
		{assessment.ReasonMissing, "review.reasonMissing"},
		{assessment.ReasonAutoRejected, "review.reasonAutoRejected"},
	}
)

// asesorReview is the review of one bundle: the indicators on the left,
// the OPD's answer and evidence beside the assessor's decision.
type asesorReview struct {
	u       *UI
	want    string // bundle to open once the list is loaded ("" = none)
	bundles []assessment.ReviewBundle
	bundle  assessment.ReviewBundle
	items   []assessment.ReviewItem
	sel     int // index into items, -1 = none

	pick      *widget.Select
	state     *widget.Label
	list      *widget.List
	xlsxBtn   *widget.Button // exports the review as an Excel workbook
	reportBtn *widget.Button
	// feedbackBtn exports the signed feedback on the bundle; enabled once
	// at least one indicator has a decision.
	feedbackBtn *widget.Button
	feedback    *feedbackExport // the export in progress (tests look at it)
	subject     *reviewSubject  // what is judged: the OPD's side
	itemRev     *reviewItemsView
	opdScroll   *container.Scroll
	reviewer    string // the workspace profile's name, "" = not given yet
	reviewerLbl *widget.Label
	value       *widget.Entry
	status      *widget.RadioGroup
	reason      *widget.Select
	note        *widget.Entry
	saveBtn     *widget.Button
	msg         *widget.Label
	detail      *fyne.Container
	form        *widget.Form // refreshed with the reason: it greys a disabled field's label only then
}

// newAsesorReview opens the review screen; bundleID preselects a bundle.
func newAsesorReview(u *UI, bundleID string) *asesorReview {
	r := &asesorReview{u: u, want: bundleID, sel: -1, state: wrapped(tr("review.loading"))}
	r.pick = widget.NewSelect(nil, r.onPick)
	r.pick.PlaceHolder = tr("review.pickBundle")
	r.list = widget.NewList(
		func() int { return len(r.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(r.items) {
				o.(*widget.Label).SetText(r.itemLabel(r.items[id]))
			}
		})
	r.list.OnSelected = func(id widget.ListItemID) { r.selectItem(id) }
	r.xlsxBtn = widget.NewButton(tr("asesor.review.exportXLSX"), r.onExportXLSX)
	r.xlsxBtn.Disable()
	r.reportBtn = widget.NewButton(tr("review.openReport"), r.onReport)
	r.reportBtn.Disable()
	r.feedbackBtn = widget.NewButton(tr("asesor.feedback.button"), r.onFeedback)
	r.feedbackBtn.Disable()
	r.subject = newReviewSubject()
	r.itemRev = newReviewItemsView(r.subject.items)
	r.reviewerLbl = wrapped("")
	r.value = widget.NewEntry()
	r.value.SetPlaceHolder(tr("review.valueHint"))
	labels := make([]string, len(reviewStatuses))
	for i, s := range reviewStatuses {
		labels[i] = tr(s.key)
	}
	r.status = widget.NewRadioGroup(labels, func(string) { r.syncReason() })
	r.status.Horizontal = true
	reasons := make([]string, len(reviewReasons))
	for i, x := range reviewReasons {
		reasons[i] = tr(x.key)
	}
	r.reason = widget.NewSelect(reasons, nil)
	r.reason.PlaceHolder = tr("review.reasonPick")
	r.note = widget.NewMultiLineEntry()
	r.note.Wrapping = fyne.TextWrapWord
	r.note.SetMinRowsVisible(3)
	r.saveBtn = widget.NewButton(tr("review.save"), r.onSave)
	r.saveBtn.Importance = widget.HighImportance
	r.msg = wrapped("")
	form := widget.NewForm(
		widget.NewFormItem(tr("review.value"), r.value),
		widget.NewFormItem(tr("review.status"), r.status),
		widget.NewFormItem(tr("review.reason"), r.reason),
		widget.NewFormItem(tr("review.note"), r.note),
	)
	r.form = form
	r.detail = r.layoutDetail(form)
	r.detail.Hide()
	r.syncReason()
	r.load()
	r.loadReviewer()
	return r
}

// layoutDetail puts what is judged and the decision side by side: the
// OPD's side scrolls, the assessor's column beside it stays in view, so
// at 1366×768 the form is never below the fold of a long justification.
func (r *asesorReview) layoutDetail(form *widget.Form) *fyne.Container {
	change := widget.NewButton(tr("review.reviewerChange"), func() { r.askReviewer(nil) })
	side := container.NewVBox(heading(tr("review.assessor")), border(nil, nil, nil, change, r.reviewerLbl),
		form, r.itemRev.computed, container.NewHBox(r.saveBtn), r.msg)
	r.itemRev.side = side
	r.opdScroll = container.NewVScroll(container.NewPadded(r.subject.box))
	return border(nil, nil, nil, fixedWidth(container.NewVScroll(side), reviewFormWidth), r.opdScroll)
}

func (r *asesorReview) view() fyne.CanvasObject {
	top := container.NewVBox(asesorNav(r.u, "asesor.navReview"),
		container.NewBorder(nil, nil, widget.NewLabel(tr("review.bundle")), container.NewHBox(r.xlsxBtn, r.reportBtn, r.feedbackBtn), r.pick), r.state)
	split := container.NewHSplit(r.list, container.NewStack(r.detail)) // the Stack stays visible while detail is hidden
	split.Offset = 0.2
	return container.NewPadded(border(top, nil, nil, nil, split))
}

func (r *asesorReview) leave() {}

// load lists the stored bundles off the UI goroutine.
func (r *asesorReview) load() {
	w := r.u.asesor
	if w == nil {
		return
	}
	load(r.u, r.state, w.Bundles, func(list []assessment.ReviewBundle) {
		r.bundles = list
		opts := make([]string, len(list))
		for i, b := range list {
			opts[i] = bundleLabel(b)
		}
		r.pick.SetOptions(opts)
		if len(list) == 0 {
			r.state.SetText(tr("review.noBundles"))
			return
		}
		r.state.SetText(tr("review.pickBundle"))
		for i, b := range list {
			if r.want != "" && b.BundleID == r.want {
				r.pick.SetSelectedIndex(i)
			}
		}
	})
}

func bundleLabel(b assessment.ReviewBundle) string {
	s := fmt.Sprintf("%s – %s · %d · #%d", b.OPDKode, b.OPDNama, b.Periode, b.Sequence)
	if b.Status != "" && b.Status != "accepted" {
		s += " (" + tr("review.bundle."+b.Status) + ")"
	}
	return s
}

func (r *asesorReview) onPick(string) {
	i := r.pick.SelectedIndex()
	if i < 0 || i >= len(r.bundles) {
		return
	}
	r.openBundle(r.bundles[i].BundleID)
}

// openBundle reads the review sheet off the UI goroutine.
func (r *asesorReview) openBundle(id string) {
	w := r.u.asesor
	var (
		b     assessment.ReviewBundle
		items []assessment.ReviewItem
	)
	r.state.SetText(tr("review.loading"))
	r.u.jobs.submit(func(ctx context.Context) error {
		var err error
		b, items, err = w.ReviewSheet(ctx, id)
		return err
	}, func(err error) {
		if err != nil {
			r.state.SetText(err.Error())
			r.u.showError(err)
			return
		}
		r.bundle, r.items, r.sel = b, items, -1
		r.xlsxBtn.Enable()
		r.detail.Hide()
		r.list.UnselectAll()
		r.list.Refresh()
		if b.ReportSHA256 != "" {
			r.reportBtn.Enable()
		} else {
			r.reportBtn.Disable()
		}
		r.syncFeedback()
		if len(items) == 0 {
			r.state.SetText(tr("review.noItems"))
			return
		}
		r.state.SetText(trf("review.count", len(items)))
		r.list.Select(0)
	})
}

// itemLabel is the list's line: number, level and decision first (they
// must survive truncation), then the indicator's name when the catalog
// is installed.
func (r *asesorReview) itemLabel(it assessment.ReviewItem) string {
	s := reviewItemLabel(it)
	if c := r.bundle.Catalog; c != nil {
		if in, ok := c.Indicator(it.Indicator); ok {
			s += " – " + in.Name
		}
	}
	return s
}

func reviewItemLabel(it assessment.ReviewItem) string {
	s := trf("review.indicator", it.Indicator)
	switch {
	case it.External != nil: // valued by another agency: no level, the agency's score
		s += " · " + trf("review.externalShort", commaDecimal(it.External.Score))
	case it.Answered:
		s += " · " + trf("review.levelShort", it.Level)
	}
	if it.Reviewed {
		s += " · " + tr(statusKey(it.Status))
	}
	return s + itemProgress(it)
}

func statusKey(v string) string {
	for _, s := range reviewStatuses {
		if s.value == v {
			return s.key
		}
	}
	return "review.notReviewed"
}

// selectItem shows indicator id: the OPD's answer and the editor filled
// with the current review.
func (r *asesorReview) selectItem(id int) {
	if id < 0 || id >= len(r.items) {
		return
	}
	r.sel = id
	it := r.items[id]
	r.subject.show(r.bundle.Catalog, it, func(e assessment.ReviewEvidence) { r.openBlob(e.SHA256, e.Name) })
	r.showItems(it)
	r.value.SetText(commaDecimal(it.Value))
	r.status.SetSelected("")
	if it.Reviewed {
		r.status.SetSelected(tr(statusKey(it.Status)))
	}
	r.reason.ClearSelected()
	for _, x := range reviewReasons {
		if x.value == it.Reason {
			r.reason.SetSelected(tr(x.key))
		}
	}
	r.note.SetText(it.Note)
	r.msg.SetText("")
	r.syncReason()
	r.detail.Show()
	// New texts change the wrapped labels' heights: lay the OPD side out
	// again, from its top.
	r.opdScroll.ScrollToTop()
	r.opdScroll.Refresh()
}

// syncReason enables the reason only for a revisi.
func (r *asesorReview) syncReason() {
	if r.selectedStatus() == assessment.ReviewRevision {
		r.reason.Enable()
	} else {
		r.reason.ClearSelected()
		r.reason.Disable()
	}
	if r.form != nil {
		r.form.Refresh() // else "Alasan revisi" stays grey after the reason is enabled
	}
}

func (r *asesorReview) selectedStatus() string {
	for _, s := range reviewStatuses {
		if r.status.Selected == tr(s.key) {
			return s.value
		}
	}
	return ""
}

func (r *asesorReview) selectedReason() string {
	i := r.reason.SelectedIndex()
	if i < 0 || i >= len(reviewReasons) {
		return ""
	}
	return reviewReasons[i].value
}

// decision reads the editor; the error is for the assessor.
func (r *asesorReview) decision() (assessment.ReviewDecision, error) {
	it := r.items[r.sel]
	d := assessment.ReviewDecision{BundleID: r.bundle.BundleID, Indicator: it.Indicator,
		Status: r.selectedStatus(), Reason: r.selectedReason(), Note: strings.TrimSpace(r.note.Text)}
	if v := strings.TrimSpace(r.value.Text); v != "" {
		canon, ok := canonicalValue(v)
		if !ok {
			return d, errors.New(trf("review.badValue", v))
		}
		d.Value = canon
	}
	switch {
	case d.Status == "":
		return d, errors.New(tr("review.needStatus"))
	case d.Status == assessment.ReviewRevision && d.Reason == "":
		return d, errors.New(tr("review.needReason"))
	}
	return d, nil
}

// onSave records the decision under the assessor's name (asked once).
func (r *asesorReview) onSave() {
	if r.sel < 0 || r.sel >= len(r.items) {
		return
	}
	d, err := r.decision()
	if err != nil {
		r.msg.SetText(err.Error())
		return
	}
	r.withReviewer(func(name string) {
		d.Reviewer = name
		r.save(d)
	})
}

// save records d off the UI goroutine.
func (r *asesorReview) save(d assessment.ReviewDecision) {
	w, sel := r.u.asesor, r.sel
	r.saveBtn.Disable()
	r.msg.SetText(tr("review.saving"))
	r.u.jobs.submit(func(ctx context.Context) error {
		return w.SaveReview(ctx, d)
	}, func(err error) {
		r.saveBtn.Enable()
		if err != nil {
			r.msg.SetText(err.Error())
			r.u.showError(err)
			return
		}
		if sel < len(r.items) && r.items[sel].Indicator == d.Indicator {
			it := &r.items[sel]
			it.Reviewed, it.Value, it.Status, it.Reason, it.Note = true, d.Value, d.Status, d.Reason, d.Note
			it.Revisions++
		}
		r.list.Refresh()
		r.syncFeedback()
		r.msg.SetText(tr("review.saved"))
	})
}

// syncFeedback enables the feedback export once the bundle on screen has
// a decision or an item verdict: a bundle not reviewed at all has nothing
// to send back.
func (r *asesorReview) syncFeedback() {
	for _, it := range r.items {
		if it.Reviewed || it.Computed != "" { // a decision, or an item judged
			r.feedbackBtn.Enable()
			return
		}
	}
	r.feedbackBtn.Disable()
}

// onFeedback exports the signed feedback on the bundle on screen.
func (r *asesorReview) onFeedback() {
	if r.bundle.BundleID == "" || r.u.asesor == nil {
		return
	}
	r.feedback = startFeedbackExport(r.u, r.bundle)
}

// onExportXLSX writes the review of the bundle on screen as an Excel
// workbook (the same as `review show --xlsx`) into a folder the assessor
// picks and names the file.
func (r *asesorReview) onExportXLSX() {
	w, id := r.u.asesor, r.bundle.BundleID
	if w == nil || id == "" {
		return
	}
	exportIntoFolder(r.u, r.xlsxBtn, "asesor.review.exportedTitle", "asesor.review.exported",
		func(ctx context.Context, dir string) (string, error) { return w.ExportReviewXLSX(ctx, id, dir) })
}

func (r *asesorReview) onReport() {
	b := r.bundle
	if b.ReportSHA256 == "" {
		return
	}
	r.openBlob(b.ReportSHA256, "Laporan_"+b.OPDKode+"_"+strconv.Itoa(b.Periode)+".pdf")
}

// openBlob opens a report or evidence file (openBlobInViewer: files that
// are not documents are not handed to the system).
func (r *asesorReview) openBlob(sum, name string) { openBlobInViewer(r.u, sum, name) }
