package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"
)

// TerminalPassword is the program's Env.ReadPassword: it prompts
// on the terminal (stderr) without echo and refuses when standard input
// is not a terminal, so a script never hangs on a prompt.
func TerminalPassword(prompt string) ([]byte, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil, errors.New("masukan standar bukan terminal")
	}
	fmt.Fprint(os.Stderr, prompt)
	p, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	return bytes.TrimRight(p, "\r\n"), err
}
