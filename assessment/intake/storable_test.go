package intake

import (
	"math"
	"strings"
	"testing"
)

func TestStorable(t *testing.T) {
	good := Bundle{Score: ScoreClaim{Index: "3.1234", Answered: 20, Total: 20}}
	for _, tc := range []struct {
		name string
		seq  uint64
		edit func(b *Bundle)
		ok   bool
	}{
		{"ordinary", 7, nil, true},
		{"largest int64 sequence", math.MaxInt64, nil, true},
		{"sequence 2^63", 1 << 63, nil, false},
		{"sequence 2^64-1", math.MaxUint64, nil, false},
		{"no index", 1, func(b *Bundle) { b.Score.Index = "" }, true},
		{"index 5", 1, func(b *Bundle) { b.Score.Index = "5.0000" }, true},
		{"index above 5", 1, func(b *Bundle) { b.Score.Index = "5.0001" }, false},
		{"index with exponent", 1, func(b *Bundle) { b.Score.Index = "1e1000000" }, false},
		{"negative index", 1, func(b *Bundle) { b.Score.Index = "-1" }, false},
		{"very long index", 1, func(b *Bundle) { b.Score.Index = "1." + strings.Repeat("0", 40) }, false},
		{"absurd total", 1, func(b *Bundle) { b.Score.Total = math.MaxInt64 }, false},
		{"negative total", 1, func(b *Bundle) { b.Score.Answered, b.Score.Total = 0, -1 }, false},
		{"too many answers", 1, func(b *Bundle) { b.Answers = MaxCount + 1 }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := good
			b.Sequence = tc.seq
			if tc.edit != nil {
				tc.edit(&b)
			}
			code, reason := Storable(b)
			if (code == "") != tc.ok {
				t.Fatalf("storable = %q %q, want ok=%v", code, reason, tc.ok)
			}
			if !tc.ok && (code != RejectOutOfRange || !strings.Contains(reason, "tidak disimpan")) {
				t.Errorf("code %q reason %q", code, reason)
			}
		})
	}
}
