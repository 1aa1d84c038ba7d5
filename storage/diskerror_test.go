package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// sqliteErr stands in for the driver's *sqlite.Error (same Code method).
type sqliteErr int

func (e sqliteErr) Error() string { return fmt.Sprintf("disk I/O error (%d)", int(e)) }
func (e sqliteErr) Code() int     { return int(e) }

const ioErrShmSize = 4874 // SQLITE_IOERR_SHMSIZE, what a full disk gives while the WAL index grows

// TestDiskErrorMapping (issue 11, class 13): an SQLite I/O error on a
// full disk says "disk penuh"; with room left it is a DiskIOError in
// Bahasa Indonesia; neither shows SQLite's "disk I/O error (4874)".
func TestDiskErrorMapping(t *testing.T) {
	old := freeSpace
	t.Cleanup(func() { freeSpace = old })
	wrapped := fmt.Errorf("commit: %w", sqliteErr(ioErrShmSize))

	freeSpace = func(string) (uint64, bool) { return 4096, true }
	err := DiskError("/media/usb", wrapped)
	var full *DiskFullError
	if !errors.As(err, &full) || !strings.Contains(err.Error(), "disk penuh") || strings.Contains(err.Error(), "4874") {
		t.Fatalf("full disk: %v", err)
	}
	if again := DiskError("/media/usb", err); again != err {
		t.Fatalf("mapped twice: %v", again)
	}

	freeSpace = func(string) (uint64, bool) { return 10 << 30, true }
	err = DiskError("/media/usb", wrapped)
	var ioe *DiskIOError
	if !errors.As(err, &ioe) || strings.Contains(err.Error(), "4874") || strings.Contains(err.Error(), "disk penuh") {
		t.Fatalf("I/O error with room: %v", err)
	}
	if err := DiskError("/x", sqliteErr(13)); !errors.As(err, &full) { // SQLITE_FULL
		t.Fatalf("SQLITE_FULL: %v", err)
	}
	plain := errors.New("lain")
	if DiskError("/x", plain) != plain || DiskError("/x", nil) != nil {
		t.Fatal("other errors must pass unchanged")
	}

	db := &DB{dir: "/data"}
	var ie *assessment.InputError
	if err := db.classify(sqliteErr(275)); !errors.As(err, &ie) || strings.Contains(err.Error(), "CHECK") { // SQLITE_CONSTRAINT_CHECK
		t.Fatalf("CHECK: %v", err)
	}
}
