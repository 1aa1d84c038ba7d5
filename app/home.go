package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// home lists the assessments of this data folder.
type home struct {
	u       *UI
	list    *fyne.Container
	undoBar *fyne.Container
	root    *fyne.Container // the border: laid out again when the undo bar shows or hides
	newBtn  *widget.Button
	profBtn *widget.Button
	// fbBtn imports the assessor's feedback; nil without a feedback inbox.
	fbBtn    *widget.Button
	fbImport *feedbackImport // the import in progress (tests look at it)
	rows     []homeRow
}

// homeRow is one assessment with what the list shows about it.
type homeRow struct {
	a     assessment.Assessment
	cat   *assessment.Catalog // nil when the pinned catalog is missing
	score assessment.Score
	files int // evidence files linked to it
	err   error
	notes assessment.FeedbackNotes // the assessor's newest feedback, if any
	fbErr error                    // reading the feedback failed
}

func newHome(u *UI) *home {
	h := &home{u: u, list: container.NewVBox(), undoBar: container.NewHBox()}
	h.newBtn = widget.NewButton(tr("home.new"), func() { u.show(newAssessmentForm(u)) })
	h.newBtn.Importance = widget.HighImportance
	h.profBtn = widget.NewButton(tr("home.profile"), func() { u.show(newProfileForm(u, false)) })
	if inbox := u.feedbackInbox(); inbox != nil {
		h.fbBtn = widget.NewButton(tr("feedback.import"), func() {
			h.fbImport = startFeedbackImport(u, inbox, func(assessment.FeedbackImported) { h.load() })
		})
	}
	h.undoBar.Hide()
	h.list.Add(widget.NewLabel(tr("home.loading")))
	h.load()
	return h
}

func (h *home) view() fyne.CanvasObject {
	p := h.u.profile
	who := wrapped(p.Instansi + " · " + p.OPDNama + " (" + p.OPDKode + ") · " + tr("home.operator") + " " + p.Operator)
	actions := container.NewHBox(h.newBtn, h.profBtn)
	if h.fbBtn != nil {
		actions.Add(h.fbBtn)
	}
	if h.u.opdKeys() != nil {
		actions.Add(widget.NewButton(tr("opdkey.title"), func() { h.u.show(newSigningKey(h.u)) }))
	}
	if h.u.opdExport() != nil {
		actions.Add(widget.NewButton(tr("verify.button"), h.u.onVerify))
	}
	if h.u.deps.Sync != nil {
		actions.Add(widget.NewButtonWithIcon(tr("sync.title"), theme.UploadIcon(), func() { h.u.show(newSyncOPD(h.u)) }))
		h.u.startAutoSync()
	}
	if h.u.deps.OpenAsesor != nil {
		actions.Add(widget.NewButton(tr("workspace.toAsesor"), h.u.switchToAsesor))
	}
	if p := h.u.undoTrash; p != nil {
		h.showUndo(p)
	}
	top := container.NewVBox(heading(tr("home.title")), who, actions, h.undoBar, widget.NewSeparator())
	keys := widget.NewLabel(tr("home.keys"))
	keys.SizeName = theme.SizeNameCaptionText
	// The Sampah sits at the foot: Tab from the top still reaches the
	// first card's Buka third.
	trash := widget.NewButtonWithIcon(tr("home.trash"), theme.DeleteIcon(), func() { h.u.show(newTrash(h.u)) })
	foot := container.NewBorder(nil, nil, nil, trash, keys)
	h.root = border(top, foot, nil, nil, container.NewVScroll(h.list))
	return container.NewPadded(h.root)
}

// relayout gives the top its new height after the undo bar showed or hid
// (a border layout does not notice on its own, and the bar would cover
// the first card).
func (h *home) relayout() {
	if h.root != nil {
		h.root.Refresh()
	}
}

