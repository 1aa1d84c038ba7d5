package storage

import (
	"errors"
	"fmt"
)

// restoreHint tells a user how to recover from a damaged data folder.
const restoreHint = "pulihkan dari cadangan dengan `spbe-mandiri restore BERKAS-CADANGAN --force` (data lama dipindahkan ke samping, tidak dihapus)"

// LockedError: the data folder is already open in another SPBE Mandiri.
type LockedError struct {
	Dir string
	PID string // the holder's process id when known
}

func (e *LockedError) Error() string {
	who := "SPBE Mandiri lain"
	if e.PID != "" {
		who += " (proses " + e.PID + ")"
	}
	return fmt.Sprintf("folder data %s sedang dipakai oleh %s; tutup jendela atau perintah itu dulu, lalu coba lagi", e.Dir, who)
}

// NewerDatabaseError: the database was written by a newer version of the
// app. The file is left untouched.
type NewerDatabaseError struct {
	Path        string
	Have, Known int
}

func (e *NewerDatabaseError) Error() string {
	return fmt.Sprintf("basis data %s dibuat oleh versi SPBE Mandiri yang lebih baru (skema %d; versi ini hanya mengenal sampai skema %d); perbarui aplikasi — berkas tidak diubah", e.Path, e.Have, e.Known)
}

// ForeignDatabaseError: the file is an SQLite database of another program.
type ForeignDatabaseError struct {
	Path  string
	AppID int64
}

func (e *ForeignDatabaseError) Error() string {
	return fmt.Sprintf("berkas %s bukan basis data SPBE Mandiri (application_id %#x); berkas tidak diubah — pilih folder data lain", e.Path, e.AppID)
}

// CorruptError: the database file is damaged or not a database at all.
type CorruptError struct {
	Path   string
	Detail string
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("basis data %s rusak (%s); %s", e.Path, e.Detail, restoreHint)
}

// MigrationError: a schema upgrade failed; its transaction was rolled back,
// so the database is still at the previous version.
type MigrationError struct {
	Version int
	Name    string
	Err     error
}

func (e *MigrationError) Error() string {
	return fmt.Sprintf("gagal memperbarui basis data ke skema %d (%s): %v; basis data tidak diubah", e.Version, e.Name, e.Err)
}

func (e *MigrationError) Unwrap() error { return e.Err }

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
