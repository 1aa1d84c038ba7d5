package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fixedWidth's MinSize runs on every refresh; it must not shrink the
// column the last Layout sized — the review screen's assessor form (a
// scroll in a fixed-width column) was left one heading tall in the real
// window.
func TestFixedWidthMinSizeKeepsHeight(t *testing.T) {
	test.NewTempApp(t)
	scroll := container.NewVScroll(container.NewVBox(widget.NewLabel("Penilaian asesor"), widget.NewEntry(), widget.NewButton("Simpan", nil)))
	col := fixedWidth(scroll, 420)
	col.Resize(fyne.NewSize(420, 500))
	if scroll.Size().Height != 500 {
		t.Fatalf("after layout the column is %v tall", scroll.Size().Height)
	}
	if m := col.MinSize(); m.Width != 420 {
		t.Errorf("MinSize width %v", m.Width)
	}
	if h := scroll.Size().Height; h != 500 {
		t.Errorf("MinSize shrank the column to %v", h)
	}
}
