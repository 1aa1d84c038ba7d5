package app

import "testing"

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
