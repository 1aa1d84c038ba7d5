package clitest_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// fixtureCatalog is the storage package's 4-indicator test catalog.
const fixtureCatalog = "../testdata/catalog.json"

// baseLibrary stands in for the embedded catalogs.
func baseLibrary() (*assessment.Library, error) {
	b, err := os.ReadFile(fixtureCatalog)
	if err != nil {
		return nil, err
	}
	c, err := assessment.ParseCatalog("embedded:catalog.json", b)
	if err != nil {
		return nil, err
	}
	lib := &assessment.Library{}
	return lib, lib.Add(c, assessment.OriginEmbedded, "catalog.json")
}

// openServices is main's (wiring_gui.go) on the test catalog: the folder with
// its real ports; imported catalogs that do not load are skipped quietly.
func openServices(dir string) (*cli.Services, error) {
	return opdsvc.OpenFolder(dir, baseLibrary, io.Discard)
}

// result is one command's outcome.
type result struct {
	code           int
	stdout, stderr string
}

// run executes the command line with SPBE_MANDIRI_DATA unset.
func run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Library: baseLibrary, Services: openServices, Output: storage.OutputFiles{},
	}
	code := cli.Run(env, args)
	return result{code, out.String(), errb.String()}
}

// mustRun fails the test unless the command exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// writeFile creates a file in a temporary folder.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func initData(t *testing.T) string {
	t.Helper()
	t.Setenv(storage.EnvDataDir, "")
	dir := t.TempDir()
	mustRun(t, "--data", dir, "init", "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", "DISKOMINFO",
		"--opd-nama", "Dinas Komunikasi dan Informatika", "--operator", "Rina")
	return dir
}

func newAssessment(t *testing.T, dir string) string {
	t.Helper()
	return strings.TrimSpace(mustRun(t, "assessment", "new", "--catalog", "uji-minimal", "--periode", "2025", "--data", dir))
}

// openRealServices is main's openServices (wiring_gui.go): the data folder
// on the embedded catalogs, warnings on the process's stderr. The GUI's
// app.Deps.Open is the same function.
func openRealServices(dir string) (*cli.Services, error) {
	return opdsvc.OpenFolder(dir, assets.Library, os.Stderr)
}

// openAsesorGUI is main's openAsesor (wiring_asesor.go), which is both
// cli.Env.OpenAsesor and the GUI's app.Deps.OpenAsesor.
var openAsesorGUI = asesorsvc.Opener(assets.Library)

// realEnv is main's cliEnv() (wiring_gui.go) with the given streams: the
// embedded catalogs and every port main wires. Keep it one cli.Env literal
// with the same fields: the root's TestCLIEnvMatchesClitest reads this
// function's source and compares its field set with cliEnv()'s.
func realEnv(stdin io.Reader, stdout, stderr io.Writer) *cli.Env {
	return &cli.Env{
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Library:      assets.Library,
		Services:     openRealServices,
		Keys:         opdkeys.Files{},
		Verifier:     export.Verifier{},
		ReadPassword: cli.TerminalPassword,
		Output:       storage.OutputFiles{},
		OpenAsesor:   openAsesorGUI,
		Sync:         &cli.SyncDeps{Outbox: syncsvc.OPD{}, Feedback: syncsvc.Relay{}},
	}
}

// runCLI runs the real command line (real store, real PDFs, embedded
// catalogs) with a passphrase on stdin for --passphrase-file -.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := realEnv(strings.NewReader("rahasia-yang-panjang\n"), &out, &errOut)
	code := cli.Run(env, args)
	return code, out.String(), errOut.String()
}

// mustCLI runs the real command line and fails the test on a non-zero exit.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errOut)
	}
	return out
}
