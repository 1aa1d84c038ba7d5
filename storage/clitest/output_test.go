package clitest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
)

// fakePDF stands in for the rendered report and key form (package main
// renders the real ones); what matters here is where it may be written.
var fakePDF = []byte("%PDF-1.7 laporan uji\n")

// runPrint runs a command that writes a PDF.
func runPrint(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Library: baseLibrary, Output: storage.OutputFiles{},
		Keys: opdkeys.Files{},
		Services: func(dir string) (*cli.Services, error) {
			svc, err := openServices(dir)
			if svc != nil {
				svc.Export = fakePrint{}
			}
			return svc, err
		},
	}
	code := cli.Run(env, args)
	return result{code, out.String(), errb.String()}
}

// fakePrint renders fakePDF for the report and the key form.
type fakePrint struct{ assessment.OPDExport }

func (fakePrint) DraftReport(context.Context, string) ([]byte, error) { return fakePDF, nil }
func (fakePrint) KeyForm(context.Context) ([]byte, error)             { return fakePDF, nil }

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Class 1 of issue 11: `report --out DATA/spbe-mandiri.db` and `key form
// DATA/keys/<key file>` used to replace the database and the private
// signing key with a PDF and exit 0. Every output path inside the data
// folder is refused — with --force too, and through a symlink — and the
// file keeps its bytes.
func TestOutputIntoDataFolderRefused(t *testing.T) {
	dir := initData(t)
	id := newAssessment(t, dir)
	kd := keys.Open(dir)
	if _, err := kd.Create([]byte("frasa sandi uji yang panjang"), time.Now()); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "spbe-mandiri.db")
	passFile := writeFile(t, "frasa.txt", []byte("frasa sandi uji yang panjang\n"))
	link := filepath.Join(t.TempDir(), "tautan")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		target string // the file that must stay as it is
		args   []string
	}{
		{db, []string{"report", "--assessment", id, "--out", db}},
		{db, []string{"report", "--assessment", id, "--out", db, "--force"}},
		{db, []string{"report", "--assessment", id, "--out", filepath.Join(link, "spbe-mandiri.db"), "--force"}},
		{kd.KeyPath(), []string{"key", "form", kd.KeyPath()}},
		{kd.KeyPath(), []string{"key", "form", "--force", kd.KeyPath()}},
		{kd.KeyPath(), []string{"key", "form", filepath.Join(link, "keys", filepath.Base(kd.KeyPath())), "--force"}},
		{db, []string{"backup", "--out", db, "--force"}},
		{kd.KeyPath(), []string{"key", "export-public", kd.KeyPath(), "--force"}},
		{kd.KeyPath(), []string{"key", "backup", kd.KeyPath(), "--force", "--passphrase-file", passFile}},
	} {
		before := mustRead(t, c.target)
		r := runPrint(t, append(c.args, "--data", dir)...)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, "tidak menulis ke folder data SPBE Mandiri") {
			t.Errorf("%v: exit %d, %q", c.args, r.code, r.stderr)
		}
		if !bytes.Equal(mustRead(t, c.target), before) {
			t.Fatalf("%v changed %s", c.args, c.target)
		}
	}
	// New files inside the data folder are refused too; nothing is left.
	for _, out := range []string{filepath.Join(dir, "laporan.pdf"), filepath.Join(dir, "keys", "formulir.pdf")} {
		if r := runPrint(t, "report", "--assessment", id, "--out", out, "--data", dir); r.code != cli.ExitError {
			t.Errorf("%s: exit %d", out, r.code)
		}
		if _, err := os.Lstat(out); err == nil {
			t.Errorf("%s written", out)
		}
	}
	// The data folder still works: the key unlocks, the store opens.
	if _, err := kd.Unlock([]byte("frasa sandi uji yang panjang")); err != nil {
		t.Fatalf("key after refused writes: %v", err)
	}
	mustRun(t, "assessment", "show", id, "--data", dir)
}

// An existing file outside the data folder is kept unless --force.
func TestOutputExistingFileNeedsForce(t *testing.T) {
	dir := initData(t)
	id := newAssessment(t, dir)
	out := writeFile(t, "laporan.pdf", []byte("laporan lama yang sudah ditandatangani"))
	if _, err := keys.Open(dir).Create([]byte("frasa sandi uji yang panjang"), time.Now()); err != nil {
		t.Fatal(err)
	}
	passFile := writeFile(t, "frasa.txt", []byte("frasa sandi uji yang panjang\n"))
	for _, args := range [][]string{
		{"report", "--assessment", id, "--out", out},
		{"key", "form", out},
		{"backup", "--out", out},
		{"key", "export-public", out},
		{"key", "backup", out, "--passphrase-file", passFile},
	} {
		r := runPrint(t, append(args, "--data", dir)...)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, "sudah ada; tambahkan --force untuk menimpanya") {
			t.Errorf("%v: exit %d %q", args, r.code, r.stderr)
		}
		if got := string(mustRead(t, out)); got != "laporan lama yang sudah ditandatangani" {
			t.Fatalf("%v replaced the file: %q", args, got)
		}
	}
	if r := runPrint(t, "report", "--assessment", id, "--out", out, "--force", "--data", dir); r.code != cli.ExitOK {
		t.Fatalf("--force: %d %q", r.code, r.stderr)
	}
	if !bytes.Equal(mustRead(t, out), fakePDF) {
		t.Fatal("--force did not replace the file")
	}
	if r := runPrint(t, "key", "backup", out, "--force", "--passphrase-file", passFile, "--data", dir); r.code != cli.ExitOK {
		t.Fatalf("key backup --force: %d %q", r.code, r.stderr)
	}
	if _, err := keys.Open(t.TempDir()).Restore(mustRead(t, out), []byte("frasa sandi uji yang panjang"), false); err != nil {
		t.Fatalf("the key backup written with --force does not restore: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}
