//go:build unix

package infile

import (
	"os"
	"syscall"
)

// openNonBlocking opens with O_NONBLOCK so that opening a FIFO returns at
// once instead of waiting for a writer. For a regular file the flag
// changes nothing on Linux and the BSDs; it is never used on anything
// else, which Open refuses.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
