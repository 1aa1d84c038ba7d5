package storage

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
)

// Environment of the restore crash test's child process.
const (
	restoreChildEnv   = "SPBE_RESTORE_CHILD_DIR" // data folder
	restoreArchiveEnv = "SPBE_RESTORE_ARCHIVE"   // backup to restore with --force; "" = only open (recover)
	restoreKillEnv    = "SPBE_RESTORE_KILL_AT"   // kill itself at this step (1 = first); 0 = never
)

// restoreChild opens the folder (recovering an interrupted restore) and
// restores the archive, killing itself with SIGKILL right after step
// number SPBE_RESTORE_KILL_AT of the restore machinery. When it gets to
// the end without reaching that step it prints "steps N" and exits 0.
func restoreChild(dir string) int {
	killAt, _ := strconv.Atoi(os.Getenv(restoreKillEnv))
	n := 0
	hook := withStepHook(func(step string) {
		if n++; n == killAt {
			fmt.Printf("killed after %d %s\n", n, step)
			p, _ := os.FindProcess(os.Getpid())
			p.Kill()
			select {}
		}
	})
	db, err := Open(dir, hook)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 3
	}
	defer db.Close()
	if path := os.Getenv(restoreArchiveEnv); path != "" {
		b, err := os.ReadFile(path)
		if err == nil {
			_, err = db.Restore(context.Background(), bytes.NewReader(b), int64(len(b)), true)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "restore:", err)
			return 4
		}
	}
	fmt.Printf("steps %d\n", n)
	return 0
}
