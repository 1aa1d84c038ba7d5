package storage

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Restore replaces the data folder's database and evidence with a backup
// archive. Every checksum is verified before anything is touched. When the
// folder already holds data (or a damaged database) Restore refuses unless
// force; with force the old files are moved to a "sebelum-pulih-<time>"
// folder inside the data folder — never deleted — and its path returned.
//
// The restored installation is first staged completely (fsynced and
// verified) in a folder beside the live one, and a journal names the phase
// and the folders; only then are the old and the staged files swapped by
// renames. A crash at any point leaves the old or the restored
// installation: the next Open finishes or rolls back the swap from the
// journal (see recoverRestore). The folder lock is held throughout, and the
// database is reopened (and migrated, if the backup is older) before
// Restore returns.
func (db *DB) Restore(ctx context.Context, archive io.ReaderAt, size int64, force bool) (movedTo string, err error) {
	zr, sums, err := verifyArchive(archive, size)
	if err != nil {
		return "", err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	has, err := db.hasData(ctx)
	if err != nil {
		return "", err
	}
	if has && !force {
		return "", &ExistingDataError{Dir: db.dir}
	}
	j, err := db.stage(ctx, zr, sums, has)
	if err != nil {
		return "", err
	}
	db.closeSQL()
	db.step("database closed")
	if err := db.rollForward(j); err != nil {
		// The journal stays: the next Open finishes the swap. Until then
		// this handle refuses every call.
		db.broken = err
		return "", err
	}
	if j.Aside != "" {
		movedTo = filepath.Join(db.dir, j.Aside)
	}
	return movedTo, db.reopen(ctx)
}

// stage extracts and verifies the archive in a staging folder under a
// journal: phase "staging" while it is written (a crash rolls back), phase
// "staged" once it is complete (a crash rolls forward).
func (db *DB) stage(ctx context.Context, zr *zip.Reader, sums checksums, keepOld bool) (restoreJournal, error) {
	if _, pending, err := db.readJournal(); err != nil || pending {
		if err == nil {
			err = &RestoreJournalError{Dir: db.dir, Detail: "pemulihan sebelumnya belum selesai; tutup lalu buka lagi aplikasi agar diselesaikan"}
		}
		return restoreJournal{}, err
	}
	dir, err := os.MkdirTemp(db.dir, stagingPrefix)
	if err != nil {
		return restoreJournal{}, db.fileError(err)
	}
	j := restoreJournal{Phase: phaseStaging, Staging: filepath.Base(dir)}
	if keepOld {
		j.Aside = db.freeAsideName()
	}
	if err := db.writeJournal(j); err != nil {
		os.RemoveAll(dir)
		return j, err
	}
	err = db.extract(ctx, zr, sums, dir)
	if err == nil {
		j.Phase = phaseStaged
		err = db.writeJournal(j)
	}
	if err != nil {
		j.Phase = phaseStaging
		// The extraction error is the one to report; a staging folder the
		// rollback leaves is rolled back again at the next open (the
		// journal still says phaseStaging).
		_ = db.rollBack(j)
		return j, err
	}
	return j, nil
}

// freeAsideName picks a "sebelum-pulih-<time>" name not yet used.
func (db *DB) freeAsideName() string {
	base := "sebelum-pulih-" + db.cfg.now().Format("20060102-150405")
	name := base
	for i := 2; exists(filepath.Join(db.dir, name)); i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	return name
}

// verifyArchive checks the archive's structure and every checksum without
// writing anything.
func verifyArchive(r io.ReaderAt, size int64) (*zip.Reader, checksums, error) {
	bad := func(format string, a ...any) error { return &ArchiveError{File: "", Msg: fmt.Sprintf(format, a...)} }
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, nil, bad("bukan arsip zip yang utuh (%v)", err)
	}
	sums, err := readSums(zr)
	if err != nil {
		return nil, nil, bad("%v", err)
	}
	seen := map[string]bool{}
	for _, f := range zr.File {
		if f.Name == sumsName {
			continue
		}
		if sums[f.Name] == "" || seen[f.Name] {
			return nil, nil, bad("isi %q tidak ada di %s atau ganda", f.Name, sumsName)
		}
		seen[f.Name] = true
		if got, err := hashEntry(f, io.Discard); err != nil || got != sums[f.Name] {
			return nil, nil, bad("checksum %s tidak cocok (%v); berkas cadangan rusak", f.Name, err)
		}
	}
	if len(seen) != len(sums) {
		return nil, nil, bad("%d berkas yang tercantum di %s tidak ada di arsip", len(sums)-len(seen), sumsName)
	}
	return zr, sums, nil
}

