//go:build unix

package infile_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// TestRefusesNonRegular (issue 11, class 11): a FIFO without a writer, a
// device and a folder are refused at once; a regular file and a symbolic
// link to one are read.
func TestRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "bundel.spbe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("isi"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "tautan")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, "/dev/zero", dir} {
		done := make(chan error, 1)
		go func() { _, err := infile.ReadFile(p, 1<<20); done <- err }()
		select {
		case err := <-done:
			var nr *infile.NotRegularError
			if !errors.As(err, &nr) || !errors.Is(err, infile.ErrNotRegular) {
				t.Errorf("%s: %v", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still blocked after 5 s", p)
		}
	}
	for _, p := range []string{file, link} {
		if b, err := infile.ReadFile(p, 3); err != nil || string(b) != "isi" {
			t.Errorf("%s: %q %v", p, b, err)
		}
	}
	if _, err := infile.ReadFile(file, 2); err == nil {
		t.Error("over the limit: no error")
	}
}
