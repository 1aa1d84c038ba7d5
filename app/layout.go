package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// centered shows o centred at most maxWidth wide: forms stay readable on a
// wide window and use the whole width of a small one.
func centered(o fyne.CanvasObject, maxWidth float32) fyne.CanvasObject {
	return container.New(&maxWidthLayout{max: maxWidth}, o)
}

type maxWidthLayout struct{ max float32 }

func (l *maxWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if w > l.max {
		w = l.max
	}
	for _, o := range objs {
		h := o.MinSize().Height
		if h < size.Height {
			h = size.Height
		}
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (l *maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	if min.Width > l.max {
		min.Width = l.max
	}
	return min
}

// fixedWidth gives o exactly width w (its height is its own).
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&fixedWidthLayout{w: w}, o)
}

type fixedWidthLayout struct{ w float32 }

func (l *fixedWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(l.w, size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *fixedWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		// Give wrapped text its width so its height can be known, but keep
		// the height the last Layout gave: MinSize runs on every refresh,
		// and shrinking here would leave a scroll inside one line tall.
		if o.Size().Width != l.w {
			o.Resize(fyne.NewSize(l.w, o.Size().Height))
		}
		if m := o.MinSize().Height; m > h {
			h = m
		}
	}
	return fyne.NewSize(l.w, h)
}

// scrollBox is a vertical scroll of o at least w×h (for dialogs).
func scrollBox(o fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	s := container.NewVScroll(o)
	s.SetMinSize(fyne.NewSize(w, h))
	return s
}

// border is container.NewBorder with the children in reading order (top,
// left, centre, right, bottom), which is also the order Tab visits them;
// container.NewBorder puts the centre first.
func border(top, bottom, left, right, center fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, left, center, right, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, left, right), objs...)
}
