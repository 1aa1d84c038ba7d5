package bundle

import (
	"errors"
	"io"
)

// boundedReaderAt is the bundle file as archive/zip reads it. An offset
// the ZIP directory points to outside the file (a truncated or doctored
// bundle) and a failed read of the medium become errOutside and
// *readFailure, which describeErr names in Bahasa Indonesia, instead of
// "readat …: negative offset" or the OS's text reaching the user.
type boundedReaderAt struct {
	r    io.ReaderAt
	size int64
}

var errOutside = errors.New("bagian yang ditunjuk direktori ZIP ada di luar berkas")

func (b boundedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > b.size {
		return 0, errOutside
	}
	n, err := b.r.ReadAt(p, off)
	if err != nil && err != io.EOF {
		err = &readFailure{err}
	}
	return n, err
}

// readFailure: the medium could not be read (a pulled stick, a bad
// sector); the OS's error is kept for errors.Is.
type readFailure struct{ err error }

func (e *readFailure) Error() string {
	return "berkas tidak dapat dibaca (rusak, terpotong, atau flashdisk bermasalah)"
}

func (e *readFailure) Unwrap() error { return e.err }
