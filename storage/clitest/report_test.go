package clitest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/pdftest"
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
	pdftest.AssertText(t, pdf, "belum diekspor", "DISKOMINFO")

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
	pdftest.AssertText(t, form, "FORMULIR PENDAFTARAN KUNCI", "DISKOMINFO")

	// An unknown assessment is named and leaves no file behind.
	bad := filepath.Join(dir, "tidak-ada.pdf")
	if code, _, e := runCLI(t, "report", "--data", data, "--assessment", "tidak-ada", "--out", bad); code != cli.ExitError || !strings.Contains(e, "tidak-ada") {
		t.Fatalf("unknown assessment: %d %q", code, e)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Fatalf("a failed report left a file: %v", err)
	}
}
