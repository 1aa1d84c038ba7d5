package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// historyView is the change history of one indicator, newest first, with
// "restore" on earlier justifications (restoring writes the old text as a
// new change: history is append-only).
type historyView struct {
	q       *questionnaire
	n       int
	rows    *fyne.Container
	changes []assessment.Change
	loads   int
}

func newHistoryView(q *questionnaire, n int) *historyView {
	return &historyView{q: q, n: n, rows: container.NewVBox(widget.NewLabel(tr("history.loading")))}
}

func (h *historyView) view() fyne.CanvasObject {
	return widget.NewAccordion(widget.NewAccordionItem(tr("history.title"), h.rows))
}

// load reads the history off the UI goroutine (after pending writes).
func (h *historyView) load() {
	st, id, n := h.q.u.store, h.q.s.a.ID, h.n
	h.loads++
	mine := h.loads
	var changes []assessment.Change
	h.q.u.jobs.submit(func(ctx context.Context) error {
		var err error
		changes, err = st.History(ctx, id, n)
		return err
	}, func(err error) {
		if mine != h.loads {
			return // a newer load is on its way
		}
		if err != nil {
			h.rows.Objects = []fyne.CanvasObject{wrapped(err.Error())}
			h.rows.Refresh()
			return
		}
		h.changes = changes
		h.render()
	})
}

func (h *historyView) render() {
	h.rows.RemoveAll()
	if len(h.changes) == 0 {
		h.rows.Add(widget.NewLabel(tr("history.none")))
	}
	current := h.q.s.answer(h.n).Justification
	for i := len(h.changes) - 1; i >= 0; i-- {
		h.rows.Add(h.row(h.changes[i], current))
	}
	h.rows.Refresh()
}

func (h *historyView) row(c assessment.Change, current string) fyne.CanvasObject {
	when := formatTime(c.At) + " · " + c.Operator
	switch c.Field {
	case assessment.FieldLevel:
		return wrapped(when + " · " + trf("history.level", levelOrNone(c.Old), levelOrNone(c.New)))
	case assessment.FieldEvidence:
		return wrapped(when + " · " + evidenceChange(c))
	case assessment.FieldExternal:
		return wrapped(when + " · " + externalChange(c))
	}
	text := c.New
	head := wrapped(when + " · " + trf("history.justification", len([]rune(text))))
	preview := wrapped(shorten(text, 240))
	box := container.NewVBox(head, preview)
	if text != current {
		restore := widget.NewButtonWithIcon(tr("history.restore"), theme.HistoryIcon(), func() { h.q.restoreJustification(h.n, text) })
		box.Add(container.NewHBox(restore))
	}
	return box
}

func levelOrNone(s string) string {
	if s == "" || s == "0" {
		return tr("level.none")
	}
	return s
}

func evidenceChange(c assessment.Change) string {
	switch {
	case c.Old == "" && c.New != "":
		return trf("history.evidenceAdded", c.New)
	case c.Old != "" && c.New == "":
		return trf("history.evidenceRemoved", c.Old)
	default:
		return trf("history.evidenceChanged", c.Old, c.New)
	}
}

// shorten cuts text to n runes on one paragraph, for previews.
func shorten(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return tr("history.empty")
	}
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n]) + "…"
}

// restoreJustification puts an earlier text back and saves it at once.
func (q *questionnaire) restoreJustification(n int, text string) {
	if q.current != n {
		return
	}
	q.pane.just.setText(text) // records the edit through OnChanged
	q.u.saver.flush()
}
