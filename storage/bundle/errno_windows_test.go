//go:build windows

package bundle

import "golang.org/x/sys/windows"

// The errors a full or write-protected medium gives on Windows, for tests
// that inject them (syscall.ENOSPC and EROFS are invented values there).
var (
	errnoDiskFull error = windows.ERROR_DISK_FULL
	errnoReadOnly error = windows.ERROR_WRITE_PROTECT
)
