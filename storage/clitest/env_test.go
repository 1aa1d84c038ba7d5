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
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdsvc"
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
