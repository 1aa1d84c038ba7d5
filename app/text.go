package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// wrapped is a word-wrapped label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// bold is a bold, word-wrapped label.
func bold(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Bold = true
	return l
}

// badge is a short bold marker such as "SEMENTARA".
func badge(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Importance = imp
	return l
}

// instrumentText shows one catalog text honestly: a missing text says so
// ("Teks resmi belum tersedia") and is never filled in; a paraphrase or a
// secondary transcription is labelled as such.
func instrumentText(t assessment.Text) fyne.CanvasObject {
	if t.Missing() {
		l := wrapped(tr("text.missing"))
		l.Importance = widget.WarningImportance
		return l
	}
	body := wrapped(t.Text)
	switch t.Source {
	case assessment.FromParaphrase:
		return container.NewVBox(badge(tr("text.paraphrase"), widget.WarningImportance), body)
	case assessment.FromSecondary:
		return container.NewVBox(badge(tr("text.secondary"), widget.MediumImportance), body)
	default:
		return body
	}
}

// heading is a bold section title.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}
