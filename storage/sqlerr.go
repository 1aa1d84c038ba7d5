package storage

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// isCorrupt reports a damaged database file.
func isCorrupt(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB
}

// isDiskFull reports a full disk, from SQLite or the OS.
func isDiskFull(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_FULL || isDiskFullErrno(err)
}

// isConstraint reports a violated CHECK, FOREIGN KEY, UNIQUE or trigger.
func isConstraint(err error) bool { return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT }

// classify turns low-level failures into the typed errors users can act on.
func (db *DB) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case isCorrupt(err):
		return &CorruptError{Path: db.path, Detail: err.Error()}
	case isDiskFull(err):
		return &DiskFullError{Dir: db.dir, Err: err}
	}
	return err
}
