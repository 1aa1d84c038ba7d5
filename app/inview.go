package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Fyne's GL painter draws — and rasterises into a texture, kept for a
// minute — every visible canvas.Text of a window, also the ones scrolled
// out of view. The level cards' criteria and expected evidence are most of
// an indicator's text, and most of them are below the fold, so each pane
// visited used to leave all of them in memory (docs/PERFORMANCE.md). An
// inView holds such texts: it keeps their size, so the page's layout is
// unchanged, but hides them while they are outside the page's scroll and
// shows them again before a frame scrolls them in.

// inViewMargin is how far outside the visible part texts are already
// shown: a wheel step never shows an empty card.
const inViewMargin = 200

// inView is a container of one object whose size it always keeps, shown
// or hidden by inViewPage.
type inView = fyne.Container

func newInView(o fyne.CanvasObject) *inView { return container.New(keepSizeLayout{}, o) }

// keepSizeLayout gives its one object the whole space and takes the
// object's MinSize, visible or not (a hidden object keeps its room).
type keepSizeLayout struct{}

func (keepSizeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.Position{})
	}
}

func (keepSizeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// inViewPage is a vertical scroll whose inView parts are shown only near
// the visible area. It looks again whenever the page is laid out (a new
// pane, a resized window, cards collapsed) and when it scrolls.
type inViewPage struct {
	scroll *container.Scroll
	parts  func() []*inView // the parts, as they are now (cards change mode)
}

// newInViewPage makes the scroll of content; parts lists the inView
// parts somewhere in content, reachable through containers only.
func newInViewPage(content fyne.CanvasObject, parts func() []*inView) *inViewPage {
	p := &inViewPage{parts: parts}
	p.scroll = container.NewVScroll(container.New(&afterLayout{then: p.update}, content))
	p.scroll.OnScrolled = func(fyne.Position) { p.update() }
	return p
}

// update shows the parts that overlap the visible area (with the margin)
// and hides the others. Before the page has a size it shows everything.
func (p *inViewPage) update() {
	parts := p.parts()
	if len(parts) == 0 {
		return
	}
	view := p.scroll.Size().Height
	top := p.scroll.Offset.Y - inViewMargin
	bottom := p.scroll.Offset.Y + view + inViewMargin
	ys := make(map[*inView]float32, len(parts))
	for _, part := range parts {
		ys[part] = -1
	}
	containerOffsets(p.scroll.Content, 0, ys)
	for _, part := range parts {
		y := ys[part] // -1: not on this page now
		in := view == 0 || y < 0 || (y < bottom && y+part.Size().Height > top)
		setShown(part, in)
	}
}

// setShown shows or hides the object an inView holds.
func setShown(part *inView, shown bool) {
	for _, o := range part.Objects {
		switch {
		case shown && !o.Visible():
			o.Show()
			o.Refresh()
		case !shown && o.Visible():
			o.Hide()
		}
	}
}

// containerOffsets records the y offset, within the walk's root, of every
// object of ys it reaches through containers (widgets are not entered:
// the parts sit in plain containers).
func containerOffsets(o fyne.CanvasObject, y float32, ys map[*inView]float32) {
	c, ok := o.(*fyne.Container)
	if !ok || c.Hidden {
		return
	}
	if _, want := ys[c]; want {
		ys[c] = y
		return
	}
	for _, child := range c.Objects {
		containerOffsets(child, y+child.Position().Y, ys)
	}
}

// afterLayout lays its one object out like a stack, then calls then.
type afterLayout struct{ then func() }

func (l *afterLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	keepSizeLayout{}.Layout(objs, size)
	l.then()
}

func (l *afterLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return keepSizeLayout{}.MinSize(objs)
}
