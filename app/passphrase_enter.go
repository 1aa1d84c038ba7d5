package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// submitOnEnter makes Enter in a passphrase form do what the officer
// expects: in every entry but the last it moves to the next one, in the
// last it submits the form (FormDialog.Submit still refuses while a
// validator fails).
func submitOnEnter(d *dialog.FormDialog, win fyne.Window, entries ...*widget.Entry) {
	for i, e := range entries {
		if i == len(entries)-1 {
			e.OnSubmitted = func(string) { d.Submit() }
			continue
		}
		next := entries[i+1]
		e.OnSubmitted = func(string) { win.Canvas().Focus(next) }
	}
}
