package storage

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
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
// The folder lock is held throughout, and the database is reopened (and
// migrated, if the backup is older) before Restore returns.
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
	staging, err := db.extract(ctx, zr, sums)
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(staging)
	db.closeSQL()
	movedTo, err = db.swapIn(staging, has)
	if rerr := db.reopen(ctx); err == nil {
		err = rerr
	}
	return movedTo, err
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
	filepath.WalkDir(db.blobRoot(), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = true
			return fs.SkipAll
		}
		return nil
	})
	return files, nil
}

// extract writes the archive into a staging folder inside the data
// folder, verifying each checksum again, and checks the database in it.
func (db *DB) extract(ctx context.Context, zr *zip.Reader, sums checksums) (string, error) {
	staging, err := os.MkdirTemp(db.dir, stagingPrefix)
	if err != nil {
		return "", db.fileError(err)
	}
	for _, f := range zr.File {
		if f.Name == sumsName {
			continue
		}
		if err := ctx.Err(); err != nil {
			os.RemoveAll(staging)
			return "", err
		}
		if err := db.extractEntry(f, filepath.Join(staging, filepath.FromSlash(f.Name)), sums[f.Name]); err != nil {
			os.RemoveAll(staging)
			return "", err
		}
	}
	if err := checkStagedDB(ctx, filepath.Join(staging, archiveDB), len(db.cfg.migrations)); err != nil {
		os.RemoveAll(staging)
		return "", err
	}
	return staging, nil
}

func (db *DB) extractEntry(f *zip.File, dst, want string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return db.fileError(err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return db.fileError(err)
	}
	got, err := hashEntry(f, out)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return db.fileError(err)
	}
	if got != want {
		return &ArchiveError{Msg: fmt.Sprintf("checksum %s berubah saat dibaca", f.Name)}
	}
	return nil
}

// checkStagedDB refuses a database from another program, a newer version
// or a damaged one before it replaces anything.
func checkStagedDB(ctx context.Context, path string, known int) error {
	hdr, err := readHeader(path)
	if err == nil && !hdr.exists {
		err = errors.New("basis data kosong")
	}
	if err == nil {
		err = checkIdentity(path, hdr.appID, hdr.userVersion, known, false)
	}
	if err == nil {
		var pool *sql.DB
		if pool, err = sql.Open("sqlite", dsnReadOnly(path)); err == nil {
			err = quickCheck(ctx, pool, path)
			pool.Close()
		}
	}
	if err != nil {
		return &ArchiveError{Msg: err.Error()}
	}
	return nil
}

// closeSQL checkpoints and closes the pool (mu held).
func (db *DB) closeSQL() {
	if db.sql != nil {
		db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		db.sql.Close()
		db.sql = nil
	}
}

// swapIn moves the current files aside (or removes them when they hold
// nothing) and moves the staged ones into place.
func (db *DB) swapIn(staging string, keepOld bool) (string, error) {
	current := []string{dbFileName, dbFileName + "-wal", dbFileName + "-shm", blobDirName}
	aside := ""
	if keepOld {
		aside = filepath.Join(db.dir, "sebelum-pulih-"+db.cfg.now().Format("20060102-150405"))
		if err := os.Mkdir(aside, 0o700); err != nil {
			return "", db.fileError(err)
		}
	}
	for _, name := range current {
		src := filepath.Join(db.dir, name)
		if _, err := os.Lstat(src); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		var err error
		if keepOld {
			err = os.Rename(src, filepath.Join(aside, name))
		} else {
			err = os.RemoveAll(src) // an empty database and empty folders only
		}
		if err != nil {
			return aside, db.fileError(err)
		}
	}
	for _, name := range []string{dbFileName, blobDirName} {
		src := filepath.Join(staging, name)
		if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.Rename(src, filepath.Join(db.dir, name)); err != nil {
			return aside, db.fileError(err)
		}
	}
	return aside, syncDir(db.dir)
}

// reopen opens the restored database (mu held).
func (db *DB) reopen(ctx context.Context) error {
	if err := os.MkdirAll(db.blobRoot(), 0o700); err != nil {
		return db.fileError(err)
	}
	db.broken = nil
	return db.openSQL(ctx)
}
