package export

import "testing"

// The GUI's progress bar gets the fraction of bytes written; an unknown
// total and a missing bar are not reported (no division by zero).
func TestProgress(t *testing.T) {
	var got []float64
	p := Progress(func(f float64) { got = append(got, f) })
	p(0, 0)
	p(1, 4)
	p(4, 4)
	if len(got) != 2 || got[0] != 0.25 || got[1] != 1 {
		t.Fatalf("progress: %v", got)
	}
	Progress(nil)(1, 2)
}
