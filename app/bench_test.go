package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkSwitchIndicator is the cost of showing another indicator of a
// 47-indicator assessment at 1366×768 — building its pane and laying the
// window out — in Fyne's headless driver (docs/PERFORMANCE.md).
func BenchmarkSwitchIndicator(b *testing.B) {
	h := newHarness(b, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	h.u.win.Resize(fyne.NewSize(1366, 768))
	order := q.s.order
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q.goTo(order[i%len(order)])
		h.u.win.Canvas().Content().Refresh()
	}
}
