package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Leaving the questionnaire for another screen schedules a settle too:
// before, only a pane switch did, so the indicator screen's textures and
// renderers stayed held after the officer went back to the home screen
// and left the window alone.
func TestScreenSwitchSchedulesSettle(t *testing.T) {
	h := newHarness(t, setup{})
	if !h.u.settlePending() {
		t.Error("no settle scheduled after the first screen was shown")
	}
	h.newAssessment("spbe-2020", "2025")
	h.u.settler.mu.Lock()
	h.u.settler.timer.Stop()
	h.u.settler.armed = false
	h.u.settler.mu.Unlock()

	h.u.showHome()
	h.wait()
	if !h.u.settlePending() {
		t.Error("leaving the questionnaire for the home screen scheduled no settle")
	}
}

// A pane switch also schedules the early release of freed memory, well
// before the full settle.
func TestPaneSwitchSchedulesRelease(t *testing.T) {
	if releaseAfter >= settleAfter {
		t.Fatalf("releaseAfter %v is not before settleAfter %v", releaseAfter, settleAfter)
	}
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	q.step(1)
	h.wait()
	if !h.u.stopRelease() {
		t.Error("a pane switch scheduled no early release")
	}
}

// settle redraws through the window's own canvas, not through Fyne's
// object→canvas cache, which may have dropped the status line by then.
func TestSettleRefreshesThroughWindowCanvas(t *testing.T) {
	h := newHarness(t, setup{})
	rec := &recordingWindow{Window: h.u.win}
	h.u.win = rec
	h.u.settle()
	if len(rec.refreshed) != 1 || rec.refreshed[0] != fyne.CanvasObject(h.u.status.label) {
		t.Errorf("settle refreshed %v through the window's canvas, want the status line", rec.refreshed)
	}
}

type recordingWindow struct {
	fyne.Window
	refreshed []fyne.CanvasObject
}

func (w *recordingWindow) Canvas() fyne.Canvas { return recordingCanvas{w.Window.Canvas(), w} }

type recordingCanvas struct {
	fyne.Canvas
	w *recordingWindow
}

func (c recordingCanvas) Refresh(o fyne.CanvasObject) {
	c.w.refreshed = append(c.w.refreshed, o)
	c.Canvas.Refresh(o)
}

// The first early release schedules a second one; a release that a newer
// switch has overtaken schedules nothing.
func TestEarlyReleaseRunsTwice(t *testing.T) {
	h := newHarness(t, setup{})
	h.u.stopRelease()
	h.u.settler.mu.Lock()
	gen := h.u.settler.gen
	h.u.settler.mu.Unlock()
	h.u.releaseEarly(gen, true)
	h.wait()
	if !h.u.stopRelease() {
		t.Error("the first early release scheduled no second one")
	}
	h.u.releaseEarly(gen-1, true)
	h.wait()
	if h.u.stopRelease() {
		t.Error("an overtaken early release scheduled another")
	}
}
