package sqlitedb

import "fmt"

// RestoreHint tells a user how to recover from a damaged data folder.
const RestoreHint = "pulihkan dari cadangan dengan `spbe-mandiri restore BERKAS-CADANGAN --force` (data lama dipindahkan ke samping, tidak dihapus)"

// LockedError: the folder is already open in another SPBE Mandiri.
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
	return fmt.Sprintf("basis data %s rusak (%s); %s", e.Path, e.Detail, RestoreHint)
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
