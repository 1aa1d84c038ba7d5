//go:build unix

package feedback

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// TestReadFileRefusesFIFOAndFolder (issue 11, class 11).
func TestReadFileRefusesFIFOAndFolder(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "UMPAN_BALIK.spbe-feedback")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, p := range []string{fifo, dir} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(p); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, infile.ErrNotRegular) {
				t.Errorf("%s: %v", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still blocked after 5 s", p)
		}
	}
}
