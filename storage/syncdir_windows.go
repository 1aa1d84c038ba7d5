//go:build windows

package storage

// syncDir is a no-op on Windows: directories cannot be opened for
// FlushFileBuffers, and NTFS journals renames itself.
func syncDir(dir string) error { return nil }
