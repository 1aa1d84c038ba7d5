package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
)

// journalName is the restore journal in the data folder. It exists only
// while a restore is under way (or was cut short): Open reads it before it
// touches the database and finishes or rolls back the swap it describes.
const journalName = "spbe-mandiri.pulih.json"

// Restore phases, in order.
const (
	// phaseStaging: the archive is being extracted into the staging
	// folder. Nothing live has been touched; recovery rolls back (removes
	// the staging folder).
	phaseStaging = "staging"
	// phaseStaged: the staging folder holds the complete, fsynced and
	// verified restored installation. The swap may have begun; recovery
	// rolls forward.
	phaseStaged = "staged"
	// phaseDone: the restored files are live; what is left in the staging
	// folder is nothing of value.
	phaseDone = "done"
)

// restoreJournal names the phase and the folders of one restore. Names are
// relative to the data folder so that a data folder on a USB stick that
// mounts elsewhere next time still recovers.
type restoreJournal struct {
	Phase   string `json:"phase"`
	Staging string `json:"staging"`         // ".pulih-…": the staged installation
	Aside   string `json:"aside,omitempty"` // "sebelum-pulih-…": where the old files go; "" = into the staging folder (nothing of value)
}

var (
	stagingName = regexp.MustCompile(`^\.pulih-[0-9A-Za-z]+$`)
	asideName   = regexp.MustCompile(`^sebelum-pulih-[0-9]{8}-[0-9]{6}(-[0-9]+)?$`)
)

// liveNames are the parts of an installation a restore replaces, old ones
// first moved aside, in this order.
var liveNames = []string{dbFileName, dbFileName + "-wal", dbFileName + "-shm", blobDirName}

// RestoreJournalError: a restore was cut short and cannot be finished or
// rolled back automatically. Nothing was deleted.
type RestoreJournalError struct {
	Dir    string
	Detail string
}

func (e *RestoreJournalError) Error() string {
	return fmt.Sprintf("pemulihan dari cadangan di folder data %s terhenti dan tidak dapat dilanjutkan otomatis (%s); tidak ada berkas yang dihapus — jangan hapus subfolder \".pulih-…\" atau \"sebelum-pulih-…\", salin seluruh folder data ke tempat aman lalu minta bantuan petugas TI", e.Dir, e.Detail)
}

func (j restoreJournal) valid() bool {
	switch j.Phase {
	case phaseStaging, phaseStaged, phaseDone:
	default:
		return false
	}
	return stagingName.MatchString(j.Staging) && (j.Aside == "" || asideName.MatchString(j.Aside))
}

func (db *DB) journalPath() string { return filepath.Join(db.dir, journalName) }

// asidePath is where the old files go: the "sebelum-pulih-…" folder, or a
// folder inside staging when the old installation held nothing.
func (db *DB) asidePath(j restoreJournal) string {
	if j.Aside == "" {
		return filepath.Join(db.dir, j.Staging, "lama")
	}
	return filepath.Join(db.dir, j.Aside)
}

