package storage

import (
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// isIOErr, isCorrupt, isDiskFull and isConstraint read SQLite's result
// codes (and the OS's for a full disk) through the one SQLite setup,
// storage/internal/sqlitedb, which the assessor's workspace shares.
func isIOErr(err error) bool      { return sqlitedb.IsIOErr(err) }
func isCorrupt(err error) bool    { return sqlitedb.IsCorrupt(err) }
func isDiskFull(err error) bool   { return sqlitedb.IsDiskFull(err) }
func isConstraint(err error) bool { return sqlitedb.IsConstraint(err) }

// IsValueConstraint reports a violated CHECK or NOT NULL constraint: a
// value the schema refuses, which callers turn into an input error
// instead of showing SQLite's text. UNIQUE and foreign keys are left to
// the callers that expect them.
func IsValueConstraint(err error) bool { return sqlitedb.IsValueConstraint(err) }

// minFreeBytes: below this much free space an SQLite I/O error is taken as
// a full disk. SQLite reports a full disk met while growing its WAL index
// (the -shm file) as "disk I/O error (4874)", SQLITE_IOERR_SHMSIZE, not as
// SQLITE_FULL.
const minFreeBytes = 1 << 20

// freeSpace is the free space of dir's file system (ok false when it
// cannot be told); a variable so tests can fill the disk.
var freeSpace = freeBytes

// DiskError maps a failed read or write of the database or files in dir to
// what the user can act on: a full disk (SQLITE_FULL, ENOSPC, or an SQLite
// I/O error while dir's disk has less than a megabyte left) is a
// *DiskFullError, any other SQLite I/O error a *DiskIOError; other errors
// are returned as they are. The OPD store and the assessor workspace both
// map through it.
func DiskError(dir string, err error) error {
	var full *DiskFullError
	var ioe *DiskIOError
	switch {
	case err == nil || errors.As(err, &full) || errors.As(err, &ioe):
		return err
	case isDiskFull(err):
		return &DiskFullError{Dir: dir, Err: err}
	case isIOErr(err):
		if free, ok := freeSpace(dir); ok && free < minFreeBytes {
			return &DiskFullError{Dir: dir, Err: err}
		}
		return &DiskIOError{Dir: dir, Err: err}
	}
	return err
}

// classify turns low-level failures into the typed errors users can act on.
func (db *DB) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case isCorrupt(err):
		return &CorruptError{Path: db.path, Detail: err.Error()}
	case IsValueConstraint(err):
		return &assessment.InputError{Msg: "nilai ditolak basis data (di luar batas yang diizinkan); tidak ada yang diubah"}
	}
	return DiskError(db.dir, err)
}