// bindKeys: Ctrl+N starts a new assessment, Ctrl+O opens the top one.
func (h *home) bindKeys() {
	h.u.addKey(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierControl}, h.newBtn.OnTapped)
	h.u.addKey(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierControl}, func() {
		if len(h.rows) > 0 && h.rows[0].cat != nil {
			h.u.openAssessment(h.rows[0].a.ID)
		}
	})
}

func (h *home) leave() {}

// load reads the assessments and their answers off the UI goroutine.
func (h *home) load() {
	st, lib, inbox := h.u.store, h.u.lib, h.u.feedbackInbox()
	var rows []homeRow
	h.u.jobs.submit(func(ctx context.Context) error {
		list, err := st.Assessments(ctx)
		if err != nil {
			return err
		}
		for _, a := range list {
			r := loadHomeRow(ctx, st, lib, a)
			if inbox != nil {
				r.notes, r.fbErr = inbox.Notes(ctx, a.ID)
			}
			rows = append(rows, r)
		}
		return nil
	}, func(err error) {
		if err != nil {
			h.u.showError(err)
			return
		}
		h.rows = rows
		h.render()
	})
}

func loadHomeRow(ctx context.Context, st assessment.Store, lib *assessment.Library, a assessment.Assessment) homeRow {
	r := homeRow{a: a}
	r.cat, r.err = lib.Pinned(a.CatalogID, a.CatalogVersion, a.CatalogSHA256)
	if r.err != nil {
		return r
	}
	answers, err := st.Answers(ctx, a.ID)
	if err != nil {
		r.err = err
		return r
	}
	ev, err := st.Evidence(ctx, a.ID)
	if err != nil {
		r.err = err
		return r
	}
	r.files = len(ev)
	r.score, r.err = scoreOf(r.cat, answeredValues(r.cat, answers))
	return r
}

func (h *home) render() {
	h.list.RemoveAll()
	if len(h.rows) == 0 {
		h.list.Add(wrapped(tr("home.empty")))
		return
	}
	for _, r := range h.rows {
		h.list.Add(h.card(r))
	}
}

func (h *home) card(r homeRow) fyne.CanvasObject {
	title := r.a.CatalogID
	if r.cat != nil {
		title = r.cat.Title
	}
	head := container.NewVBox(bold(trf("home.periode", r.a.Periode) + " — " + title))
	if r.cat != nil && r.cat.Provisional() && !mentionsProvisional(r.cat.Title) {
		head.Add(badge(tr("catalog.provisional"), widget.WarningImportance))
	}
	open := widget.NewButton(tr("home.open"), func() { h.u.openAssessment(r.a.ID) })
	open.Importance = widget.HighImportance
	dup := widget.NewButton(tr("home.duplicate"), func() { h.onDuplicate(r) })
	del := widget.NewButton(tr("home.delete"), func() { h.onTrash(r) })
	if r.cat == nil {
		open.Disable()
		dup.Disable()
	}
	body := container.NewVBox(head, wrapped(h.summary(r)))
	if fb := feedbackSummary(r); fb != nil {
		body.Add(fb)
	}
	body.Add(container.NewHBox(open, dup, del))
	return widget.NewCard("", "", body)
}

// feedbackSummary is "Umpan balik asesor: 40 diterima · 3 perlu revisi"
// (orange when something needs revision), or nil without feedback.
func feedbackSummary(r homeRow) fyne.CanvasObject {
	if r.fbErr != nil {
		l := wrapped(r.fbErr.Error())
		l.Importance = widget.DangerImportance
		return l
	}
	if len(r.notes.Items) == 0 {
		return nil
	}
	accepted, revision := 0, 0
	for _, n := range r.notes.Items {
		if n.NeedsRevision() {
			revision++
		} else {
			accepted++
		}
	}
	l := wrapped(trf("feedback.homeSummary", accepted, revision))
	if revision > 0 {
		l.Importance = widget.WarningImportance
	}
	return l
}

