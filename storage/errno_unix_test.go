//go:build unix

package storage

import "syscall"

// The error a full medium gives on this OS, for tests that
// inject it.
var errnoDiskFull error = syscall.ENOSPC
