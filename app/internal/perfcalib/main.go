//go:build cgo

// Command perfcalib is the smallest Fyne program — one window, one label —
// built with the app's tags and measured by scripts/perf-gui.sh
// (PERF_CALIB=1) under the same Xvfb and GL driver: what any Fyne 2.7.1
// app costs on that machine before a line of SPBE Mandiri's code
// (docs/PERFORMANCE.md, "Sixth pass"). Not shipped. Only with cgo (Fyne's
// GL driver), so that the CGO_ENABLED=0 runs of ./app/... skip it.
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("id.spbe-mandiri.perfcalib")
	w := a.NewWindow("perfcalib")
	w.SetContent(widget.NewLabel("Kalibrasi: satu jendela, satu label."))
	w.Resize(fyne.NewSize(1366, 768))
	w.ShowAndRun()
}
