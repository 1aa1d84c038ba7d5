//go:build windows

package storage

import "golang.org/x/sys/windows"

// The error a full medium gives on Windows, for tests that inject it
// (syscall.ENOSPC is an invented value there).
var errnoDiskFull error = windows.ERROR_DISK_FULL
