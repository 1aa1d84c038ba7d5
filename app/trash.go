package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// trashScreen is the Sampah: the assessments the officer deleted, each
// with its answers and evidence intact and a Pulihkan button. Deleting is
// never final in the app, so one wrong click on Hapus costs nothing.
type trashScreen struct {
	u     *UI
	list  *fyne.Container
	state *widget.Label
	rows  []assessment.Assessment
}

func newTrash(u *UI) *trashScreen {
	t := &trashScreen{u: u, list: container.NewVBox(wrapped(tr("home.loading"))), state: wrapped("")}
	t.load()
	return t
}

func (t *trashScreen) view() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(tr("trash.back"), theme.NavigateBackIcon(), t.u.showHome)
	top := container.NewVBox(heading(tr("trash.title")), wrapped(tr("trash.intro")), container.NewHBox(back), t.state, widget.NewSeparator())
	return container.NewPadded(border(top, nil, nil, nil, container.NewVScroll(t.list)))
}

func (t *trashScreen) leave() {}

func (t *trashScreen) load() {
	st := t.u.store
	load(t.u, t.state, func(ctx context.Context) ([]assessment.Assessment, error) {
		return st.TrashedAssessments(ctx)
	}, t.render)
}

func (t *trashScreen) render(rows []assessment.Assessment) {
	t.rows = rows
	t.list.RemoveAll()
	if len(rows) == 0 {
		t.list.Add(wrapped(tr("trash.empty")))
		return
	}
	for _, a := range rows {
		t.list.Add(t.card(a))
	}
}

func (t *trashScreen) card(a assessment.Assessment) fyne.CanvasObject {
	title := a.CatalogID
	if c, err := t.u.lib.Pinned(a.CatalogID, a.CatalogVersion, a.CatalogSHA256); err == nil {
		title = c.Title
	}
	restore := widget.NewButtonWithIcon(tr("trash.restore"), theme.ContentUndoIcon(), func() { t.restore(a) })
	restore.Importance = widget.HighImportance
	body := container.NewVBox(bold(trf("home.periode", a.Periode)+" — "+title),
		wrapped(trf("trash.trashedAt", formatTime(a.TrashedAt))), container.NewHBox(restore))
	return widget.NewCard("", "", body)
}

// restore takes a out of the trash and says so; the list is read again.
func (t *trashScreen) restore(a assessment.Assessment) {
	st, id := t.u.store, a.ID
	t.u.jobs.submit(func(ctx context.Context) error {
		return st.RestoreAssessment(ctx, id)
	}, func(err error) {
		if err != nil {
			t.u.showError(err)
			return
		}
		if t.u.undoTrash != nil && t.u.undoTrash.id == id {
			t.u.undoTrash = nil
		}
		t.state.SetText(trf("trash.restored", a.Periode))
		t.load()
	})
}
