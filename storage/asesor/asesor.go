// Package asesor is the assessor's workspace (Tim Asesor Internal): its own
// SQLite database <data>/asesor/asesor.db with its own application id and
// migrations, a registry of the OPDs' public keys, the bundles imported
// from USB sticks (verified completely with storage/bundle before anything
// is stored, then stored all-or-nothing), their answers, and the evidence
// and reports as content-addressed files in <data>/asesor/blobs. See
// docs/asesor.md.
package asesor

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// ApplicationID marks asesor.db ("SPBA" in ASCII; the OPD store is "SPBE").
const ApplicationID = 0x53504241

// Names inside the data folder.
const (
	DirName      = "asesor"
	DBFileName   = "asesor.db"
	LockFileName = "asesor.lock"
	blobDirName  = "blobs"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Workspace is an open assessor workspace. Methods are safe for concurrent
// use; writes are serialised.
type Workspace struct {
	dir  string
	lock *sqlitedb.Lock
	now  func() time.Time
	lib  *assessment.Library // nil: no known-catalog policy, no recomputed index

	mu  sync.Mutex // serialises imports and registry changes
	sql *sql.DB
}

// Option configures Open.
type Option func(*Workspace)

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option { return func(w *Workspace) { w.now = now } }

// Open opens (creating if needed) the workspace in dir, normally
// <data>/asesor, takes its lock and migrates the database. Errors are the
// storage package's typed ones (*storage.LockedError,
// *storage.NewerDatabaseError, *storage.ForeignDatabaseError,
// *storage.CorruptError).
func Open(dir string, opts ...Option) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(abs, blobDirName), 0o700); err != nil {
		return nil, fmt.Errorf("folder asesor %s tidak dapat dibuat: %w", abs, err)
	}
	lock, err := sqlitedb.LockFolder(abs, LockFileName)
	if err != nil {
		return nil, err
	}
	w := &Workspace{dir: abs, lock: lock, now: time.Now}
	for _, o := range opts {
		o(w)
	}
	w.removeLeftovers()
	pool, err := w.openSQL(context.Background())
	if err != nil {
		_ = lock.Unlock() // the open error is the one to report
		return nil, err
	}
	w.sql = pool
	if err := w.registerStoredCodes(context.Background()); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.recomputeStored(context.Background()); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// openSQL opens asesor.db through the one SQLite setup the OPD store
// shares: header checked before SQLite touches the file, quick_check, WAL,
// synchronous=FULL, foreign keys, one connection, each migration in one
// transaction with its user_version and application_id.
func (w *Workspace) openSQL(ctx context.Context) (*sql.DB, error) {
	ms, err := sqlitedb.ParseMigrations(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	return sqlitedb.Open(ctx, filepath.Join(w.dir, DBFileName), ApplicationID, ms, sqlitedb.Options{MapError: w.classify})
}

// Dir is the workspace folder.
func (w *Workspace) Dir() string { return w.dir }

// Close checkpoints the WAL, closes the database and releases the lock.
func (w *Workspace) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var err error
	if w.sql != nil {
		// Best effort: a checkpoint that fails leaves the WAL, which the
		// next open replays; Close reports what matters.
		_, _ = w.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		err = w.sql.Close()
		w.sql = nil
	}
	if uerr := w.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}

var errClosed = errors.New("ruang kerja asesor sudah ditutup")

func (w *Workspace) db() (*sql.DB, error) {
	if w.sql == nil {
		return nil, errClosed
	}
	return w.sql, nil
}

// write runs fn in one IMMEDIATE transaction. Callers hold mu.
func (w *Workspace) write(ctx context.Context, fn func(*sql.Tx) error) error {
	pool, err := w.db()
	if err != nil {
		return err
	}
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return w.classify(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return w.classify(err)
	}
	return w.classify(tx.Commit())
}

func (w *Workspace) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case sqlitedb.IsCorrupt(err):
		return &storage.CorruptError{Path: filepath.Join(w.dir, DBFileName), Detail: err.Error()}
	case storage.IsValueConstraint(err):
		return &InputError{Msg: "nilai ditolak basis data asesor (di luar batas yang diizinkan); tidak ada yang diubah"}
	}
	return storage.DiskError(w.dir, err)
}

// timeLayout stores times as sortable UTC text with fixed-width fractions.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func (w *Workspace) nowText() string { return w.now().UTC().Format(timeLayout) }

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339Nano, s.String)
	return t
}

// removeLeftovers deletes unfinished blob files a crash left behind. Only
// the lock holder calls it.
func (w *Workspace) removeLeftovers() { w.blobs().RemoveTemps() }
