package sqlitedb

import (
	"errors"

	sqlite3 "modernc.org/sqlite/lib"
)

// code returns the primary SQLite result code of err, or 0.
func code(err error) int { return ExtendedCode(err) & 0xff }

// ExtendedCode returns the extended SQLite result code of err, or 0. It
// asks for the method of *sqlite.Error rather than the type, so tests can
// stand in for the driver's errors, which cannot be made outside it.
func ExtendedCode(err error) int {
	var se interface {
		error
		Code() int
	}
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// IsIOErr reports an SQLite I/O error (SQLITE_IOERR_*).
func IsIOErr(err error) bool { return code(err) == sqlite3.SQLITE_IOERR }

// IsCorrupt reports a damaged database file.
func IsCorrupt(err error) bool {
	c := code(err)
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB
}

// IsDiskFull reports a full disk, from SQLite or the OS.
func IsDiskFull(err error) bool { return code(err) == sqlite3.SQLITE_FULL || isDiskFullErrno(err) }

// IsConstraint reports a violated CHECK, FOREIGN KEY, UNIQUE or trigger:
// a problem of the row being written, not of the database.
func IsConstraint(err error) bool { return code(err) == sqlite3.SQLITE_CONSTRAINT }

// IsValueConstraint reports a violated CHECK or NOT NULL constraint: a
// value the schema refuses, which callers turn into an input error
// instead of showing SQLite's text. UNIQUE and foreign keys are left to
// the callers that expect them.
func IsValueConstraint(err error) bool {
	c := ExtendedCode(err)
	return c == sqlite3.SQLITE_CONSTRAINT_CHECK || c == sqlite3.SQLITE_CONSTRAINT_NOTNULL
}
