//go:build windows

package atomicfile

// SyncDir is a no-op on Windows: directories cannot be opened for
// FlushFileBuffers, and NTFS journals renames itself.
func SyncDir(dir string) error { return nil }
