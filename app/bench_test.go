package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkSwitchIndicator is the cost of showing another indicator of a
// 47-indicator assessment at 1366×768 — building its pane and laying the
// window out — in Fyne's headless driver (docs/PERFORMANCE.md). Besides
// the wall time it reports cpu-ms/op, the process's CPU time per switch,
// which other jobs on a shared machine do not inflate.
func BenchmarkSwitchIndicator(b *testing.B) {
	h := newHarness(b, setup{})
	benchSwitch(b, h, h.newAssessment("spbe-2020", "2025"))
}

// BenchmarkSwitchIndicatorAppTheme is BenchmarkSwitchIndicator with the
// desktop app's own theme (DejaVu Sans, assets.UIFontRegular) instead of
// the test driver's, so the font the officer sees is what is shaped.
func BenchmarkSwitchIndicatorAppTheme(b *testing.B) {
	h := newHarness(b, setup{})
	h.u.app.Settings().SetTheme(newAppTheme())
	benchSwitch(b, h, h.newAssessment("spbe-2020", "2025"))
}

// BenchmarkSwitchIndicatorCompact is the same with every indicator
// answered, so the level cards are compact (the default with a level
// chosen: the chosen level, the next one's criterion, the others a line).
func BenchmarkSwitchIndicatorCompact(b *testing.B) {
	h := newHarness(b, setup{})
	h.newAssessment("spbe-2020", "2025")
	benchSwitch(b, h, h.answerAll(3))
}

// BenchmarkSwitchIndicatorAllLevels: every indicator answered and
// "Tampilkan semua level" on — what the compact default saves.
func BenchmarkSwitchIndicatorAllLevels(b *testing.B) {
	h := newHarness(b, setup{})
	h.newAssessment("spbe-2020", "2025")
	h.u.levelsShowAll = true
	benchSwitch(b, h, h.answerAll(3))
}

func benchSwitch(b *testing.B, h *harness, q *questionnaire) {
	h.u.win.Resize(fyne.NewSize(1366, 768))
	order := q.s.order
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		q.goTo(order[i%len(order)])
		h.u.win.Canvas().Content().Refresh()
	}
	b.StopTimer()
	if used := processCPU() - cpu; used > 0 {
		b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
