package storage

import (
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// restoreHint tells a user how to recover from a damaged data folder.
const restoreHint = sqlitedb.RestoreHint

// The errors of opening a database are those of the one SQLite setup
// (storage/internal/sqlitedb), which the assessor's workspace shares;
// their names here are what callers match.
type (
	// LockedError: the data folder is already open in another SPBE Mandiri.
	LockedError = sqlitedb.LockedError
	// NewerDatabaseError: the database was written by a newer version of
	// the app. The file is left untouched.
	NewerDatabaseError = sqlitedb.NewerDatabaseError
	// ForeignDatabaseError: the file is an SQLite database of another program.
	ForeignDatabaseError = sqlitedb.ForeignDatabaseError
	// CorruptError: the database file is damaged or not a database at all.
	CorruptError = sqlitedb.CorruptError
	// MigrationError: a schema upgrade failed; its transaction was rolled
	// back, so the database is still at the previous version.
	MigrationError = sqlitedb.MigrationError
)

// EvidenceTooLargeError: a file exceeds the per-file evidence cap. Nothing
// was stored.
type EvidenceTooLargeError struct {
	Name  string
	Limit int64
}

func (e *EvidenceTooLargeError) Error() string {
	return fmt.Sprintf("berkas bukti %q lebih besar dari batas %s per berkas; tidak disimpan — perkecil atau pecah berkasnya (mis. pindai dengan resolusi lebih rendah)", e.Name, humanBytes(e.Limit))
}

// EvidenceReadError: the source file vanished or could not be read to the
// end. Nothing was stored.
type EvidenceReadError struct {
	Name string
	Err  error
}

func (e *EvidenceReadError) Error() string {
	return fmt.Sprintf("berkas bukti %q tidak dapat dibaca sampai selesai (%v); tidak disimpan — periksa apakah berkas masih ada, tidak dipindahkan, dan flashdisk masih terpasang, lalu coba lagi", e.Name, e.Err)
}

func (e *EvidenceReadError) Unwrap() error { return e.Err }

// DiskFullError: no space left on the data folder's disk. Nothing was
// half-written.
type DiskFullError struct {
	Dir string
	Err error
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("disk penuh: tidak ada ruang untuk menyimpan di %s; perubahan ini tidak disimpan dan data lain tetap utuh — kosongkan ruang disk lalu coba lagi", e.Dir)
}

func (e *DiskFullError) Unwrap() error { return e.Err }

// DiskIOError: the disk of Dir failed a read or write (a stick pulled out,
// a failing disk) with room to spare. The transaction was rolled back.
type DiskIOError struct {
	Dir string
	Err error
}

func (e *DiskIOError) Error() string {
	return fmt.Sprintf("galat baca/tulis disk di %s (flashdisk tercabut atau disk rusak?): tindakan ini dibatalkan dan data yang sudah tersimpan tetap utuh — periksa disk lalu coba lagi", e.Dir)
}

func (e *DiskIOError) Unwrap() error { return e.Err }

// ArchiveError: a backup archive is damaged or not a backup of this app.
type ArchiveError struct {
	File string
	Msg  string
}

func (e *ArchiveError) Error() string {
	name := "berkas cadangan"
	if e.File != "" {
		name += " " + e.File
	}
	return fmt.Sprintf("%s tidak dapat dipakai: %s; data tidak diubah", name, e.Msg)
}

// ExistingDataError: a restore would overwrite data and --force was not given.
type ExistingDataError struct{ Dir string }

func (e *ExistingDataError) Error() string {
	return fmt.Sprintf("folder data %s sudah berisi data; pakai --force untuk memindahkan data lama ke subfolder \"sebelum-pulih-…\" lalu memulihkan", e.Dir)
}

// errClosed is returned by methods called after Close.
var errClosed = errors.New("penyimpanan sudah ditutup")

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}