// summary is "12 dari 47 indikator terjawab · Indeks 2,95 Baik (sementara) · Diubah …".
func (h *home) summary(r homeRow) string {
	if r.err != nil {
		return r.err.Error()
	}
	s := trf("home.progress", r.score.Answered, r.score.Total)
	if r.score.Index != nil {
		s += " · " + trf("home.index", assessment.FormatDecimal(r.score.Index), r.score.Predicate)
		if !r.score.Complete {
			s += " " + tr("score.provisional")
		}
	}
	return s + " · " + trf("home.changed", formatTime(r.a.UpdatedAt))
}

// trashUndo is the last assessment sent to the trash. It lives on the UI,
// not the home screen, so the Urungkan bar is still there when the officer
// comes back from another screen.
type trashUndo struct {
	id      string
	periode int
}

// onTrash asks first, naming what goes (periode, answers, files) and
// where it goes, then moves the assessment to the trash.
func (h *home) onTrash(r homeRow) {
	title := r.a.CatalogID
	if r.cat != nil {
		title = r.cat.Title
	}
	msg := trf("home.trashConfirm", r.a.Periode, title, r.score.Answered, r.files)
	d := dialog.NewCustomConfirm(tr("home.trashConfirmTitle"), tr("home.trashConfirmOK"), tr("common.cancel"),
		container.NewGridWrap(fyne.NewSize(480, 110), wrapped(msg)), func(ok bool) {
			if ok {
				h.trash(r)
			}
		}, h.u.win)
	d.Show()
}

func (h *home) trash(r homeRow) {
	st, id := h.u.store, r.a.ID
	h.u.jobs.submit(func(ctx context.Context) error {
		return st.TrashAssessment(ctx, id)
	}, func(err error) {
		if err != nil {
			h.u.showError(err)
			return
		}
		h.u.undoTrash = &trashUndo{id: id, periode: r.a.Periode}
		h.showUndo(h.u.undoTrash)
		h.load()
	})
}

// undo takes the last trashed assessment out of the trash again.
func (h *home) undo(p *trashUndo) {
	st := h.u.store
	h.u.jobs.submit(func(ctx context.Context) error {
		return st.RestoreAssessment(ctx, p.id)
	}, func(err error) {
		if err != nil {
			h.u.showError(err)
		}
		h.u.undoTrash = nil
		h.undoBar.Hide()
		h.relayout()
		h.load()
	})
}

func (h *home) showUndo(p *trashUndo) {
	h.undoBar.RemoveAll()
	h.undoBar.Add(widget.NewLabel(trf("home.trashed", p.periode)))
	h.undoBar.Add(widget.NewButton(tr("common.undo"), func() { h.undo(p) }))
	h.undoBar.Add(widget.NewButton(tr("home.trashedOpen"), func() { h.u.show(newTrash(h.u)) }))
	h.undoBar.Show()
	h.relayout()
}

// onDuplicate asks for the new periode, then copies answers and evidence.
func (h *home) onDuplicate(r homeRow) {
	periode := widget.NewEntry()
	periode.SetText(strconv.Itoa(r.a.Periode + 1))
	items := []*widget.FormItem{widget.NewFormItem(tr("new.periode"), periode)}
	dlg := dialog.NewForm(tr("dup.title"), tr("dup.confirm"), tr("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p, err := parsePeriode(periode.Text)
		if err != nil {
			h.u.showError(err)
			return
		}
		h.runDuplicate(r, p)
	}, h.u.win)
	dlg.Resize(fyne.NewSize(480, 200))
	dlg.Show()
}

func (h *home) runDuplicate(r homeRow, periode int) {
	wait := dialog.NewCustomWithoutButtons(tr("dup.title"), widget.NewLabel(tr("dup.running")), h.u.win)
	wait.Show()
	st, lib, op := h.u.store, h.u.lib, h.u.profile.Operator
	var res duplicateResult
	h.u.jobs.submit(func(ctx context.Context) error {
		var err error
		res, err = duplicateAssessment(ctx, st, lib, r.a, periode, op)
		return err
	}, func(err error) {
		wait.Hide()
		if err != nil {
			h.u.showError(err)
			h.load()
			return
		}
		h.u.openAssessment(res.created.ID)
	})
}
