//go:build unix

package bundle

import "syscall"

// The errors a full or read-only medium gives on this OS, for tests that
// inject them.
var (
	errnoDiskFull error = syscall.ENOSPC
	errnoReadOnly error = syscall.EROFS
)
