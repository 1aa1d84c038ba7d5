package clitest_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
)

func TestReportAndKeyFormCommandsWritePrintablePDFs(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	if code, _, e := runCLI(t, "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	code, out, e := runCLI(t, "--data", data, "assessment", "list", "--json")
	if code != 0 {
		t.Fatalf("assessment list: %d %s", code, e)
	}
	id := out[strings.Index(out, `"id": "`)+7:]
	id = id[:strings.Index(id, `"`)]

	pdf := filepath.Join(dir, "laporan.pdf")
	if code, _, e := runCLI(t, "report", "--data", data, "--assessment", id, "--out", pdf); code != 0 {
		t.Fatalf("report: %d %s", code, e)
	}
	assertPDFText(t, pdf, "belum diekspor", "DISKOMINFO")

	// Without a key the form explains how to make one and writes nothing.
	form := filepath.Join(dir, "formulir.pdf")
	if code, _, e := runCLI(t, "key", "form", form, "--data", data); code != cli.ExitError || !strings.Contains(e, "key init") {
		t.Fatalf("key form without key: %d %q", code, e)
	}
	if _, err := os.Stat(form); !os.IsNotExist(err) {
		t.Fatalf("a failed key form left a file: %v", err)
	}
	if code, _, e := runCLI(t, "key", "init", "--data", data, "--passphrase-file", "-"); code != 0 {
		t.Fatalf("key init: %d %s", code, e)
	}
	if code, _, e := runCLI(t, "key", "form", form, "--data", data); code != 0 {
		t.Fatalf("key form: %d %s", code, e)
	}
	assertPDFText(t, form, "FORMULIR PENDAFTARAN KUNCI", "DISKOMINFO")

	// An unknown assessment is named and leaves no file behind.
	bad := filepath.Join(dir, "tidak-ada.pdf")
	if code, _, e := runCLI(t, "report", "--data", data, "--assessment", "tidak-ada", "--out", bad); code != cli.ExitError || !strings.Contains(e, "tidak-ada") {
		t.Fatalf("unknown assessment: %d %q", code, e)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Fatalf("a failed report left a file: %v", err)
	}
}

func assertPDFText(t *testing.T, path string, want ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("%s is not a PDF: %v", path, err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed; text not checked")
		return
	}
	txt, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(string(txt), w) {
			t.Errorf("%s lacks %q", filepath.Base(path), w)
		}
	}
}
