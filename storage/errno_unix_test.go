//go:build unix

package storage

import "syscall"

// The error a full medium gives on this OS, for tests that
// inject them.
var errnoDiskFull error = syscall.ENOSPC
