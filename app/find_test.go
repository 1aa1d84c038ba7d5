package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// walk visits o and everything inside it (containers and widget renderers).
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// findButton finds a button whose text is text among objects (canvas
// objects or slices of them).
func findButton(t *testing.T, objs any, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	visit := func(o fyne.CanvasObject) {
		walk(o, func(c fyne.CanvasObject) {
			if b, ok := c.(*widget.Button); ok && b.Text == text && found == nil {
				found = b
			}
		})
	}
	switch v := objs.(type) {
	case []fyne.CanvasObject:
		for _, o := range v {
			visit(o)
		}
	case []any:
		for _, o := range v {
			visit(o.(fyne.CanvasObject))
		}
	}
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

func findLink(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Hyperlink {
	t.Helper()
	var found *widget.Hyperlink
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Hyperlink); ok && strings.HasPrefix(l.Text, prefix) && found == nil {
			found = l
		}
	})
	if found == nil {
		t.Fatalf("no link starting %q", prefix)
	}
	return found
}

// capture writes the window (with its dialogs) as a PNG named name into
// the folder $SPBE_UI_CAPTURE, to look at a screen as a user would; without
// that variable it does nothing, and no test depends on it.
func capture(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("SPBE_UI_CAPTURE")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
