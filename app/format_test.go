package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFormatSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {512, "512 B"}, {1536, "1,5 KB"}, {5 << 20, "5,0 MB"}, {3 << 30, "3,0 GB"},
	} {
		if got := formatSize(c.n); got != c.want {
			t.Errorf("formatSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestParsePeriode(t *testing.T) {
	for in, want := range map[string]int{"2025": 2025, " 2026 ": 2026, "1999": 0, "dua ribu": 0, "": 0} {
		got, err := parsePeriode(in)
		if (err != nil) != (want == 0) || got != want {
			t.Errorf("parsePeriode(%q) = %d, %v", in, got, err)
		}
	}
}

func TestShorten(t *testing.T) {
	if got := shorten("a\n\nb   c", 10); got != "a b c" {
		t.Errorf("got %q", got)
	}
	if got := shorten("abcdef", 3); got != "abc…" {
		t.Errorf("got %q", got)
	}
}

func TestThemeUsesDejaVu(t *testing.T) {
	th := newAppTheme()
	if got := th.Font(fyne.TextStyle{}).Name(); got != "DejaVuSans.ttf" {
		t.Errorf("regular font %q", got)
	}
	if got := th.Font(fyne.TextStyle{Bold: true}).Name(); got != "DejaVuSans-Bold.ttf" {
		t.Errorf("bold font %q", got)
	}
}
