//go:build windows

package sqlitedb

import (
	"errors"

	"golang.org/x/sys/windows"
)

func isDiskFullErrno(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
