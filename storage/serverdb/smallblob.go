package serverdb

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
)

// SmallFile is a small file's content address and bytes.
type SmallFile struct {
	SHA256 string
	Data   []byte
}

// AddSmallBlobs records small files (hashed by the caller against the
// manifest) with their bytes, proven by this Pemda: one transaction, one
// round trip, no bucket object.
func (db *DB) AddSmallBlobs(ctx context.Context, pemda int16, files []SmallFile) error {
	if len(files) == 0 {
		return nil
	}
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for _, f := range files {
			b.Queue(`INSERT INTO blob (sha256, size) VALUES ($1, $2) ON CONFLICT DO NOTHING`, f.SHA256, len(f.Data))
			b.Queue(`INSERT INTO small_blob (sha256, data) VALUES ($1, $2) ON CONFLICT DO NOTHING`, f.SHA256, f.Data)
			b.Queue(`INSERT INTO pemda_blob (pemda_id, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING`, pemda, f.SHA256)
		}
		return tx.SendBatch(ctx, b).Close()
	})
}

// SmallBlob returns the bytes of a file kept in PostgreSQL (ok false: it
// is a bucket object, or unknown).
func (db *DB) SmallBlob(ctx context.Context, sha string) (data []byte, ok bool, err error) {
	err = db.Pool.QueryRow(ctx, `SELECT data FROM small_blob WHERE sha256 = $1`, sha).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	return data, err == nil, err
}
