package feedbacktrust

import (
	"strings"
	"testing"
)

func TestNewer(t *testing.T) {
	m := func(seq uint64, created string) Rank { return Rank{Sequence: seq, CreatedAt: created} }
	for _, c := range []struct {
		name string
		a, b Rank
		want bool
	}{
		{"later bundle", m(3, "2020-01-01T00:00:00Z"), m(2, "2099-01-01T00:00:00Z"), true},
		{"earlier bundle, future clock", m(2, "2099-01-01T00:00:00Z"), m(3, "2020-01-01T00:00:00Z"), false},
		{"same bundle, made later", m(2, "2026-06-02T08:00:00Z"), m(2, "2026-06-01T08:00:00Z"), true},
		{"same bundle, made earlier", m(2, "2026-06-01T08:00:00Z"), m(2, "2026-06-02T08:00:00Z"), false},
		{"same instant in another zone", m(2, "2026-06-01T15:00:00+07:00"), m(2, "2026-06-01T08:00:00Z"), false},
		{"identical", m(2, "2026-06-01T08:00:00Z"), m(2, "2026-06-01T08:00:00Z"), false},
		{"unparsable counts as oldest", m(2, "kemarin"), m(2, "2026-06-01T08:00:00Z"), false},
		{"anything beats unparsable", m(2, "2026-06-01T08:00:00Z"), m(2, "kemarin"), true},
	} {
		if got := Newer(c.a, c.b); got != c.want {
			t.Errorf("%s: Newer = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCurrent: which stored feedback is the assessor's word. A withdrawn
// key never wins, whatever it claims; a replayed older file imported
// last does not win either.
func TestCurrent(t *testing.T) {
	r := func(w bool, seq uint64, created string, imported int64) Rank {
		return Rank{Withdrawn: w, Sequence: seq, CreatedAt: created, Imported: imported}
	}
	for _, tc := range []struct {
		name  string
		ranks []Rank
		want  int
	}{
		{"none", nil, -1},
		{"only withdrawn", []Rank{r(true, 9, "2026-06-01T08:00:00Z", 1)}, -1},
		{"higher sequence wins over a later clock", []Rank{r(false, 2, "2099-01-01T00:00:00Z", 1), r(false, 3, "2026-01-01T00:00:00Z", 2)}, 1},
		{"same bundle: later signed time wins over later import", []Rank{r(false, 2, "2026-06-02T08:00:00Z", 1), r(false, 2, "2026-06-01T08:00:00Z", 2)}, 0},
		{"equal signed rank: the later import", []Rank{r(false, 2, "2026-06-01T08:00:00Z", 1), r(false, 2, "2026-06-01T08:00:00Z", 2)}, 1},
		{"withdrawn forgery with a higher sequence loses", []Rank{r(true, 99, "2099-01-01T00:00:00Z", 3), r(false, 1, "2026-06-01T08:00:00Z", 1)}, 1},
	} {
		if got := Current(tc.ranks); got != tc.want {
			t.Errorf("%s: Current = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestBefore lists trusted before withdrawn, newest first.
func TestBefore(t *testing.T) {
	a := Rank{Sequence: 1, CreatedAt: "2026-06-01T08:00:00Z", Imported: 1}
	b := Rank{Sequence: 2, CreatedAt: "2026-06-01T08:00:00Z", Imported: 2}
	w := Rank{Withdrawn: true, Sequence: 9, Imported: 3}
	if !Before(b, a) || Before(a, b) || !Before(a, w) || Before(w, a) {
		t.Error("order: want b, a, w")
	}
	same := a
	same.Imported = 5
	if !Before(same, a) || Before(a, same) {
		t.Error("equal signed rank: the later import first")
	}
}

// TestSuperseded: an older feedback imported after a newer one is stored
// as history, with the reason; a newer one of a withdrawn key does not
// count.
func TestSuperseded(t *testing.T) {
	old := Rank{Sequence: 1, CreatedAt: "2026-06-01T08:00:00Z"}
	cur := Rank{Sequence: 2, CreatedAt: "2026-06-05T08:00:00Z"}
	if got := Superseded(old, []Rank{cur}); !strings.Contains(got, "bundel nomor urut 2") || !strings.Contains(got, "riwayat") {
		t.Errorf("older after newer: %q", got)
	}
	if got := Superseded(cur, []Rank{old}); got != "" {
		t.Errorf("newer after older: %q", got)
	}
	if got := Superseded(old, []Rank{{Withdrawn: true, Sequence: 5}}); got != "" {
		t.Errorf("withdrawn newer: %q", got)
	}
	if got := Superseded(old, []Rank{old}); got != "" {
		t.Errorf("equal rank: %q", got)
	}
}