func readSums(zr *zip.Reader) (checksums, error) {
	var found *zip.File
	for _, f := range zr.File {
		if f.Name == sumsName {
			if found != nil {
				return nil, fmt.Errorf("%s ganda", sumsName)
			}
			found = f
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%s tidak ada; ini bukan cadangan SPBE Mandiri", sumsName)
	}
	rc, err := found.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return parseChecksums(io.LimitReader(rc, maxSumsBytes))
}

// hashEntry copies an entry to w and returns its SHA-256 (zip also checks
// the CRC-32 at the end).
func hashEntry(f *zip.File, w io.Writer) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(w, h), rc); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hasData reports whether restoring would replace anything of value.
func (db *DB) hasData(ctx context.Context) (bool, error) {
	if db.broken != nil {
		return true, nil
	}
	if db.sql == nil {
		return false, errClosed
	}
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM profile) + (SELECT count(*) FROM assessment)
		+ (SELECT count(*) FROM imported_catalog) + (SELECT count(*) FROM blob)`).Scan(&n)
	if err != nil {
		return false, db.classify(err)
	}
	if n > 0 {
		return true, nil
	}
	files := false
	// The callback handles every error itself and returns only nil or
	// fs.SkipAll, so WalkDir has no error to return.
	_ = filepath.WalkDir(db.blobRoot(), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = true
			return fs.SkipAll
		}
		return nil
	})
	return files, nil
}

// extract writes the archive into the staging folder, verifying each
// checksum again, makes it durable, and verifies what landed on disk.
func (db *DB) extract(ctx context.Context, zr *zip.Reader, sums checksums, staging string) error {
	// The blobs folder always exists in a staged installation: its presence
	// tells recovery that the live blobs are still the old ones.
	if err := os.MkdirAll(filepath.Join(staging, blobDirName), 0o700); err != nil {
		return db.fileError(err)
	}
	for _, f := range zr.File {
		if f.Name == sumsName {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := db.extractEntry(f, filepath.Join(staging, filepath.FromSlash(f.Name)), sums[f.Name]); err != nil {
			return err
		}
		db.step("extracted " + f.Name)
	}
	if err := db.syncTree(staging); err != nil {
		return err
	}
	if err := verifyStaged(ctx, staging, db.cfg.migrations); err != nil {
		return err
	}
	db.step("staging verified")
	return nil
}

// syncTree fsyncs every folder of the staged installation, deepest first,
// so that every file created in it is durable.
func (db *DB) syncTree(root string) error {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return err
	})
	if err != nil {
		return db.fileError(err)
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := syncDir(dirs[i]); err != nil {
			return db.fileError(err)
		}
	}
	db.step("staging synced")
	return nil
}

// closeSQL checkpoints and closes the pool (mu held).
func (db *DB) closeSQL() {
	if db.sql != nil {
		// Best effort, the pool is being replaced: the checkpoint only
		// shortens the WAL, and a close error leaves nothing to undo.
		_, _ = db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		_ = db.sql.Close()
		db.sql = nil
	}
}

// reopen opens the restored database (mu held).
func (db *DB) reopen(ctx context.Context) error {
	if err := os.MkdirAll(db.blobRoot(), 0o700); err != nil {
		return db.fileError(err)
	}
	db.broken = nil
	return db.openSQL(ctx)
}
