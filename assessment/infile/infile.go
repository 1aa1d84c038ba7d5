// Package infile opens files that come from outside — a bundle, a
// feedback file, a catalog, a passphrase file, a key file, a backup
// archive, an evidence file — and refuses at once anything that is not a
// regular file. A FIFO would block the reader forever, a device such as
// /dev/zero never ends and a folder fails later with a raw "is a
// directory"; each is refused here, before a byte is read, with a
// message the officer can act on. Standard library only, so the CLI, the
// GUI wiring and storage all use it.
package infile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError says that Path names something other than a regular
// file; Kind is what it is, in Bahasa Indonesia.
type NotRegularError struct {
	Path string
	Kind string
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s adalah %s, bukan berkas biasa; pilih sebuah berkas (folder, FIFO atau perangkat tidak dapat dibaca)", e.Path, e.Kind)
}

// ErrNotRegular matches every *NotRegularError with errors.Is.
var ErrNotRegular = errors.New("bukan berkas biasa")

// Is makes errors.Is(err, ErrNotRegular) true.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Open opens path for reading if it is a regular file (symbolic links are
// followed) and refuses anything else without blocking: on Unix the open
// itself is non-blocking, so a FIFO without a writer does not hang it, and
// the type is taken from the opened file (fstat), so it cannot change
// between the check and the read.
func Open(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &NotRegularError{Path: path, Kind: kindOf(st.Mode())}
	}
	return f, nil
}

// Check refuses a path that exists and is not a regular file, for callers
// that hand the path to a library which opens it itself.
func Check(path string) error {
	f, err := Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}

// ReadFile reads a regular file of at most max bytes; a larger one is an
// error naming the limit.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s lebih dari %d byte", path, max)
	}
	return data, nil
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "FIFO (pipa)"
	case m&fs.ModeSocket != 0:
		return "soket"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "perangkat"
	}
	return "bukan berkas biasa"
}
