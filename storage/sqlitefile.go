package storage

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
)

// Schema describes another SQLite database of the app (the assessor's
// workspace, storage/asesor): its application id and its numbered
// migrations NNNN_name.sql in the folder Dir of Migrations. OpenSQLite
// gives it the same treatment as the OPD store: header checked before
// SQLite touches the file, quick_check, WAL, synchronous=FULL, foreign
// keys, one connection, each migration in one transaction with its
// user_version and application_id.
type Schema struct {
	AppID      int64
	Migrations fs.FS
	Dir        string
}

// OpenSQLite opens (creating if needed) the database file path of schema
// and migrates it. It refuses, leaving the file untouched, a database of a
// newer version (*NewerDatabaseError) or of another program
// (*ForeignDatabaseError); a damaged one gives a *CorruptError. The caller
// holds the folder's lock (LockFolder).
func OpenSQLite(ctx context.Context, path string, schema Schema) (*sql.DB, error) {
	ms, err := parseMigrations(schema.Migrations, schema.Dir)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("storage: no migrations in %s", schema.Dir)
	}
	cfg := defaultConfig()
	cfg.migrations = ms
	db := &DB{dir: filepath.Dir(path), path: path, cfg: cfg}
	return db.openPool(ctx, ms, schema.AppID)
}

// FolderLock is an exclusive, process-wide lock on a folder, like the one
// Open takes on the data folder. The OS drops it when the process dies.
type FolderLock struct{ l *dirLock }

// LockFolder takes the lock file name inside dir, or returns a *LockedError
// when another process holds it.
func LockFolder(dir, name string) (*FolderLock, error) {
	l, err := lockDirNamed(dir, name)
	if err != nil {
		return nil, err
	}
	return &FolderLock{l: l}, nil
}

// Unlock releases the lock.
func (l *FolderLock) Unlock() error {
	if l == nil {
		return nil
	}
	return l.l.unlock()
}

// SyncDir makes a rename or file creation in dir durable.
func SyncDir(dir string) error { return syncDir(dir) }

// IsDiskFull reports a full disk, from SQLite or the OS.
func IsDiskFull(err error) bool { return isDiskFull(err) }

// IsCorrupt reports a damaged database file.
func IsCorrupt(err error) bool { return isCorrupt(err) }

// IsConstraint reports a violated CHECK, FOREIGN KEY, UNIQUE or trigger:
// a problem of the row being written, not of the database.
func IsConstraint(err error) bool { return isConstraint(err) }
