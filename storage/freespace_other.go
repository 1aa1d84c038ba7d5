//go:build !linux && !darwin && !freebsd

package storage

// freeBytes: not told on this system; an SQLite I/O error is then a
// *DiskIOError, a full disk still reported by SQLITE_FULL or the OS.
func freeBytes(string) (uint64, bool) { return 0, false }
