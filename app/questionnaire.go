package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// questionnaire is an open assessment: the navigator and the indicator
// pane, or the dashboard, under one toolbar with the save status.
type questionnaire struct {
	u       *UI
	s       *session
	current int

	nav       *navigator
	pane      *indicatorPane
	dash      *dashboard
	split     *container.Split
	body      *fyne.Container
	uploadBar *uploadBar
	// paneBox is the split's right side; showPane refills it with each
	// indicator's pane.
	paneBox *fyne.Container

	homeBtn, formBtn, dashBtn *widget.Button
	shortcuts                 map[string]func()
	dashVisible               bool
}

// openAssessment loads an assessment off the UI goroutine and shows it.
func (u *UI) openAssessment(id string) {
	if u.current != nil {
		u.current.leave()
	}
	u.saver.flush() // queued before the load, so the load sees it
	st, lib := u.store, u.lib
	var s *session
	u.win.SetContent(u.loading(tr("q.loading")))
	u.jobs.submit(func(ctx context.Context) error {
		var err error
		s, err = loadSession(ctx, st, lib, id)
		return err
	}, func(err error) {
		if err != nil {
			u.showHome()
			u.showError(err)
			return
		}
		u.show(newQuestionnaire(u, s))
	})
}

func newQuestionnaire(u *UI, s *session) *questionnaire {
	q := &questionnaire{u: u, s: s, shortcuts: map[string]func(){}}
	q.uploadBar = newUploadBar(u)
	q.nav = newNavigator(q)
	q.dash = newDashboard(q)
	q.homeBtn = widget.NewButtonWithIcon(tr("q.home"), theme.HomeIcon(), u.showHome)
	q.formBtn = widget.NewButtonWithIcon(tr("q.questionnaire"), theme.DocumentIcon(), q.showForm)
	q.dashBtn = widget.NewButtonWithIcon(tr("q.dashboard"), theme.GridIcon(), q.showDashboard)
	q.body = container.NewStack()
	q.current = firstOpen(s)
	q.paneBox = &fyne.Container{}
	q.showPane(newIndicatorPane(q, q.current))
	q.split = container.NewHSplit(q.nav.view(), q.paneBox)
	q.split.Offset = 0.3
	q.showForm()
	q.nav.selectIndicator(q.current)
	if !u.saver.dirty() {
		u.status.label.Importance = widget.MediumImportance
		u.status.label.SetText(tr("status.autosave"))
	}
	return q
}

// firstOpen is the first indicator not yet complete (or the first one).
func firstOpen(s *session) int {
	for _, n := range s.order {
		if s.status(n) != statusDone {
			return n
		}
	}
	if len(s.order) == 0 {
		return 0
	}
	return s.order[0]
}

func (q *questionnaire) view() fyne.CanvasObject {
	title := bold(q.title())
	tools := container.NewHBox(q.homeBtn, q.formBtn, q.dashBtn)
	top := border(nil, nil, tools, nil, title)
	bottom := container.NewVBox(q.uploadBar.view(), q.u.status.label)
	return border(container.NewVBox(top, widget.NewSeparator()), bottom, nil, nil, q.body)
}

// title is "SPBE 2020 · Periode 2025" with the provisional badge.
func (q *questionnaire) title() string {
	t := q.s.cat.Title + " · " + trf("home.periode", q.s.a.Periode)
	if q.s.cat.Provisional() && !mentionsProvisional(q.s.cat.Title) {
		t += " · " + tr("catalog.provisional")
	}
	return t
}

// shown scrolls the navigator to the open indicator once laid out.
func (q *questionnaire) shown() { q.nav.tree.ScrollTo(indicatorUID(q.current)) }

// leave queues what the user typed.
func (q *questionnaire) leave() {
	q.u.saver.flush()
}

func (q *questionnaire) showForm() {
	q.dashVisible = false
	if len(q.body.Objects) != 1 || q.body.Objects[0] != q.split {
		q.body.Objects = []fyne.CanvasObject{q.split}
		q.body.Refresh() // only when coming back: it refreshes every widget below
	}
	q.formBtn.Importance = widget.HighImportance
	q.dashBtn.Importance = widget.MediumImportance
	q.formBtn.Refresh()
	q.dashBtn.Refresh()
}

func (q *questionnaire) showDashboard() {
	q.u.saver.flush()
	q.dashVisible = true
	q.dash.refresh()
	q.body.Objects = []fyne.CanvasObject{q.dash.view()}
	q.body.Refresh()
	q.formBtn.Importance = widget.MediumImportance
	q.dashBtn.Importance = widget.HighImportance
	q.formBtn.Refresh()
	q.dashBtn.Refresh()
}

func (q *questionnaire) toggleDashboard() {
	if q.dashVisible {
		q.showForm()
		return
	}
	q.showDashboard()
}

