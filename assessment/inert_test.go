package assessment_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// inertCases are hostile texts a bundle or feedback file may carry, with
// what the terminal must be shown instead; they also seed FuzzInertText.
var inertCases = []struct{ in, text, line string }{
	{"laporan.pdf", "laporan.pdf", "laporan.pdf"},
	{"a\x1b]52;c;cm0gLXJmIH4=\x07b", "ab", "ab"},               // OSC 52: write the clipboard
	{"a\x1b]52;c;cm0=\x1b\\b", "ab", "ab"},                     // … terminated by ST
	{"\x1b[2J\x1b[1;1HBUNDEL SAH", "BUNDEL SAH", "BUNDEL SAH"}, // clear the screen, home
	{"x\x1b[31mmerah\x1b[0m", "xmerah", "xmerah"},
	{"a\u009b2Jb", "ab", "ab"},              // 8-bit CSI
	{"a\u009d52;c;eA==\u009cb", "ab", "ab"}, // 8-bit OSC and ST
	{"a\x1bPq#0\x1b\\b", "ab", "ab"},        // DCS (sixel)
	{"a\x1b(Bb\x1bcc", "abc", "abc"},
	{"baris1\nbaris2\tx\r\x00\x7f", "baris1\nbaris2\tx", "baris1 baris2 x"},
	{"tagihan\u202Efdp.exe", "tagihanfdp.exe", "tagihanfdp.exe"}, // right-to-left override
	{"\u2066a\u2069", "a", "a"},
	{"a\x1b]0;judul\nb", "a\nb", "a b"}, // unterminated OSC stops at the line end
	{"\xff\xfeok", "\uFFFDok", "\uFFFDok"},
	{"\x1b", "", ""},
	{"Dinas Komunikasi — Ñ 日本", "Dinas Komunikasi — Ñ 日本", "Dinas Komunikasi — Ñ 日本"},
}

func TestInertText(t *testing.T) {
	for _, c := range inertCases {
		if got := assessment.InertText(c.in); got != c.text {
			t.Errorf("InertText(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := assessment.InertLine(c.in); got != c.line {
			t.Errorf("InertLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

// FuzzInertText checks the promise of InertText and InertLine for any
// input: valid UTF-8 out, no ESC, no C0 control but newline and tab
// (none in a line), no DEL, C1 or bidi override, and idempotence.
//
//	go test ./assessment -run '^$' -fuzz FuzzInertText -fuzztime 15s
func FuzzInertText(f *testing.F) {
	for _, c := range inertCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, multi := range []bool{true, false} {
			fn := assessment.InertLine
			if multi {
				fn = assessment.InertText
			}
			out := fn(s)
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 from %q: %q", s, out)
			}
			if i := strings.IndexFunc(out, func(r rune) bool { return !inertRune(r, multi) }); i >= 0 {
				t.Fatalf("%q → %q keeps %U", s, out, []rune(out[i:])[0])
			}
			if again := fn(out); again != out {
				t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
			}
		}
	})
}

func inertRune(r rune, multiline bool) bool {
	switch {
	case r == '\n' || r == '\t':
		return multiline
	case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return false
	}
	return true
}
