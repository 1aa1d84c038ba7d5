//go:build !unix

package infile

import "os"

// openNonBlocking: Windows has no FIFOs in the file system; a plain open
// does not block.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
