package assessment

import (
	"strings"
	"unicode/utf8"
)

// InertText returns s with everything a terminal would act on removed, so
// text that arrived from outside (a bundle, a feedback file, a stick's
// file names) can be printed without the terminal obeying it: escape
// sequences (CSI such as ESC [ 2 J, OSC such as the ESC ] 52 clipboard
// write, DCS/SOS/PM/APC strings, and their 8-bit C1 forms) are dropped
// whole, every other C0 and C1 control and DEL is dropped, and so are the
// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
// that make a name read differently from its bytes. Newline and tab are
// kept. Invalid UTF-8 becomes U+FFFD. The result holds none of these, so
// InertText is idempotent.
func InertText(s string) string { return inert(s, true) }

// InertLine is InertText for one-line fields (names, file names): newline
// and tab become a space too, so a name cannot start a line of its own
// that looks like the program's verdict.
func InertLine(s string) string { return inert(s, false) }

const (
	esc    = 0x1b
	c1CSI  = 0x9b
	c1ST   = 0x9c
	c1OSC  = 0x9d
	c1DCS  = 0x90
	c1SOS  = 0x98
	c1PM   = 0x9e
	c1APC  = 0x9f
	bel    = 0x07
	asciiD = 0x7f
)

func inert(s string, multiline bool) string {
	if isInert(s, multiline) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == esc:
			i += escLen(s[i:])
			continue
		case r == c1CSI:
			i += n + csiLen(s[i+n:])
			continue
		case r == c1OSC || r == c1DCS || r == c1SOS || r == c1PM || r == c1APC:
			i += n + stringLen(s[i+n:])
			continue
		case r == '\n' || r == '\t':
			if !multiline {
				r = ' '
			}
			b.WriteRune(r)
		case !dropped(r):
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isInert is the fast path: most text has nothing to remove.
func isInert(s string, multiline bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || dropped(r) || (!multiline && (r == '\n' || r == '\t')) {
			return false
		}
	}
	return true
}

// dropped reports a rune removed wherever it stands: C0 controls other
// than newline and tab, DEL, C1 controls and the bidi overrides.
func dropped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || (r >= asciiD && r <= c1APC):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// escLen is the length of the escape sequence at the start of s (s[0] is
// ESC), as ECMA-48 delimits it; a lone ESC is 1.
func escLen(s string) int {
	if len(s) < 2 {
		return 1
	}
	switch c := s[1]; {
	case c == '[':
		return 2 + csiLen(s[2:])
	case strings.IndexByte("]PX^_", c) >= 0: // OSC, DCS, SOS, PM, APC
		return 2 + stringLen(s[2:])
	case c >= 0x20 && c <= 0x7e:
		return 1 + nfLen(s[1:])
	}
	return 1
}

// nfLen is the length of intermediate bytes and one final byte at the
// start of s (ESC ( B, ESC c).
func nfLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
		n++
	}
	return n
}

// csiLen is the length of a control sequence's parameters, intermediates
// and final byte at the start of s; it stops at anything else, which is
// then judged on its own.
func csiLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x3f {
		n++
	}
	if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
		n++
	}
	return n
}

// stringLen is the length of a control string (OSC, DCS …) at the start
// of s up to and including its terminator (BEL, ESC \ or ST). A string
// without one ends at the next newline (kept) or at the end of s, where
// a terminal would still be swallowing it.
func stringLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == bel:
			return i + 1
		case s[i] == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == c1ST:
			return i + 2
		case s[i] == '\n':
			return i
		}
	}
	return len(s)
}
