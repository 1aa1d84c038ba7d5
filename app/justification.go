package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// justificationEditor is the indicator's explanation, written as FAKTA →
// ANALISIS → JUSTIFIKASI. Typing is saved after a pause, and at once when
// the field loses focus or the user navigates.
type justificationEditor struct {
	q        *questionnaire
	n        int
	entry    *textEntry
	template *widget.Button
	count    *widget.Label
	hint     *widget.Label // hidden with the level cards collapsed
	// page is the indicator screen's scroll (set by the pane once built):
	// the wheel over the unfocused field scrolls it, and Tab into the
	// field brings the field into it.
	page *container.Scroll
}

func newJustificationEditor(q *questionnaire, n int) *justificationEditor {
	j := &justificationEditor{q: q, n: n}
	j.entry = newTextEntry(true)
	j.entry.SetMinRowsVisible(8)
	j.entry.SetPlaceHolder(tr("just.placeholder"))
	j.entry.SetText(q.s.answer(n).Justification)
	j.entry.OnChanged = j.onChanged
	j.entry.onFocusLost = q.u.saver.flush
	j.entry.shortcuts = q.onShortcut
	j.entry.onFocusGained = func() { scrollIntoView(j.page, j.entry) }
	j.template = widget.NewButtonWithIcon(tr("just.template"), theme.ContentAddIcon(), j.onTemplate)
	j.hint = wrapped(tr("just.hint"))
	j.count = widget.NewLabel("")
	j.count.SizeName = theme.SizeNameCaptionText
	j.updateCount()
	return j
}

func (j *justificationEditor) view() fyne.CanvasObject {
	head := border(nil, nil, nil, j.template, heading(tr("just.title")))
	field := j.entry.withWheelToPage(func() fyne.Scrollable {
		if j.page == nil {
			return nil
		}
		return j.page
	})
	return container.NewVBox(head, j.hint, field, j.count)
}

func (j *justificationEditor) onChanged(text string) {
	j.q.onJustification(j.n, text)
	j.updateCount()
}

func (j *justificationEditor) updateCount() {
	j.count.SetText(trf("just.count", len([]rune(j.entry.Text))))
}

// onTemplate inserts the FAKTA → ANALISIS → JUSTIFIKASI template, filled
// with the chosen level and the evidence file names already attached.
func (j *justificationEditor) onTemplate() {
	t := j.templateText()
	if strings.TrimSpace(j.entry.Text) == "" {
		j.entry.SetText(t)
	} else {
		j.entry.SetText(strings.TrimRight(j.entry.Text, "\n") + "\n\n" + t)
	}
	j.q.u.win.Canvas().Focus(j.entry)
}

func (j *justificationEditor) templateText() string {
	s := j.q.s
	in, _ := s.cat.Indicator(j.n)
	var files []string
	for _, e := range s.evidenceOf(j.n) {
		files = append(files, e.OriginalName)
	}
	level := ""
	if l := s.answer(j.n).Level; l > 0 {
		level = levelText(s.cat, in, l)
	}
	return assessment.JustificationTemplate(files, level)
}

// setText replaces the text (a restore from the history).
func (j *justificationEditor) setText(text string) {
	j.entry.SetText(text)
	j.updateCount()
}
