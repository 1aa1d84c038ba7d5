//go:build unix

package export

import (
	"context"
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// TestVerifyRefusesFIFOAndFolder (issue 11, class 11): `verify` (and the
// GUI's verify) given a FIFO or a folder as bundle, or a FIFO as public
// key file, refuses at once instead of waiting for a writer.
func TestVerifyRefusesFIFOAndFolder(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "SPBE_X_2026_1.spbe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, c := range [][2]string{{fifo, ""}, {dir, ""}, {filepath.Join(dir, "tidak-ada.spbe"), fifo}} {
		done := make(chan error, 1)
		go func() { _, err := Verify(context.Background(), c[0], c[1]); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, infile.ErrNotRegular) {
				t.Errorf("%q: %v", c, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%q: still blocked after 5 s", c)
		}
	}
}
