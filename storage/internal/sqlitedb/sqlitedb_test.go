package sqlitedb

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"
)

// The second instance's message names the owner's process: the pid hint
// is readable while the folder is locked. On Windows this needs the
// locked byte to lie outside the hint (LockFileEx locks are mandatory).
func TestLockedErrorNamesOwner(t *testing.T) {
	if lockOffset < pidHintSize || lockOffset >= 1<<63 {
		t.Fatalf("locked byte %#x overlaps the pid hint or is no file offset", lockOffset)
	}
	dir := t.TempDir()
	l, err := LockFolder(dir, "spbe-mandiri.lock")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	_, err = LockFolder(dir, "spbe-mandiri.lock")
	var le *LockedError
	if !errors.As(err, &le) || le.PID != strconv.Itoa(os.Getpid()) {
		t.Fatalf("second lock = %v, want LockedError naming pid %d", err, os.Getpid())
	}
}

// TestOpenEmptyFile: every database opened here (the assessor's
// workspace too) gets the same rule — a 0-byte file is damage, a missing
// one is new.
func TestOpenEmptyFile(t *testing.T) {
	ms, err := ParseMigrations(fstest.MapFS{
		"migrations/0001_init.sql": {Data: []byte("CREATE TABLE t (x INTEGER);")},
	}, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	const appID = 0x41534553
	dir := t.TempDir()
	p := filepath.Join(dir, "ruang.db")
	os.WriteFile(p, nil, 0o600)
	_, err = Open(context.Background(), p, appID, ms, Options{})
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("Open on a 0-byte file = %v, want CorruptError", err)
	}
	if fi, _ := os.Stat(p); fi.Size() != 0 {
		t.Error("the empty file was changed")
	}
	pool, err := Open(context.Background(), filepath.Join(dir, "baru.db"), appID, ms, Options{})
	if err != nil {
		t.Fatalf("Open on a new file: %v", err)
	}
	pool.Close()
}
