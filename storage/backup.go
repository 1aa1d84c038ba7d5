package storage

import (
	"archive/zip"
	"context"
	"crypto/rand"
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

	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// Backup writes one consistent archive of the data folder to w: a
// VACUUM INTO snapshot of the database, the evidence files it refers to,
// and SHA256SUMS. Writers are paused only while the snapshot is taken;
// evidence files never change once stored, so they are copied afterwards.
// A stored file whose content no longer matches its hash fails the backup
// rather than producing an archive that restore would refuse.
func (db *DB) Backup(ctx context.Context, w io.Writer) error {
	snap, err := db.snapshot(ctx)
	if err != nil {
		return err
	}
	defer os.Remove(snap)
	blobs, err := snapshotBlobs(ctx, snap)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	sums := checksums{}
	if sums[archiveDB], err = addFile(zw, archiveDB, snap, zip.Deflate); err != nil {
		return err
	}
	for _, sum := range blobs {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := path.Join(blobDirName, sum[:2], sum)
		got, err := addFile(zw, name, db.BlobPath(sum), zip.Store)
		if err != nil {
			return err
		}
		if got != sum {
			return fmt.Errorf("berkas bukti %s rusak (isi tidak sesuai sha256-nya); %s", db.BlobPath(sum), restoreHint)
		}
		sums[name] = got
	}
	if err := writeSums(zw, sums); err != nil {
		return err
	}
	return zw.Close()
}

// snapshot runs VACUUM INTO a temporary file in the data folder.
func (db *DB) snapshot(ctx context.Context) (string, error) {
	b := make([]byte, 8)
	rand.Read(b)
	snap := filepath.Join(db.dir, snapshotPrefix+hex.EncodeToString(b)+".db")
	err := db.read(func(q *sql.DB) error {
		_, err := q.ExecContext(ctx, `VACUUM INTO ?`, snap)
		return err
	})
	if err != nil {
		os.Remove(snap)
		return "", fmt.Errorf("salinan basis data gagal dibuat: %w", err)
	}
	return snap, nil
}

// snapshotBlobs lists the blobs recorded in a snapshot.
func snapshotBlobs(ctx context.Context, snap string) ([]string, error) {
	pool, err := sql.Open("sqlite", sqlitedb.ReadOnlyDSN(snap))
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	rows, err := pool.QueryContext(ctx, `SELECT sha256 FROM blob ORDER BY sha256`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// addFile streams a file into the zip and returns its SHA-256.
func addFile(zw *zip.Writer, name, src string, method uint16) (string, error) {
	f, err := os.Open(src)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("berkas %s hilang dari folder data; cadangan tidak dibuat — %s", src, restoreHint)
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(w, h), f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeSums(zw *zip.Writer, sums checksums) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: sumsName, Method: zip.Deflate})
	if err != nil {
		return err
	}
	return sums.writeTo(w)
}
