package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
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
	lock *dirLock

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
		_ = lock.unlock() // the open error is the one to report
		return nil, err
	}
	return db, nil
}

// Dir is the data folder.
func (db *DB) Dir() string { return db.dir }

// openSQL checks the file, opens the pool and migrates.
func (db *DB) openSQL(ctx context.Context) error {
	pool, err := db.openPool(ctx, db.cfg.migrations, applicationID)
	if err != nil {
		return err
	}
	db.sql = pool
	return nil
}

// openPool checks the file at db.path against appID and the known
// migrations, opens the pool and migrates.
func (db *DB) openPool(ctx context.Context, ms []migration, appID int64) (*sql.DB, error) {
	hdr, err := readHeader(db.path)
	if err == nil && !hdr.exists {
		// A new database is created complete under a temporary name and
		// renamed into place, so a database file that exists but is empty
		// or cut short is always damage, never a new installation.
		err = db.createDatabase(ctx, ms, appID)
		if err == nil {
			hdr, err = readHeader(db.path)
		}
	}
	if err != nil {
		return nil, err
	}
	known := len(ms)
	// An all-zero header may still be a fresh database; prepare decides
	// that by counting tables. A stale header (changes still in the WAL)
	// is checked again there as well.
	if hdr.exists && (hdr.appID != 0 || hdr.userVersion != 0) {
		if err := checkIdentityOf(db.path, appID, hdr.appID, hdr.userVersion, known, false); err != nil {
			return nil, err
		}
	}
	pool, err := sql.Open("sqlite", dsn(db.path, db.cfg.synchronous))
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has one writer anyway, and a single
	// connection keeps the per-connection pragmas and ordering simple.
	pool.SetMaxOpenConns(1)
	pool.SetMaxIdleConns(1)
	pool.SetConnMaxLifetime(0)
	if err := db.prepare(ctx, pool, ms, appID); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}

// prepare verifies identity and integrity, switches to WAL and migrates.
func (db *DB) prepare(ctx context.Context, pool *sql.DB, ms []migration, appID int64) error {
	var gotID int64
	var version, tables int
	err := pool.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&gotID, &version, &tables)
	if err != nil {
		return db.openError(err)
	}
	if err := checkIdentityOf(db.path, appID, gotID, version, len(ms), tables == 0); err != nil {
		return err
	}
	if err := quickCheck(ctx, pool, db.path); err != nil {
		return err
	}
	var mode string
	if err := pool.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return db.openError(err)
	}
	if err := migrateApp(ctx, pool, ms, version, appID); err != nil {
		return db.openError(err)
	}
	return nil
}

// openError maps errors met while opening; unknown I/O failures name the file.
func (db *DB) openError(err error) error {
	if c := db.classify(err); c != err { //nolint:errorlint // identity: did classify replace err?
		return c
	}
	var me *MigrationError
	if errors.As(err, &me) {
		return err
	}
	return fmt.Errorf("basis data %s tidak dapat dibuka: %w", db.path, err)
}

// quickCheck runs PRAGMA quick_check (a few milliseconds for a database of
// a few MB, which this one is: evidence lives in files).
func quickCheck(ctx context.Context, pool *sql.DB, path string) error {
	var res string
	if err := pool.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		if isCorrupt(err) {
			return &CorruptError{Path: path, Detail: err.Error()}
		}
		return err
	}
	if res != "ok" {
		return &CorruptError{Path: path, Detail: res}
	}
	return nil
}

// dsn builds the connection string. The pragmas apply to every pooled
// connection. synchronous=FULL: see the package documentation.
func dsn(path, synchronous string) string {
	return fileURI(path) + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=synchronous(" + synchronous + ")&_txlock=immediate"
}

// dsnReadOnly opens a database file without writing to it.
func dsnReadOnly(path string) string { return fileURI(path) + "?mode=ro" }

// fileURI escapes path as an SQLite URI ("file:/C:/…" on Windows).
func fileURI(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	p := u.EscapedPath()
	if len(p) > 0 && p[0] != '/' {
		p = "/" + p
	}
	return "file:" + p
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
	if uerr := db.lock.unlock(); err == nil {
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
