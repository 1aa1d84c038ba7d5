//go:build unix

package keys

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// TestReadPublicRefusesFIFO (issue 11, class 11): a FIFO given as key
// file (keys add, verify --pubkey, feedback trust) is refused at once.
func TestReadPublicRefusesFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "KUNCI_PUBLIK_X.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadPublic(fifo); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, infile.ErrNotRegular) {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still blocked after 5 s")
	}
}
