package cli

import (
	"io"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// inertWriter is the one door between the commands and the terminal: Run
// wraps standard output and standard error in it, so no print path can
// hand a justification, note, name or file name from a stick to the
// terminal with its escape sequences (assessment.InertText). JSON output
// keeps its exact values because writeJSON escapes what InertText would
// drop. A multi-byte character split across two writes (csv and
// tabwriter buffer) is held back until it is complete.
type inertWriter struct {
	w     io.Writer
	carry []byte
}

func newInertWriter(w io.Writer) *inertWriter { return &inertWriter{w: w} }

func (iw *inertWriter) Write(p []byte) (int, error) {
	data := append(iw.carry, p...)
	cut := completeRunes(data)
	iw.carry = append([]byte(nil), data[cut:]...)
	if cut == 0 {
		return len(p), nil
	}
	if _, err := io.WriteString(iw.w, assessment.InertText(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush writes a held-back incomplete character (as U+FFFD).
func (iw *inertWriter) flush() {
	if len(iw.carry) > 0 {
		// At exit, after the command's result: a terminal that is gone
		// cannot be told either.
		_, _ = io.WriteString(iw.w, assessment.InertText(string(iw.carry)))
		iw.carry = nil
	}
}

// completeRunes is the length of data without a trailing incomplete UTF-8
// sequence.
func completeRunes(data []byte) int {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				return i
			}
			break
		}
	}
	return len(data)
}
