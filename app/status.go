package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// statusLine tells the user whether their work is saved: "Tersimpan 10.42",
// "Menyimpan…", or the error in red.
type statusLine struct {
	label *widget.Label
}

func newStatusLine() *statusLine {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return &statusLine{label: l}
}

func (s *statusLine) set(state saveState, at time.Time, err error) {
	switch state {
	case saveSaving:
		s.label.Importance = widget.MediumImportance
		s.label.SetText(tr("status.saving"))
	case saveSaved:
		s.label.Importance = widget.SuccessImportance
		s.label.SetText(trf("status.saved", at.Format("15.04")))
	case saveFailed:
		s.label.Importance = widget.DangerImportance
		s.label.SetText(trf("status.failed", err))
	default:
		s.label.Importance = widget.MediumImportance
		s.label.SetText("")
	}
}

// text is what the line shows (tests).
func (s *statusLine) text() string { return s.label.Text }
