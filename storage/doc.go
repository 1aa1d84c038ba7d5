// Package storage is the local store of SPBE Mandiri: it implements
// assessment.Store on SQLite (modernc.org/sqlite, pure Go, no cgo) plus a
// content-addressed folder of evidence files.
//
// # Data folder
//
//	<data>/spbe-mandiri.db        the database (WAL mode: also -wal and -shm)
//	<data>/spbe-mandiri.lock      held with an exclusive lock while open
//	<data>/blobs/ab/abcdef…       evidence files, named by their SHA-256
//
// The folder is chosen by ResolveDataDir: --data DIR, else the environment
// variable SPBE_MANDIRI_DATA, else a per-user default. Only one process may
// open a folder at a time; a second gets a *LockedError, never a shared
// writer.
//
// # Durability
//
// The database runs in WAL mode with synchronous=FULL: every commit appends
// to the write-ahead log and fsyncs it before the call returns. Therefore
// every mutating method that returned nil survives a crash of the process
// and a power cut (on a disk that honours fsync); a call interrupted before
// it returned either happened completely or not at all. With NORMAL the WAL
// would only be synced at checkpoints, and a power cut could lose the last
// acknowledged answers — the one thing an offline form must never do, and
// FULL still commits in well under the 5 ms autosave budget (see
// docs/PERFORMANCE.md).
//
// Evidence files are written to a temporary file in <data>/blobs, hashed
// while copying, fsynced, renamed into place and the directory fsynced
// before the database row that refers to them is committed, so a committed
// row never points at a missing or partial file.
package storage
