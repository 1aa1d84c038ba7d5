package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

const (
	dbFileName  = "spbe-mandiri.db"
	blobDirName = "blobs"
)

// DB is an open data folder. It implements assessment.Store. Methods are
// safe for concurrent use; writes are serialised (one writer).
type DB struct {
	dir  string
	path string
	cfg  config
	lock *sqlitedb.Lock

	mu     sync.RWMutex // writers, Restore and Close take it exclusively
	sql    *sql.DB
	broken error // set in restore-only mode (TolerateCorrupt)
}

var _ assessment.Store = (*DB)(nil)

// Open opens (creating if needed) the data folder dir ("" = ResolveDataDir
// default), takes its lock, and brings the database to the current schema.
// It refuses, leaving the file untouched, a database of a newer version
// (*NewerDatabaseError) or of another program (*ForeignDatabaseError); a
// damaged one gives a *CorruptError; a folder open elsewhere a *LockedError.
func Open(dir string, opts ...Option) (*DB, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	dir, err := ResolveDataDir(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("folder data %s tidak dapat dibuat: %w", dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	db := &DB{dir: dir, path: filepath.Join(dir, dbFileName), cfg: cfg, lock: lock}
	// A restore cut short is finished or rolled back before anything else
	// looks at the folder, and only then are leftovers removed: until the
	// journal is settled the staging folder may hold the only copy.
	err = db.recoverRestore()
	if err == nil {
		db.removeLeftovers()
		err = db.checkDatabasePresent()
	}
	if err == nil {
		err = os.MkdirAll(db.blobRoot(), 0o700)
	}
	if err == nil {
		err = db.openSQL(context.Background())
	}
	if err != nil {
		var ce *CorruptError
		if cfg.tolerateCorrupt && errors.As(err, &ce) {
			db.broken = ce
			return db, nil
		}
		_ = lock.Unlock() // the open error is the one to report
		return nil, err
	}
	return db, nil
}

// Dir is the data folder.
func (db *DB) Dir() string { return db.dir }

// openSQL checks the file, opens the pool and migrates, through the one
// SQLite setup the assessor's workspace shares.
func (db *DB) openSQL(ctx context.Context) error {
	pool, err := sqlitedb.Open(ctx, db.path, applicationID, db.cfg.migrations,
		sqlitedb.Options{Synchronous: db.cfg.synchronous, MapError: db.classify})
	if err != nil {
		return err
	}
	db.sql = pool
	return nil
}

// Close checkpoints the WAL into the database file (so that the .db file
// alone is complete when the folder is copied), closes it and releases the
// folder lock.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	var err error
	if db.sql != nil {
		// Best effort: a checkpoint that fails leaves the WAL, which the
		// next open replays; Close reports what matters.
		_, _ = db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		err = db.sql.Close()
		db.sql = nil
	}
	if uerr := db.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}

// conn returns the pool, or the reason it cannot be used. Callers hold mu.
func (db *DB) conn() (*sql.DB, error) {
	if db.broken != nil {
		return nil, db.broken
	}
	if db.sql == nil {
		return nil, errClosed
	}
	return db.sql, nil
}