// goTo shows indicator n; typed text is saved first.
func (q *questionnaire) goTo(n int) {
	if _, ok := q.s.cat.Indicator(n); !ok {
		return
	}
	q.u.saver.flush()
	if n != q.current || q.pane == nil {
		q.current = n
		q.showPane(newIndicatorPane(q, n))
	}
	q.nav.selectIndicator(n)
	q.showForm()
}

// showPane makes p the shown indicator pane. The split keeps one holder
// that takes the new pane's layout and objects and is laid out once:
// Split.Refresh would also refresh every widget of the new pane after
// laying it out, and the whole navigator (docs/PERFORMANCE.md).
func (q *questionnaire) showPane(p *indicatorPane) {
	q.pane = p
	view := p.view()
	v, ok := view.(*fyne.Container)
	if !ok {
		v = container.NewStack(view)
	}
	q.paneBox.Layout, q.paneBox.Objects = v.Layout, v.Objects
	if size := q.paneBox.Size(); !size.IsZero() {
		q.paneBox.Layout.Layout(q.paneBox.Objects, size)
	}
	canvas.Refresh(q.paneBox)
	q.u.settleLater()
}

func (q *questionnaire) step(delta int) {
	if n, ok := q.s.neighbour(q.current, delta); ok {
		q.goTo(n)
	}
}

// changed refreshes what depends on the answers (status icons, dashboard).
func (q *questionnaire) changed() {
	q.nav.refresh()
	q.pane.refreshStatus()
	if q.dashVisible {
		q.dash.refresh()
	}
}

// bindKeys: Ctrl+PageDown/PageUp and Alt+Right/Left move between
// indicators, Alt+1..5 choose a level, Ctrl+F searches, Ctrl+D toggles
// the dashboard.
func (q *questionnaire) bindKeys() {
	bind := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		s := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		q.shortcuts[s.ShortcutName()] = fn
		q.u.addKey(s, fn)
	}
	next, prev := func() { q.step(1) }, func() { q.step(-1) }
	bind(fyne.KeyPageDown, fyne.KeyModifierControl, next)
	bind(fyne.KeyPageUp, fyne.KeyModifierControl, prev)
	bind(fyne.KeyRight, fyne.KeyModifierAlt, next)
	bind(fyne.KeyLeft, fyne.KeyModifierAlt, prev)
	for l := 1; l <= 5; l++ {
		level := l
		bind(fyne.KeyName(rune('0'+l)), fyne.KeyModifierAlt, func() { q.pickLevel(level) })
	}
	bind(fyne.KeyF, fyne.KeyModifierControl, func() { q.u.win.Canvas().Focus(q.nav.search) })
	bind(fyne.KeyD, fyne.KeyModifierControl, q.toggleDashboard)
}

// onShortcut lets text fields pass the screen's shortcuts on.
func (q *questionnaire) onShortcut(s fyne.Shortcut) bool {
	fn, ok := q.shortcuts[s.ShortcutName()]
	if ok {
		fn()
	}
	return ok
}

// pickLevel chooses a level for the current indicator and saves it now.
func (q *questionnaire) pickLevel(level int) {
	n := q.current
	if q.s.answer(n).Level == level {
		return
	}
	q.s.setLevel(n, level)
	st, id, op := q.u.store, q.s.a.ID, q.u.profile.Operator
	q.u.saver.saveNow(levelKey(n), write{
		do:    func(ctx context.Context) error { return st.SetLevel(ctx, id, n, level, op) },
		after: func() { q.afterSave(n) },
	})
	q.pane.levels.setSelected(level)
	q.pane.evidence.level.SetSelectedIndex(level) // new files support it
	q.refreshItems(n)
	q.changed()
}

// onJustification records typed text; it is saved after a pause.
func (q *questionnaire) onJustification(n int, text string) {
	if q.s.answer(n).Justification == text {
		return
	}
	q.s.setJustification(n, text)
	st, id, op := q.u.store, q.s.a.ID, q.u.profile.Operator
	q.u.saver.edit(justificationKey(n), write{
		do:    func(ctx context.Context) error { return st.SetJustification(ctx, id, n, text, op) },
		after: func() { q.afterSave(n) },
	})
	q.changed()
}

// afterSave reloads the history when the saved indicator is on screen.
func (q *questionnaire) afterSave(n int) {
	if q.current == n && q.pane != nil {
		q.pane.history.load()
	}
}

// dropped adds files dropped on the window to the current indicator.
func (q *questionnaire) dropped(uris []fyne.URI) {
	files := make([]PickedFile, 0, len(uris))
	for _, u := range uris {
		files = append(files, uriFile(u, nil))
	}
	q.showForm()
	q.pane.evidence.add(files)
}

func levelKey(n int) string         { return "level:" + strconv.Itoa(n) }
func justificationKey(n int) string { return "just:" + strconv.Itoa(n) }
