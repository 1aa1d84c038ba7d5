package app

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
	"weak"

	"fyne.io/fyne/v2"
)

// envPaneGC marks the child process of TestLeftPanesBecomeGarbage.
const envPaneGC = "SPBE_TEST_PANE_GC"

// TestLeftPanesBecomeGarbage: once Fyne's cache has let go of the
// renderers of the indicators left, nothing of the app holds their panes
// — neither the navigator, the questionnaire, the saver nor a shortcut
// or callback (docs/PERFORMANCE.md, "Fifth pass"). Fyne's cache duration
// is read once when Fyne initialises, so the walk runs in a child
// process with FYNE_CACHE=1ms, where every renderer has expired by the
// time the window is drawn again.
func TestLeftPanesBecomeGarbage(t *testing.T) {
	if os.Getenv(envPaneGC) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLeftPanesBecomeGarbage$", "-test.v")
		cmd.Env = append(os.Environ(), envPaneGC+"=1", "FYNE_CACHE=1ms")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		t.Logf("child:\n%s", out)
		return
	}
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	h.u.win.Resize(fyne.NewSize(1366, 768))
	var panes []weak.Pointer[indicatorPane]
	for _, n := range q.s.order {
		q.goTo(n)
		h.u.win.Canvas().Content().Refresh()
		h.u.Wait()
		panes = append(panes, weak.Make(q.pane))
	}
	time.Sleep(2 * time.Millisecond) // past the 1 ms: every renderer has expired
	h.u.win.Canvas().Capture()       // a frame: Fyne's cache drops what expired
	runtime.GC()
	runtime.GC()
	live := 0
	for i, p := range panes {
		if p.Value() != nil && i != len(panes)-1 {
			live++
		}
	}
	if live != 0 {
		t.Errorf("%d of the %d panes left are still reachable", live, len(panes)-1)
	}
	if panes[len(panes)-1].Value() != q.pane {
		t.Error("the shown pane is not the last one built")
	}
}
