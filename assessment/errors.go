package assessment

import (
	"errors"
	"fmt"
	"strings"
)

// Problem is one thing wrong in a catalog, located by a JSON-path-like Path
// such as "indicators[3].levels.5.criterion".
type Problem struct {
	Path string
	Msg  string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Msg
	}
	return p.Path + ": " + p.Msg
}

// ValidationError lists every problem found in one catalog file.
type ValidationError struct {
	File     string
	Problems []Problem
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "katalog %s tidak valid (%d masalah):", e.File, len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.String())
	}
	return b.String()
}

// ErrNotFound is returned when a catalog, assessment, answer or evidence
// does not exist.
var ErrNotFound = errors.New("tidak ditemukan")

// InputError is a problem with values a user supplied (an unknown
// indicator, a level outside 1–5); its message is meant for the user.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, a ...any) error { return &InputError{Msg: fmt.Sprintf(format, a...)} }

// ErrWrongPassphrase is returned, wrapped, by every key store when a
// passphrase does not open a signing key or its backup. The GUI and CLI
// recognise it with errors.Is to add advice (case, keyboard layout, the
// key backup) to the bare "frasa sandi salah".
var ErrWrongPassphrase = errors.New("frasa sandi salah")
