package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// textEntry is an Entry that reports losing focus (so typed text is saved
// on focus change), lets Tab move to the next control even when multi-line
// (every control is reachable by keyboard), and passes the screen's
// navigation shortcuts on instead of swallowing them.
type textEntry struct {
	widget.Entry
	onFocusLost func()
	// onFocusGained runs when the field gets focus (by Tab or a click).
	onFocusGained func()
	shortcuts     func(fyne.Shortcut) bool // returns true when handled
	wheel         *wheelGuard              // set by withWheelToPage
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
	if e.wheel != nil {
		e.wheel.Show()
	}
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

// FocusGained implements fyne.Focusable: the wheel goes to the field
// while it has focus (see withWheelToPage), and onFocusGained runs.
func (e *textEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.wheel != nil {
		e.wheel.Hide()
	}
	if e.onFocusGained != nil {
		e.onFocusGained()
	}
}

// withWheelToPage returns the field with a wheelGuard over it: while the
// field has no focus, the mouse wheel over it scrolls page (the
// enclosing scroll) instead of the text inside the field. Fyne delivers a
// wheel event to the deepest Scrollable under the pointer, which for a
// multi-line Entry is its own inner scroller, one level below the Entry:
// a Scrolled method on an Entry wrapper is never reached, so the guard
// lies on top (walked after the Entry, hence preferred) and is hidden
// while the field is focused, when the wheel belongs to the text again.
// The guard takes nothing but the wheel: taps, drags and the cursor go
// to the field below.
func (e *textEntry) withWheelToPage(page func() fyne.Scrollable) fyne.CanvasObject {
	e.wheel = &wheelGuard{page: page}
	e.wheel.ExtendBaseWidget(e.wheel)
	return container.NewStack(e, e.wheel)
}

// wheelGuard passes wheel events to the page's scroll.
type wheelGuard struct {
	widget.BaseWidget
	page func() fyne.Scrollable // nil or returning nil: the event is dropped
}

// Scrolled implements fyne.Scrollable.
func (g *wheelGuard) Scrolled(ev *fyne.ScrollEvent) {
	if g.page == nil {
		return
	}
	if s := g.page(); s != nil {
		s.Scrolled(ev)
	}
}

// CreateRenderer implements fyne.Widget: nothing to draw.
func (g *wheelGuard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// scrollIntoView scrolls s the least so that o, somewhere in its content,
// is in view (its top, when o is taller than s): Fyne does not follow the
// keyboard focus, so Tab into a field below the fold would type unseen.
func scrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	if s == nil || o == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	h, view, y := o.Size().Height, s.Size().Height, s.Offset.Y
	switch {
	case top < y:
		y = top
	case top+h > y+view:
		y = min(top, top+h-view)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
	if s.OnScrolled != nil {
		s.OnScrolled(s.Offset) // ScrollToOffset does not tell it; inViewPage must know
	}
}
