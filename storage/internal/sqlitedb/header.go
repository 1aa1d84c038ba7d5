package sqlitedb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// Header is what Open needs from the first 100 bytes of the file, read
// without SQLite so that refusing a file never writes to it (opening with
// journal_mode=WAL would rewrite its header). The schema version is the
// header's user_version, which both stores have always used.
type Header struct {
	Exists      bool // false: no file, i.e. a new database
	AppID       int64
	UserVersion int
}

// ReadHeader reads the header of the database file at path. A missing file
// is a new database; an empty file, one cut short inside its header or
// shorter than the size its header records (with no WAL or rollback
// journal that could hold the rest) is a *CorruptError: SQLite would
// silently treat an empty file as a new database and lose the data that
// sat beside it.
func ReadHeader(path string) (Header, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Header{}, nil
	}
	if err != nil {
		return Header{}, err
	}
	defer f.Close()
	var b [100]byte
	n, err := io.ReadFull(f, b[:])
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		return Header{}, &CorruptError{Path: path, Detail: "berkas kosong (0 byte)"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Header{}, &CorruptError{Path: path, Detail: "berkas terpotong, lebih pendek dari kepala SQLite"}
	case err != nil:
		return Header{}, err
	case string(b[:16]) != sqliteMagic:
		return Header{}, &CorruptError{Path: path, Detail: "bukan berkas SQLite"}
	}
	if err := checkLength(f, path, b[:]); err != nil {
		return Header{}, err
	}
	return Header{
		Exists:      true,
		UserVersion: int(int32(binary.BigEndian.Uint32(b[60:64]))),
		AppID:       int64(int32(binary.BigEndian.Uint32(b[68:72]))),
	}, nil
}

// checkLength refuses a file shorter than the page count in its header.
// The count is trusted only when SQLite would trust it (change counter =
// version-valid-for), and only when no WAL or hot journal could still
// supply the missing pages.
func checkLength(f *os.File, path string, b []byte) error {
	pageSize := int64(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(b[28:32]))
	if pages == 0 || binary.BigEndian.Uint32(b[24:28]) != binary.BigEndian.Uint32(b[92:96]) {
		return nil
	}
	for _, side := range []string{"-wal", "-journal"} {
		if fi, err := os.Stat(path + side); err == nil && fi.Size() > 0 {
			return nil
		}
	}
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if want := pages * pageSize; fi.Size() < want {
		return &CorruptError{Path: path, Detail: fmt.Sprintf("berkas terpotong: %d dari %d byte", fi.Size(), want)}
	}
	return nil
}

// CheckIdentity refuses a database of another program (application id
// not want; an all-zero, table-less file counts as new) or of a newer
// schema than the known migrations.
func CheckIdentity(path string, want, appID int64, version, known int, empty bool) error {
	switch {
	case appID != want && !(appID == 0 && version == 0 && empty):
		return &ForeignDatabaseError{Path: path, AppID: appID}
	case version > known:
		return &NewerDatabaseError{Path: path, Have: version, Known: known}
	}
	return nil
}