// readJournal returns the journal, ok = false when there is none.
func (db *DB) readJournal() (j restoreJournal, ok bool, err error) {
	b, err := os.ReadFile(db.journalPath())
	if errors.Is(err, fs.ErrNotExist) {
		return j, false, nil
	}
	if err != nil {
		return j, false, &RestoreJournalError{Dir: db.dir, Detail: fmt.Sprintf("jurnal %s tidak terbaca: %v", journalName, err)}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil || !j.valid() {
		return j, false, &RestoreJournalError{Dir: db.dir, Detail: fmt.Sprintf("jurnal %s tidak valid", journalName)}
	}
	return j, true, nil
}

// writeJournal replaces the journal through the one atomic writer
// (storage/atomicfile: temp file created exclusively, fsynced, renamed over
// the journal, the folder fsynced). A crash leaves the previous journal or
// the new one, never half of one; a leftover temp file is removed at the
// next open (removeLeftovers).
func (db *DB) writeJournal(j restoreJournal) error {
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(db.journalPath(), b, atomicfile.Options{Replace: true}); err != nil {
		return db.fileError(err)
	}
	db.step("journal " + j.Phase)
	return nil
}

// removeJournal ends a restore: the folder is in its final state.
func (db *DB) removeJournal() error {
	if err := os.Remove(db.journalPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return db.fileError(err)
	}
	if err := syncDir(db.dir); err != nil {
		return db.fileError(err)
	}
	db.step("journal removed")
	return nil
}

// recoverRestore finishes or rolls back a restore that a crash or power
// cut interrupted. Open calls it before it touches the database. Every
// step is idempotent, so a crash during recovery is recovered the same way.
func (db *DB) recoverRestore() error {
	j, ok, err := db.readJournal()
	if err != nil || !ok {
		return err
	}
	switch j.Phase {
	case phaseStaging:
		return db.rollBack(j)
	case phaseStaged:
		return db.rollForward(j)
	}
	return db.finish(j)
}

// rollBack removes an incomplete staging folder. The live installation was
// never touched in this phase.
func (db *DB) rollBack(j restoreJournal) error {
	if err := os.RemoveAll(filepath.Join(db.dir, j.Staging)); err != nil {
		return db.fileError(err)
	}
	db.step("staging rolled back")
	return db.removeJournal()
}

// rollForward swaps the staged installation in: first every old part is
// moved aside, then every staged part is moved into place. A staged part
// still in the staging folder proves that the live part of the same name
// is the old one, which is what makes repeating any step safe.
func (db *DB) rollForward(j restoreJournal) error {
	staging := filepath.Join(db.dir, j.Staging)
	stagedDB := exists(filepath.Join(staging, dbFileName))
	if !stagedDB && !exists(db.path) {
		return &RestoreJournalError{Dir: db.dir, Detail: "basis data hasil pemulihan tidak ada di " + j.Staging + " maupun di folder data"}
	}
	if err := db.moveOldAside(j, stagedDB, exists(filepath.Join(staging, blobDirName))); err != nil {
		return err
	}
	for _, name := range []string{dbFileName, blobDirName} {
		src := filepath.Join(staging, name)
		if !exists(src) {
			continue
		}
		if err := db.renameNew(src, filepath.Join(db.dir, name)); err != nil {
			return err
		}
	}
	if err := db.syncDirs(db.dir, staging); err != nil {
		return err
	}
	j.Phase = phaseDone
	if err := db.writeJournal(j); err != nil {
		return err
	}
	return db.finish(j)
}

// moveOldAside moves the live parts whose staged replacement is still
// waiting (the database with its -wal and -shm; the blobs folder) into the
// aside folder, and makes the renames durable.
func (db *DB) moveOldAside(j restoreJournal, stagedDB, stagedBlobs bool) error {
	aside := db.asidePath(j)
	if err := os.MkdirAll(aside, 0o700); err != nil {
		return db.fileError(err)
	}
	for _, name := range liveNames {
		if (name == blobDirName && stagedBlobs) || (name != blobDirName && stagedDB) {
			if err := db.moveAside(filepath.Join(db.dir, name), filepath.Join(aside, name)); err != nil {
				return err
			}
		}
	}
	return db.syncDirs(aside, db.dir)
}

// finish removes the staging folder (empty, or holding only the old
// installation's empty database) and then the journal.
func (db *DB) finish(j restoreJournal) error {
	if !exists(db.path) {
		return &RestoreJournalError{Dir: db.dir, Detail: "basis data hasil pemulihan tidak ada di folder data"}
	}
	if err := os.RemoveAll(filepath.Join(db.dir, j.Staging)); err != nil {
		return db.fileError(err)
	}
	db.step("staging removed")
	return db.removeJournal()
}

// moveAside moves an old part into the aside folder. When the target is
// already there (moved by an earlier, interrupted attempt) the live one
// can only be an empty folder created since; anything else stops the
// recovery rather than overwrite a copy.
func (db *DB) moveAside(src, dst string) error {
	if !exists(src) {
		return nil
	}
	if exists(dst) {
		if !emptyTree(src) {
			return &RestoreJournalError{Dir: db.dir, Detail: fmt.Sprintf("%s dan %s sama-sama ada", src, dst)}
		}
		if err := os.RemoveAll(src); err != nil {
			return db.fileError(err)
		}
		db.step("empty " + filepath.Base(src) + " removed")
		return nil
	}
	if err := os.Rename(src, dst); err != nil {
		return db.fileError(err)
	}
	db.step("moved aside " + filepath.Base(src))
	return nil
}

// renameNew moves a staged part into place; the place must be free (an
// empty folder created since by an older version of the app counts as
// free), so nothing is ever replaced by a rename.
func (db *DB) renameNew(src, dst string) error {
	if exists(dst) {
		if !emptyTree(dst) {
			return &RestoreJournalError{Dir: db.dir, Detail: fmt.Sprintf("%s masih ada saat %s akan dipindahkan ke sana", dst, src)}
		}
		if err := os.RemoveAll(dst); err != nil {
			return db.fileError(err)
		}
	}
	if err := os.Rename(src, dst); err != nil {
		return db.fileError(err)
	}
	db.step("moved in " + filepath.Base(dst))
	return nil
}

func (db *DB) syncDirs(dirs ...string) error {
	for _, d := range dirs {
		if err := syncDir(d); err != nil {
			return db.fileError(err)
		}
	}
	db.step("synced")
	return nil
}

// step reports a restore step to the crash test's hook (nil outside tests).
func (db *DB) step(name string) {
	if db.cfg.stepHook != nil {
		db.cfg.stepHook(name)
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// emptyTree reports whether p is a folder with no files anywhere inside.
func emptyTree(p string) bool {
	fi, err := os.Lstat(p)
	if err != nil || !fi.IsDir() {
		return false
	}
	empty := true
	// The callback handles every error itself and returns only nil or
	// fs.SkipAll, so WalkDir has no error to return.
	_ = filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			empty = false
			return fs.SkipAll
		}
		return nil
	})
	return empty
}
