package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// portalFileLimit is the size the national portal accepts per file.
const portalFileLimit = 5 << 20

// evidenceList is the indicator's evidence files: name, size, short hash,
// the level each supports and a note; open, remove (with undo), add
// through the file dialog or by dropping files on the window.
type evidenceList struct {
	q       *questionnaire
	n       int
	title   *widget.Label
	rows    *fyne.Container
	level   *widget.Select
	addBtn  *widget.Button
	undoBar *fyne.Container
	// items is the indicator's evidence-item panel (nil for catalogs
	// without items): its picker says which items a new file supports.
	items      *itemsPanel
	itemsDlg   dialog.Dialog
	itemsGroup *widget.CheckGroup // the open item dialog's choices
}

func newEvidenceList(q *questionnaire, n int) *evidenceList {
	e := &evidenceList{q: q, n: n, rows: container.NewVBox(), undoBar: container.NewHBox()}
	e.title = heading("")
	e.level = widget.NewSelect(levelOptions(), nil)
	e.level.SetSelectedIndex(q.s.answer(n).Level)
	e.addBtn = widget.NewButtonWithIcon(tr("evidence.add"), theme.FileIcon(), e.onAdd)
	e.undoBar.Hide()
	e.render()
	return e
}

// levelOptions: "Umum", "Level 1" … "Level 5" (index = level).
func levelOptions() []string {
	out := []string{tr("evidence.general")}
	for l := 1; l <= 5; l++ {
		out = append(out, trf("evidence.levelN", l))
	}
	return out
}

func (e *evidenceList) view() fyne.CanvasObject {
	hint := wrapped(tr("evidence.hint"))
	if e.items != nil { // the picked items say which level a new file supports
		return container.NewVBox(e.items.view(), widget.NewSeparator(), e.title, e.rows, e.undoBar, e.items.pickerView(), container.NewHBox(e.addBtn), hint)
	}
	addRow := container.NewHBox(widget.NewLabel(tr("evidence.supports")), e.level, e.addBtn)
	return container.NewVBox(e.title, e.rows, e.undoBar, addRow, hint)
}

func (e *evidenceList) render() {
	list := e.q.s.evidenceOf(e.n)
	e.title.SetText(trf("evidence.title", len(list)))
	e.rows.RemoveAll()
	if len(list) == 0 {
		none := wrapped(tr("evidence.none"))
		none.Importance = widget.WarningImportance
		e.rows.Add(none)
	}
	for _, ev := range list {
		e.rows.Add(e.row(ev))
	}
	e.rows.Refresh()
}

func (e *evidenceList) row(ev assessment.Evidence) fyne.CanvasObject {
	name := bold(ev.OriginalName)
	detail := wrapped(e.detail(ev))
	if ev.Blob.Size > portalFileLimit {
		detail.Importance = widget.WarningImportance
	}
	open := widget.NewButtonWithIcon(tr("evidence.open"), theme.VisibilityIcon(), func() { e.q.openEvidence(ev) })
	remove := widget.NewButtonWithIcon(tr("evidence.remove"), theme.DeleteIcon(), func() { e.onRemove(ev) })
	note := newTextEntry(false)
	note.SetText(ev.Note)
	note.SetPlaceHolder(tr("evidence.notePlaceholder"))
	note.shortcuts = e.q.onShortcut
	note.onFocusLost = e.q.u.saver.flush
	note.onFocusGained = func() { // Tab into a note below the fold brings it up
		if p := e.q.pane; p != nil {
			scrollIntoView(p.scroll, note)
		}
	}
	note.OnChanged = func(text string) { e.q.onEvidenceNote(ev.ID, text) }
	buttons := container.NewHBox(open, remove)
	if e.items != nil {
		buttons.Add(widget.NewButtonWithIcon(tr("items.edit"), theme.ListIcon(), func() { e.onEditItems(ev) }))
	}
	head := border(nil, nil, nil, buttons, container.NewVBox(name, detail))
	return widget.NewCard("", "", container.NewVBox(head, note))
}

