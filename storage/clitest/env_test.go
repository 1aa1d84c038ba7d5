package clitest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
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

// openServices mirrors wiring.go in package main.
func openServices(dir string) (*cli.Services, error) {
	db, err := storage.Open(dir, storage.TolerateCorrupt())
	if err != nil {
		return nil, err
	}
	lib, err := baseLibrary()
	if err == nil {
		_, err = cli.LoadImportedCatalogs(context.Background(), lib, db)
		var ce *storage.CorruptError
		if errors.As(err, &ce) {
			err = nil
		}
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &cli.Services{DataDir: db.Dir(), Store: db, Library: lib}, nil
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
