// Package pdftest holds the tests' check of a written PDF's text. It is
// imported only from _test.go files.
package pdftest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// AssertText fails t unless path is a PDF whose text (pdftotext) holds
// every want. Without poppler-utils only the PDF header is checked: the
// test command installs it, a developer's machine may not have it.
func AssertText(t *testing.T, path string, want ...string) {
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