// detail is "2,3 MB · sha256 1a2b3c4d5e6f · mendukung level 3".
func (e *evidenceList) detail(ev assessment.Evidence) string {
	s := formatSize(ev.Blob.Size) + " · sha256 " + ev.Blob.ShortHash() + " · "
	if ev.Level == 0 {
		s += tr("evidence.supportsGeneral")
	} else {
		s += trf("evidence.supportsLevel", ev.Level)
	}
	s += itemsLabel(ev)
	if ev.Blob.Size > portalFileLimit {
		s += " · " + tr("evidence.tooBig")
	}
	return s
}

func (e *evidenceList) onAdd() {
	e.q.u.files.PickFile(e.q.u.win, func(f PickedFile, ok bool) {
		if ok {
			e.add([]PickedFile{f})
		}
	})
}

// add stores files as evidence for this indicator, at the chosen level.
func (e *evidenceList) add(files []PickedFile) {
	level := e.level.SelectedIndex()
	if level < 0 {
		level = 0
	}
	var items []string
	if e.items != nil {
		picked := e.items.picked()
		// A synthetic item (I4-L3-00) is reached by the file's level, so
		// only official codes are stored.
		level, items = highestLevel(picked), assessment.RealItems(picked)
	}
	e.q.addEvidence(e.n, level, items, files)
}

func (e *evidenceList) onRemove(ev assessment.Evidence) {
	q := e.q
	st, op := q.u.store, q.u.profile.Operator
	q.u.saver.flush()
	q.u.jobs.submit(func(ctx context.Context) error {
		return st.RemoveEvidence(ctx, ev.ID, op)
	}, func(err error) {
		if err != nil {
			q.u.showError(err)
			return
		}
		q.s.removeEvidence(ev.ID)
		q.evidenceChanged(ev.Indicator)
		if q.current == ev.Indicator {
			q.pane.evidence.showUndo(ev)
		}
	})
}

func (e *evidenceList) showUndo(ev assessment.Evidence) {
	q := e.q
	e.undoBar.RemoveAll()
	e.undoBar.Add(widget.NewLabel(trf("evidence.removed", ev.OriginalName)))
	e.undoBar.Add(widget.NewButton(tr("common.undo"), func() {
		st, op := q.u.store, q.u.profile.Operator
		q.u.jobs.submit(func(ctx context.Context) error {
			return st.UndoRemoveEvidence(ctx, ev.ID, op)
		}, func(err error) {
			if err != nil {
				q.u.showError(err)
				return
			}
			q.s.addEvidence(ev)
			sort.SliceStable(q.s.evidence, func(i, j int) bool { return q.s.evidence[i].ID < q.s.evidence[j].ID })
			e.undoBar.Hide()
			q.evidenceChanged(ev.Indicator)
		})
	}))
	e.undoBar.Show()
}

// evidenceChanged refreshes everything that shows indicator n's evidence.
func (q *questionnaire) evidenceChanged(n int) {
	if q.current == n && q.pane != nil {
		q.pane.evidence.render()
		q.pane.history.load()
	}
	q.refreshItems(n)
	q.changed()
}

// onEvidenceNote records a typed note; it is saved after a pause.
func (q *questionnaire) onEvidenceNote(id int64, note string) {
	q.s.setEvidenceNote(id, note)
	st, op := q.u.store, q.u.profile.Operator
	q.u.saver.edit("note:"+strconv.FormatInt(id, 10), write{
		do: func(ctx context.Context) error { return st.SetEvidenceNote(ctx, id, note, op) },
	})
}

// formatSize writes a size the Indonesian way: "2,3 MB", "512 B".
func formatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, i := float64(n), -1
	for v >= unit && i < 3 {
		v /= unit
		i++
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	return commaDecimal(s) + " " + []string{"KB", "MB", "GB", "TB"}[i]
}

func commaDecimal(s string) string {
	for i := range len(s) {
		if s[i] == '.' {
			return s[:i] + "," + s[i+1:]
		}
	}
	return s
}
