package storage

import "github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"

const lockFileName = "spbe-mandiri.lock"

// lockDir takes the data folder's lock or returns a *LockedError.
func lockDir(dir string) (*sqlitedb.Lock, error) { return sqlitedb.LockFolder(dir, lockFileName) }
