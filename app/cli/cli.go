// Package cli is the spbe-mandiri command line. It is wired in main.go and
// reaches storage only through the functions in Env, so it builds and tests
// without cgo and without a display.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed (bad input, invalid catalog…)
	ExitUsage = 2 // the command line itself is wrong
	// ExitUnchecked: `verify` without --pubkey found the bundle intact but
	// checked no signer. Not 0, so `verify X && …` never treats an
	// unsigned-for-all-we-know bundle as genuine; not 1, so a script can
	// tell "intact, signer unknown" from "damaged or forged".
	ExitUnchecked = 3
)

// Env is what a command may use; main.go fills it with real implementations
// and tests with temporary ones.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Library returns the catalogs available (embedded plus, once a data
	// folder is open, imported ones).
	Library func() (*assessment.Library, error)
	// Services opens the data folder dir ("" = default) for commands that
	// need stored data. Set by main.go; nil in catalog-only tests.
	Services func(dir string) (*Services, error)
	// Keys is the signing key files of the `key` commands (the OPD's, or
	// with --asesor the assessor's); the export makes the first OPD key
	// through it.
	Keys assessment.KeyFiles
	// Verifier checks a bundle from anyone (`verify`).
	Verifier assessment.BundleVerifier
	// ReadPassword prompts on the terminal without echo; it fails when
	// standard input is not a terminal. nil: no prompting.
	ReadPassword func(prompt string) ([]byte, error)
	// OpenAsesor opens the assessor's workspace <data>/asesor of the data
	// folder dir ("" = default); each assessor command opens it once and
	// closes it (asesor_deps.go). Set by main.go; nil: no assessor commands.
	OpenAsesor func(dir string) (asesorport.Workspace, error)
	Output     assessment.OutputFiles // every file a command writes for the user (output.go)
	Sync       *SyncDeps              // the outbox to the collection server (sync.go)
}

// command is one subcommand; each lives in its own file and registers
// itself in init so files do not collide.
type command struct {
	name    string
	summary string // one line for the usage text, Bahasa Indonesia / English
	run     func(env *Env, args []string) int
}

var commands = map[string]command{}

func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("duplicate command " + c.name)
	}
	commands[c.name] = c
}

// usageError marks an error in the command line (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// GUIRequest reports whether args ask for the desktop app rather than a
// subcommand — no arguments, or only `--data DIR` — and the data folder.
func GUIRequest(args []string) (dataDir string, ok bool) {
	rest, dir, err := splitGlobalData(args)
	if err != nil || len(rest) > 0 {
		return "", false
	}
	return dir, true
}

// Run executes the command line args (without the program name) and returns
// the exit code.
func Run(env *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		Usage(env.Stdout)
		return ExitOK
	}
	rest, dataDir, err := splitGlobalData(args)
	if err != nil {
		return fail(env, err)
	}
	c, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "perintah tidak dikenal: %q\n\n", rest[0])
		Usage(env.Stderr)
		return ExitUsage
	}
	sub := rest[1:]
	if dataDir != "" {
		sub = append([]string{"--data", dataDir}, sub...)
	}
	out, errOut := newInertWriter(env.Stdout), newInertWriter(env.Stderr)
	defer out.flush()
	defer errOut.flush()
	inert := *env
	inert.Stdout, inert.Stderr = out, errOut
	return c.run(&inert, sub)
}

// splitGlobalData accepts --data DIR before the subcommand, so both
// `spbe-mandiri --data D answer …` and `spbe-mandiri answer --data D …` work.
func splitGlobalData(args []string) (rest []string, dir string, err error) {
	for len(args) > 0 && strings.HasPrefix(args[0], "--data") {
		if v, ok := strings.CutPrefix(args[0], "--data="); ok {
			dir, args = v, args[1:]
			continue
		}
		if args[0] != "--data" {
			break
		}
		if len(args) < 2 {
			return nil, "", usagef("--data memerlukan nama folder")
		}
		dir, args = args[1], args[2:]
	}
	return args, dir, nil
}

// fail prints err and maps it to an exit code.
func fail(env *Env, err error) int {
	fmt.Fprintln(env.Stderr, "galat:", err)
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(env.Stderr, "lihat `spbe-mandiri help`")
		return ExitUsage
	}
	return ExitError
}

// Usage writes the command reference.
func Usage(w io.Writer) {
	fmt.Fprintln(w, `SPBE Mandiri — penilaian mandiri SPBE / Indeks Pemdi untuk OPD, luring.
SPBE Mandiri — offline self-assessment of SPBE / Indeks Pemdi for regional government units.

Pemakaian / usage:
  spbe-mandiri                      membuka aplikasi desktop / opens the desktop app
  spbe-mandiri [--data DIR] PERINTAH [opsi]

Perintah / commands:`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, `
Folder data / data folder: --data DIR, atau variabel SPBE_MANDIRI_DATA; bawaan di folder pengguna.
Kode keluar / exit codes: 0 berhasil, 1 gagal, 2 salah pemakaian, 3 verify: bundel utuh tetapi penanda tangan tidak diperiksa (tanpa --pubkey).`)
}

// Main is the entry point used by main.go.
func Main(env *Env) int { return Run(env, os.Args[1:]) }
