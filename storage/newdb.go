package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// newDBPrefix names a database being created; Open's caller holds the
// folder lock, so one left by a crash is removed at the next creation.
const newDBPrefix = ".baru-"

// keysDirName is storage/keys.DirName: the OPD's signing key and sequence
// files (storage/keys does not import storage, nor storage it).
const keysDirName = "keys"

// createDatabase creates the database file at db.path complete: migrated
// under a temporary name, fsynced, and renamed into place. The live name
// therefore never holds an empty or half-initialised file, which lets Open
// treat one as damage instead of as a new installation.
func (db *DB) createDatabase(ctx context.Context, ms []migration, appID int64) error {
	dir := filepath.Dir(db.path)
	old, _ := filepath.Glob(filepath.Join(dir, newDBPrefix+"*"))
	for _, o := range old {
		os.Remove(o)
	}
	rnd := make([]byte, 8)
	rand.Read(rnd)
	tmp := filepath.Join(dir, newDBPrefix+hex.EncodeToString(rnd)+".db")
	defer os.Remove(tmp) // no-op after the rename
	pool, err := sql.Open("sqlite", dsn(tmp, "FULL"))
	if err != nil {
		return err
	}
	pool.SetMaxOpenConns(1)
	err = migrateApp(ctx, pool, ms, 0, appID)
	if cerr := pool.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, db.path)
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		return db.openError(err)
	}
	return nil
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// checkDatabasePresent refuses to start a new installation in a data folder
// that still holds parts of an old one (evidence files, signing keys, a
// WAL, what a restore moved aside) while its database is missing or was
// never initialised: that is damage to restore from a backup, and a new
// empty database would hide it. A folder with nothing in it still starts
// afresh. An empty or cut-short database file is refused by readHeader.
func (db *DB) checkDatabasePresent() error {
	hdr, err := readHeader(db.path)
	if err != nil || (hdr.exists && (hdr.appID != 0 || hdr.userVersion != 0)) {
		return err
	}
	what := db.leftOfInstallation()
	if what == "" {
		return nil
	}
	detail := "berkas basis data tidak ada"
	if hdr.exists {
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
