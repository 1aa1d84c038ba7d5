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
