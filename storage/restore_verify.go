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
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

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

// verifyStaged checks what was written to the staging folder, as the
// restored installation will see it: the database (identity, version,
// integrity, schema), every evidence file re-read and re-hashed against
// its name, and every evidence file the database records present with
// its size. A hand-made archive that passes the checksums but would give
// an installation without its evidence or its history triggers stops here.
func verifyStaged(ctx context.Context, staging string, ms []migration) error {
	files, err := stagedBlobs(filepath.Join(staging, blobDirName))
	if err != nil {
		return &ArchiveError{Msg: err.Error()}
	}
	if err := checkStagedDB(ctx, filepath.Join(staging, archiveDB), ms, files); err != nil {
		return &ArchiveError{Msg: err.Error()}
	}
	return nil
}

// stagedBlobs re-hashes every file under blobs and returns their sizes by
// hash; a file not at blobs/<first two hex digits>/<its own sha256> is
// refused.
func stagedBlobs(root string) (map[string]int64, error) {
	files := map[string]int64{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		sum, size, err := hashFile(p)
		if err != nil {
			return err
		}
		if filepath.ToSlash(rel) != path.Join(sum[:2], sum) {
			return fmt.Errorf("berkas bukti %s/%s tidak tersimpan di bawah sha256 isinya sendiri (%.12s…)", blobDirName, filepath.ToSlash(rel), sum)
		}
		files[sum] = size
		return nil
	})
	return files, err
}

func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// checkStagedDB refuses a database from another program, a newer version,
// a damaged one, one whose schema is not exactly what this app's
// migrations produce at its version, and one that records evidence files
// the archive lacks — before it replaces anything.
func checkStagedDB(ctx context.Context, p string, ms []migration, files map[string]int64) error {
	hdr, err := sqlitedb.ReadHeader(p)
	if err != nil {
		return err
	}
	if !hdr.Exists {
		return errors.New("basis data kosong")
	}
	if err := sqlitedb.CheckIdentity(p, applicationID, hdr.AppID, hdr.UserVersion, len(ms), false); err != nil {
		return err
	}
	if hdr.UserVersion < 1 {
		return errors.New("basis data belum berskema (user_version 0)")
	}
	pool, err := sql.Open("sqlite", sqlitedb.ReadOnlyDSN(p))
	if err != nil {
		return err
	}
	defer pool.Close()
	pool.SetMaxOpenConns(1)
	if err := sqlitedb.QuickCheck(ctx, pool, p); err != nil {
		return err
	}
	if err := checkSchema(ctx, pool, ms[:hdr.UserVersion]); err != nil {
		return err
	}
	return checkBlobRows(ctx, pool, files)
}

// schemaObject is one entry of sqlite_schema, its SQL with runs of white
// space collapsed.
type schemaObject struct{ table, sql string }

// checkSchema compares the staged database's schema with the one this
// app's migrations 1..n produce in an empty database: every table, index
// and trigger (history_no_update, history_no_delete, evidence_no_delete …)
// must be there with the same definition, and nothing else may be.
func checkSchema(ctx context.Context, pool *sql.DB, ms []migration) error {
	ref, err := referenceSchema(ctx, ms)
	if err != nil {
		return err
	}
	got, err := schemaObjects(ctx, pool)
	if err != nil {
		return err
	}
	var problems []string
	for _, k := range sortedKeys(ref) {
		g, ok := got[k]
		switch {
		case !ok:
			problems = append(problems, objectLabel(k)+" hilang")
		case g != ref[k]:
			problems = append(problems, objectLabel(k)+" diubah")
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := ref[k]; !ok {
			problems = append(problems, objectLabel(k)+" tidak dikenal")
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("skema basis data tidak sesuai dengan skema %d aplikasi ini: %s", len(ms), strings.Join(problems, ", "))
	}
	return nil
}

// referenceSchema applies the migrations to an in-memory database.
func referenceSchema(ctx context.Context, ms []migration) (map[string]schemaObject, error) {
	pool, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	pool.SetMaxOpenConns(1) // one connection = one in-memory database
	if err := sqlitedb.Migrate(ctx, pool, ms, 0, applicationID); err != nil {
		return nil, err
	}
	return schemaObjects(ctx, pool)
}

func schemaObjects(ctx context.Context, pool *sql.DB) (map[string]schemaObject, error) {
	rows, err := pool.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]schemaObject{}
	for rows.Next() {
		var typ, name, table, text string
		if err := rows.Scan(&typ, &name, &table, &text); err != nil {
			return nil, err
		}
		out[typ+" "+name] = schemaObject{table: table, sql: strings.Join(strings.Fields(text), " ")}
	}
	return out, rows.Err()
}

func sortedKeys(m map[string]schemaObject) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// objectLabel names a schema object in Bahasa Indonesia ("pemicu history_no_update").
func objectLabel(key string) string {
	typ, name, _ := strings.Cut(key, " ")
	switch typ {
	case "table":
		typ = "tabel"
	case "trigger":
		typ = "pemicu"
	case "index":
		typ = "indeks"
	}
	return typ + " " + name
}

// checkBlobRows refuses a database that records an evidence file the
// archive does not hold (or holds with another size): restoring it would
// give an installation without its evidence.
func checkBlobRows(ctx context.Context, pool *sql.DB, files map[string]int64) error {
	rows, err := pool.QueryContext(ctx, `SELECT sha256, size FROM blob ORDER BY sha256`)
	if err != nil {
		return err
	}
	defer rows.Close()
	missing := 0
	first := ""
	for rows.Next() {
		var sum string
		var size int64
		if err := rows.Scan(&sum, &size); err != nil {
			return err
		}
		if got, ok := files[sum]; !ok || got != size {
			if missing++; first == "" {
				first = sum
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if missing > 0 {
		return fmt.Errorf("%d berkas bukti yang tercatat di basis data tidak ada di arsip atau ukurannya lain (mis. %.12s…)", missing, first)
	}
	return nil
}
