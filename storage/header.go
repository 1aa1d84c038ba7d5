package storage

import (
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
)

// applicationID marks an SQLite file as SPBE Mandiri's ("SPBE" in ASCII).
const applicationID = 0x53504245

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// fileHeader is what Open needs from the first 100 bytes of the file,
// read without SQLite so that refusing a file never writes to it (opening
// with journal_mode=WAL would rewrite its header).
type fileHeader struct {
	exists      bool // false: no file or an empty one, i.e. a fresh database
	appID       int64
	userVersion int
}

func readHeader(path string) (fileHeader, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileHeader{}, nil
	}
	if err != nil {
		return fileHeader{}, err
	}
	defer f.Close()
	var b [100]byte
	n, err := io.ReadFull(f, b[:])
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		return fileHeader{}, nil // SQLite treats an empty file as a new database
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fileHeader{}, &CorruptError{Path: path, Detail: "berkas terpotong, lebih pendek dari kepala SQLite"}
	case err != nil:
		return fileHeader{}, err
	case string(b[:16]) != sqliteMagic:
		return fileHeader{}, &CorruptError{Path: path, Detail: "bukan berkas SQLite"}
	}
	return fileHeader{
		exists:      true,
		userVersion: int(int32(binary.BigEndian.Uint32(b[60:64]))),
		appID:       int64(int32(binary.BigEndian.Uint32(b[68:72]))),
	}, nil
}

// checkIdentity refuses a database of another program or of a newer schema.
func checkIdentity(path string, appID int64, version, known int, empty bool) error {
	return checkIdentityOf(path, applicationID, appID, version, known, empty)
}

// checkIdentityOf is checkIdentity for a database whose application id is want.
func checkIdentityOf(path string, want, appID int64, version, known int, empty bool) error {
	switch {
	case appID != want && !(appID == 0 && version == 0 && empty):
		return &ForeignDatabaseError{Path: path, AppID: appID}
	case version > known:
		return &NewerDatabaseError{Path: path, Have: version, Known: known}
	}
	return nil
}
