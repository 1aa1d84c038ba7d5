// Package sqlitedb is the one SQLite setup of SPBE Mandiri's two local
// databases, the OPD store (storage, spbe-mandiri.db) and the assessor's
// workspace (storage/asesor, asesor.db): the folder lock, the header check
// made before SQLite touches a file (so refusing a file never writes to
// it), the DSN and its pragmas, quick_check, WAL, and the migration runner
// (numbered embedded NNNN_name.sql, each applied in one transaction
// together with PRAGMA user_version and application_id; a database with a
// newer user_version than the code knows is refused, left untouched).
//
// A new database is created complete under a temporary name and renamed
// into place, so a database file that exists but is empty or cut short is
// always damage, never a new installation.
package sqlitedb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// NewDBPrefix names a database being created; Open's caller holds the
// folder lock, so one left by a crash is removed at the next creation.
const NewDBPrefix = ".baru-"

// Options say how Open treats the file.
type Options struct {
	// Synchronous is the synchronous pragma, "" = FULL (see the storage
	// package documentation; NORMAL only in benchmarks that compare).
	Synchronous string
	// MapError turns a failure met while opening into the caller's typed
	// error (a full disk …); an error it returns unchanged is reported as
	// "basis data … tidak dapat dibuka". nil maps nothing.
	MapError func(error) error
}

// Open opens (creating if needed) the database file path whose
// application id is appID and migrates it through ms. It refuses, leaving
// the file untouched, a database of a newer version (*NewerDatabaseError)
// or of another program (*ForeignDatabaseError); a damaged one gives a
// *CorruptError, a failed migration a *MigrationError. The caller holds the
// folder's lock (LockFolder). One connection: SQLite has one writer anyway,
// and a single connection keeps the per-connection pragmas and ordering
// simple.
func Open(ctx context.Context, path string, appID int64, ms []Migration, opt Options) (*sql.DB, error) {
	if opt.Synchronous == "" {
		opt.Synchronous = "FULL"
	}
	o := opener{path: path, appID: appID, ms: ms, opt: opt}
	return o.open(ctx)
}

type opener struct {
	path  string
	appID int64
	ms    []Migration
	opt   Options
}

func (o *opener) open(ctx context.Context) (*sql.DB, error) {
	hdr, err := ReadHeader(o.path)
	if err == nil && !hdr.Exists {
		err = o.create(ctx)
		if err == nil {
			hdr, err = ReadHeader(o.path)
		}
	}
	if err != nil {
		return nil, err
	}
	// An all-zero header may still be a fresh database; prepare decides
	// that by counting tables. A stale header (changes still in the WAL)
	// is checked again there as well.
	if hdr.Exists && (hdr.AppID != 0 || hdr.UserVersion != 0) {
		if err := CheckIdentity(o.path, o.appID, hdr.AppID, hdr.UserVersion, len(o.ms), false); err != nil {
			return nil, err
		}
	}
	pool, err := sql.Open("sqlite", DSN(o.path, o.opt.Synchronous))
	if err != nil {
		return nil, err
	}
	pool.SetMaxOpenConns(1)
	pool.SetMaxIdleConns(1)
	pool.SetConnMaxLifetime(0)
	if err := o.prepare(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}

// prepare verifies identity and integrity, switches to WAL and migrates.
func (o *opener) prepare(ctx context.Context, pool *sql.DB) error {
	var gotID int64
	var version, tables int
	err := pool.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&gotID, &version, &tables)
	if err != nil {
		return o.fail(err)
	}
	if err := CheckIdentity(o.path, o.appID, gotID, version, len(o.ms), tables == 0); err != nil {
		return err
	}
	if err := QuickCheck(ctx, pool, o.path); err != nil {
		return err
	}
	var mode string
	if err := pool.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return o.fail(err)
	}
	if err := Migrate(ctx, pool, o.ms, version, o.appID); err != nil {
		return o.fail(err)
	}
	return nil
}

// create creates the database file complete: migrated under a temporary
// name, fsynced, and renamed into place. The live name therefore never
// holds an empty or half-initialised file.
func (o *opener) create(ctx context.Context) error {
	dir := filepath.Dir(o.path)
	old, _ := filepath.Glob(filepath.Join(dir, NewDBPrefix+"*"))
	for _, p := range old {
		os.Remove(p)
	}
	tmp := filepath.Join(dir, NewDBPrefix+randomHex()+".db")
	defer os.Remove(tmp) // no-op after the rename
	pool, err := sql.Open("sqlite", DSN(tmp, "FULL"))
	if err != nil {
		return err
	}
	pool.SetMaxOpenConns(1)
	err = Migrate(ctx, pool, o.ms, 0, o.appID)
	if cerr := pool.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, o.path)
	}
	if err == nil {
		err = atomicfile.SyncDir(dir)
	}
	if err != nil {
		return o.fail(err)
	}
	return nil
}

// fail maps errors met while opening; unknown I/O failures name the file.
func (o *opener) fail(err error) error {
	if IsCorrupt(err) {
		return &CorruptError{Path: o.path, Detail: err.Error()}
	}
	if o.opt.MapError != nil {
		if m := o.opt.MapError(err); m != err { //nolint:errorlint // identity: did MapError replace err?
			return m
		}
	}
	var me *MigrationError
	if errors.As(err, &me) {
		return err
	}
	return fmt.Errorf("basis data %s tidak dapat dibuka: %w", o.path, err)
}

// QuickCheck runs PRAGMA quick_check (a few milliseconds for a database of
// a few MB, which these are: evidence lives in files).
func QuickCheck(ctx context.Context, pool *sql.DB, path string) error {
	var res string
	if err := pool.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		if IsCorrupt(err) {
			return &CorruptError{Path: path, Detail: err.Error()}
		}
		return err
	}
	if res != "ok" {
		return &CorruptError{Path: path, Detail: res}
	}
	return nil
}

// DSN builds the connection string. The pragmas apply to every pooled
// connection.
func DSN(path, synchronous string) string {
	return FileURI(path) + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=synchronous(" + synchronous + ")&_txlock=immediate"
}

// ReadOnlyDSN opens a database file without writing to it.
func ReadOnlyDSN(path string) string { return FileURI(path) + "?mode=ro" }

// FileURI escapes path as an SQLite URI ("file:/C:/…" on Windows).
func FileURI(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	p := u.EscapedPath()
	if len(p) > 0 && p[0] != '/' {
		p = "/" + p
	}
	return "file:" + p
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func randomHex() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24)
	return hex.EncodeToString(b[:])
}
