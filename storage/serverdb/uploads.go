package serverdb

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
)

// Upload is the durable state of one resumable file upload: the bytes in
// S3 multipart parts so far and the SHA-256 state after them.
type Upload struct {
	PemdaID    int16
	SHA256     string
	Size       int64
	S3Upload   string   // multipart upload id ("" before the first part)
	ETags      []string // of parts 1..n, in order
	PartsBytes int64
	HashState  []byte // sha256 state (encoding.BinaryMarshaler) after PartsBytes
}

// UploadOf returns the upload state, or a fresh one (size given) if none.
func (db *DB) UploadOf(ctx context.Context, pemda int16, sha string, size int64) (Upload, error) {
	u := Upload{PemdaID: pemda, SHA256: sha, Size: size}
	err := db.Pool.QueryRow(ctx, `SELECT size, s3_upload, etags, parts_bytes, hash_state FROM upload WHERE pemda_id = $1 AND sha256 = $2`,
		pemda, sha).Scan(&u.Size, &u.S3Upload, &u.ETags, &u.PartsBytes, &u.HashState)
	if errors.Is(err, pgx.ErrNoRows) {
		return u, nil
	}
	return u, err
}

// SaveUpload records progress after a part was stored in S3.
func (db *DB) SaveUpload(ctx context.Context, u Upload) error {
	_, err := db.Pool.Exec(ctx, `INSERT INTO upload (pemda_id, sha256, size, s3_upload, etags, parts_bytes, hash_state, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, now())
		ON CONFLICT (pemda_id, sha256) DO UPDATE SET s3_upload = EXCLUDED.s3_upload, etags = EXCLUDED.etags,
			parts_bytes = EXCLUDED.parts_bytes, hash_state = EXCLUDED.hash_state, updated_at = now()`,
		u.PemdaID, u.SHA256, u.Size, u.S3Upload, u.ETags, u.PartsBytes, u.HashState)
	return err
}

// DeleteUpload forgets an upload (finished or abandoned).
func (db *DB) DeleteUpload(ctx context.Context, pemda int16, sha string) error {
	_, err := db.Pool.Exec(ctx, `DELETE FROM upload WHERE pemda_id = $1 AND sha256 = $2`, pemda, sha)
	return err
}

// StaleUploads are the uploads whose last part was stored before t.
func (db *DB) StaleUploads(ctx context.Context, before time.Time) ([]Upload, error) {
	rows, err := db.Pool.Query(ctx, `SELECT pemda_id, sha256, size, s3_upload, etags, parts_bytes, hash_state FROM upload WHERE updated_at < $1`, before)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Upload
	for rows.Next() {
		var u Upload
		if err := rows.Scan(&u.PemdaID, &u.SHA256, &u.Size, &u.S3Upload, &u.ETags, &u.PartsBytes, &u.HashState); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// ExpireStaging removes staging bundles announced before t none of whose
// files had an upload part stored since: the client gave up (or will
// announce again). Decided bundles are never touched.
func (db *DB) ExpireStaging(ctx context.Context, before time.Time) (int64, error) {
	tag, err := db.Pool.Exec(ctx, `DELETE FROM bundle b WHERE b.status = 'staging' AND b.announced_at < $1
		AND NOT EXISTS (SELECT 1 FROM bundle_file f JOIN upload u ON u.sha256 = f.sha256 AND u.pemda_id = b.pemda_id
			WHERE f.bundle_id = b.bundle_id AND u.updated_at >= $1)`, before)
	return tag.RowsAffected(), err
}
