package storage

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// keysDirName is storage/keys.DirName: the OPD's signing key and sequence
// files (storage/keys does not import storage, nor storage it).
const keysDirName = "keys"

// checkDatabasePresent refuses to start a new installation in a data folder
// that still holds parts of an old one (evidence files, signing keys, a
// WAL, what a restore moved aside) while its database is missing or was
// never initialised: that is damage to restore from a backup, and a new
// empty database would hide it. A folder with nothing in it still starts
// afresh. An empty or cut-short database file is refused by sqlitedb.ReadHeader.
func (db *DB) checkDatabasePresent() error {
	hdr, err := sqlitedb.ReadHeader(db.path)
	if err != nil || (hdr.Exists && (hdr.AppID != 0 || hdr.UserVersion != 0)) {
		return err
	}
	what := db.leftOfInstallation()
	if what == "" {
		return nil
	}
	detail := "berkas basis data tidak ada"
	if hdr.Exists {
		detail = "basis data belum berisi skema"
	}
	return &CorruptError{Path: db.path, Detail: detail + ", padahal folder data masih berisi " + what}
}

// leftOfInstallation names what of an earlier installation the folder
// holds, or "".
func (db *DB) leftOfInstallation() string {
	if anyFile(db.blobRoot()) {
		return "berkas bukti (" + blobDirName + "/)"
	}
	if entries, _ := os.ReadDir(filepath.Join(db.dir, keysDirName)); len(entries) > 0 {
		return "kunci penanda tangan (" + keysDirName + "/)"
	}
	if fi, err := os.Stat(db.path + "-wal"); err == nil && fi.Size() > 0 {
		return "jurnal WAL basis data"
	}
	if aside, _ := filepath.Glob(filepath.Join(db.dir, "sebelum-pulih-*")); len(aside) > 0 {
		return "data yang disisihkan pemulihan (" + filepath.Base(aside[0]) + ")"
	}
	return ""
}

// anyFile reports whether the tree at root holds a file other than an
// unfinished blob copy.
func anyFile(root string) bool {
	found := false
	// The callback handles every error itself and returns only nil or
	// fs.SkipAll, so WalkDir has no error to return.
	_ = filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), tempPrefix) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}
