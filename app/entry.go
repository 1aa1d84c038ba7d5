package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textEntry is an Entry that reports losing focus (so typed text is saved
// on focus change), lets Tab move to the next control even when multi-line
// (every control is reachable by keyboard), and passes the screen's
// navigation shortcuts on instead of swallowing them.
type textEntry struct {
	widget.Entry
	onFocusLost func()
	shortcuts   func(fyne.Shortcut) bool // returns true when handled
}

func newTextEntry(multiLine bool) *textEntry {
	e := &textEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost implements fyne.Focusable.
func (e *textEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// AcceptsTab implements fyne.Tabbable: Tab leaves the field.
func (e *textEntry) AcceptsTab() bool { return false }

// TypedShortcut implements fyne.Shortcutable.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if e.shortcuts != nil && e.shortcuts(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}
