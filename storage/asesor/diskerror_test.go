package asesor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

type ioErr int

func (e ioErr) Error() string { return fmt.Sprintf("disk I/O error (%d)", int(e)) }
func (e ioErr) Code() int     { return int(e) }

// TestWorkspaceErrorsSayWhatHappened (issue 11, class 13): the workspace
// maps SQLite's I/O errors like the OPD store does — no "disk I/O error
// (4874)" — and a CHECK constraint the schema enforces becomes an input
// error, not SQLite's "CHECK constraint failed" text.
func TestWorkspaceErrorsSayWhatHappened(t *testing.T) {
	w := openWS(t)
	err := w.classify(fmt.Errorf("commit: %w", ioErr(4874)))
	var ioe *storage.DiskIOError
	var full *storage.DiskFullError
	if !errors.As(err, &ioe) && !errors.As(err, &full) || strings.Contains(err.Error(), "4874") {
		t.Fatalf("I/O error: %v", err)
	}
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO opd_key (keyid, public_key, fingerprint, status, source, first_seen) VALUES (?, ?, 'x', 'bogus', 's', 't')`,
			strings.Repeat("a", 64), make([]byte, 32))
		return err
	})
	var ie *InputError
	if !errors.As(err, &ie) || strings.Contains(err.Error(), "CHECK") {
		t.Fatalf("CHECK: %v", err)
	}
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO opd_key (keyid, public_key, status) VALUES (?, ?, 'pending')`, strings.Repeat("b", 64), make([]byte, 32))
		return err
	})
	if !errors.As(err, &ie) || strings.Contains(err.Error(), "NOT NULL") {
		t.Fatalf("NOT NULL: %v", err)
	}
}
