package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// ImportedCatalogs returns the imported catalog files, oldest import first.
func (db *DB) ImportedCatalogs(ctx context.Context) ([]assessment.ImportedCatalog, error) {
	var out []assessment.ImportedCatalog
	err := db.read(func(q *sql.DB) error {
		var err error
		out, err = queryImportedCatalogs(ctx, q)
		return err
	})
	return out, err
}

func queryImportedCatalogs(ctx context.Context, q *sql.DB) ([]assessment.ImportedCatalog, error) {
	rows, err := q.QueryContext(ctx, `SELECT catalog_id, version, sha256, source, data
		FROM imported_catalog ORDER BY imported_at, catalog_id, version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []assessment.ImportedCatalog
	for rows.Next() {
		var c assessment.ImportedCatalog
		if err := rows.Scan(&c.ID, &c.Version, &c.SHA256, &c.Source, &c.Data); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveImportedCatalog keeps a validated catalog file verbatim. Saving the
// same id, version and content again is a no-op; the same id and version
// with other content is an *assessment.ErrCatalogConflict. c.SHA256 is the
// catalog's canonical hash (Catalog.SHA256), not the hash of the file bytes.
func (db *DB) SaveImportedCatalog(ctx context.Context, c assessment.ImportedCatalog) error {
	if c.ID == "" || c.Version == "" || len(c.SHA256) != sha256.Size*2 || len(c.Data) == 0 {
		return &assessment.InputError{Msg: "katalog impor tidak lengkap (id, versi, sha256, isi)"}
	}
	if _, err := hex.DecodeString(c.SHA256); err != nil {
		return &assessment.InputError{Msg: "sha256 katalog bukan heksadesimal"}
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		var have string
		err := tx.QueryRowContext(ctx, `SELECT sha256 FROM imported_catalog WHERE catalog_id = ? AND version = ?`,
			c.ID, c.Version).Scan(&have)
		switch {
		case err == nil && have == c.SHA256:
			return nil
		case err == nil:
			return &assessment.ErrCatalogConflict{ID: c.ID, Version: c.Version, Have: have, Got: c.SHA256, HaveOrigin: assessment.OriginImported}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO imported_catalog (catalog_id, version, sha256, source, data, imported_at)
			VALUES (?, ?, ?, ?, ?, ?)`, c.ID, c.Version, c.SHA256, c.Source, c.Data, db.nowText())
		return err
	})
}
