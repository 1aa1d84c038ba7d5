//go:build unix

package asesor

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// TestImportFIFORefused (issue 11, class 11): a FIFO named like a bundle
// is a *ditolak* at once, and the good bundle beside it is still imported;
// before, the open waited for a writer forever.
func TestImportFIFORefused(t *testing.T) {
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	dir := t.TempDir()
	good, _ := a.write(t, dir, spec{seq: 1})
	fifo := filepath.Join(dir, "SPBE_X_2026_9.spbe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	done := make(chan []intake.Outcome, 1)
	go func() {
		res, err := w.Import(ctx, []string{fifo, good}, nil)
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		if len(res) != 2 || res[0].Kind != intake.KindRejected || res[0].Code != intake.RejectUnreadable ||
			!strings.Contains(res[0].Reason, "bukan berkas biasa") || res[1].Kind != intake.KindNew {
			t.Fatalf("%+v", res)
		}
	case <-ctx.Done():
		t.Fatal("import of a FIFO still blocked after 5 s")
	}
}
