package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Golden markup of the key screens (refresh with go test -update).

// answerAll gives every indicator of the open assessment a level through
// the store, then reopens it.
func (h *harness) answerAll(level int) *questionnaire {
	h.t.Helper()
	q := h.q()
	for _, n := range q.s.order {
		if err := h.st.SetLevel(h.t.Context(), q.s.a.ID, n, level, "Rahmat"); err != nil {
			h.t.Fatal(err)
		}
	}
	h.u.openAssessment(q.s.a.ID)
	h.wait()
	return h.q()
}

func TestGoldenHome(t *testing.T) {
	h := newHarness(t, setup{})
	h.newAssessment("pemdi-2026", "2026")
	q := h.answerAll(3)
	test.Tap(q.homeBtn)
	h.wait()
	h.golden("home.xml")
}

func TestGoldenIndicator(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	q.pickLevel(2)
	test.Type(q.pane.just.entry, "FAKTA: Renstra 2025")
	h.u.Flush()
	h.wait()
	h.golden("indicator.xml")
}

func TestGoldenDashboard(t *testing.T) {
	h := newHarness(t, setup{})
	h.newAssessment("pemdi-2026", "2026")
	q := h.answerAll(4)
	test.Tap(q.dashBtn)
	if q.dash.index.Text != "4,00" {
		t.Errorf("index %q", q.dash.index.Text)
	}
	h.golden("dashboard.xml")
}

func TestGoldenFirstRun(t *testing.T) {
	h := newHarness(t, setup{noDataDir: true, noProfile: true})
	h.golden("firstrun.xml")
}
