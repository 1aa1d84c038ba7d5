//go:build unix

package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// TestNonRegularInputsRefused (issue 11, class 11): a FIFO or a folder
// given as catalog, passphrase file, score input or backup archive is
// refused at once with a message — the command returns long before the
// deadline, so it was refused, not timed out. Before, the FIFO blocked
// the open forever.
func TestNonRegularInputsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "masukan")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, p := range []string{fifo, dir} {
		for _, args := range [][]string{
			{"catalog", "validate", p},
			{"catalog", "import", p},
			{"score", "--catalog", "spbe-2020", p},
			{"key", "init", "--passphrase-file", p},
			{"restore", p},
		} {
			code, errs, took := runDeadline(t, args)
			if took > 2*time.Second || code != ExitError || !strings.Contains(errs, "bukan berkas biasa") {
				t.Errorf("%q: exit %d after %v: %s", args, code, took, errs)
			}
		}
	}
}

// runDeadline runs the command in a goroutine and gives up after 5 s.
func runDeadline(t *testing.T, args []string) (int, string, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	fake := newFakeDeps(false)
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Library: assets.Library,
		Keys: &fake.keyFuncs, Verifier: &fake.keyFuncs,
		Services: func(string) (*Services, error) {
			return &Services{DataDir: t.TempDir(), Store: closeOnly{}}, nil
		}}
	start := time.Now()
	done := make(chan int, 1)
	go func() { done <- Run(env, args) }()
	select {
	case code := <-done:
		return code, errb.String(), time.Since(start)
	case <-ctx.Done():
		t.Fatalf("%q: still blocked after 5 s", args)
		return 0, "", 0
	}
}
