package serverdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// Bundle is a stored bundle row.
type Bundle struct {
	BundleID       string
	PemdaID        int16
	ManifestSHA256 string
	KeyID          string
	OPDKode        string
	Periode        int
	Sequence       uint64
	SupersedesID   string // the manifest's supersedes ("" for the first)
	SupersedesSHA  string
	CreatedAt      string // the OPD's clock, display only
	Status         string // staging, accepted, superseded, conflict
	Outcome        string
	Manifest       []byte
	Signature      []byte
	AnnouncedAt    time.Time
	Receipt        []byte
	LogSeq         int64 // the pull cursor (0 while staging)
}

// ErrBundleIDReused: the bundle id is stored with another manifest.
var ErrBundleIDReused = errors.New("bundle id sudah dipakai bundel lain dengan isi berbeda")

// Announce stages a verified manifest: the bundle row (status staging) and
// its file list. Announcing the same manifest again returns the stored row
// unchanged (idempotent: a retry whose answer was lost gets the same).
func (db *DB) Announce(ctx context.Context, pemda int16, v *bundle.Verified, manifest, sig []byte) (Bundle, error) {
	m := v.Manifest
	var supersedes, supersedesSHA *string
	if m.Supersedes != nil {
		supersedes, supersedesSHA = &m.Supersedes.BundleID, &m.Supersedes.ManifestSHA256
	}
	err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO bundle (bundle_id, pemda_id, manifest_sha256, keyid, opd_kode, periode, sequence,
				supersedes_id, supersedes_sha, created_at, status, manifest, signature)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'staging', $11, $12) ON CONFLICT (manifest_sha256) DO NOTHING`,
			m.BundleID, pemda, v.ManifestSHA256, m.Signer.KeyID, m.OPD.Kode, m.Periode, int64(m.Sequence), supersedes, supersedesSHA,
			m.CreatedAt, manifest, sig)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		b := &pgx.Batch{} // the file list in one round trip
		for _, f := range m.Files {
			b.Queue(`INSERT INTO bundle_file (bundle_id, path, role, sha256, size) VALUES ($1, $2, $3, $4, $5)`,
				m.BundleID, f.Path, f.Role, f.SHA256, f.Size)
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if IsUniqueViolation(err) {
		// Two announces of one manifest at once: PostgreSQL may report the
		// primary key (bundle_id) before the ON CONFLICT arbiter, so the
		// row is the same bundle's when its manifest is ours.
		if b, rerr := db.bundleWhere(ctx, db.Pool, `manifest_sha256 = $1`, v.ManifestSHA256); rerr == nil && b.BundleID == m.BundleID && b.PemdaID == pemda {
			return b, nil
		}
		return Bundle{}, ErrBundleIDReused // bundle_id is the primary key
	}
	if err != nil {
		return Bundle{}, err
	}
	b, err := db.bundleWhere(ctx, db.Pool, `manifest_sha256 = $1`, v.ManifestSHA256)
	if err == nil && b.PemdaID != pemda {
		return Bundle{}, ErrBundleIDReused // the same manifest under another Pemda: not ours to answer
	}
	return b, err
}

const bundleCols = `bundle_id::text, pemda_id, manifest_sha256, keyid, opd_kode, periode, sequence,
	coalesce(supersedes_id::text, ''), coalesce(supersedes_sha, ''), created_at, status,
	coalesce(outcome, ''), manifest, signature, announced_at, coalesce(receipt, ''::bytea), coalesce(log_seq, 0)`

func (db *DB) bundleWhere(ctx context.Context, q Querier, where string, args ...any) (Bundle, error) {
	var b Bundle
	var seq int64
	var periode int16
	err := q.QueryRow(ctx, `SELECT `+bundleCols+` FROM bundle WHERE `+where, args...).Scan(&b.BundleID, &b.PemdaID,
		&b.ManifestSHA256, &b.KeyID, &b.OPDKode, &periode, &seq, &b.SupersedesID, &b.SupersedesSHA, &b.CreatedAt, &b.Status, &b.Outcome, &b.Manifest, &b.Signature,
		&b.AnnouncedAt, &b.Receipt, &b.LogSeq)
	if errors.Is(err, pgx.ErrNoRows) {
		return b, fmt.Errorf("bundel: %w", assessment.ErrNotFound)
	}
	b.Sequence, b.Periode = uint64(seq), int(periode)
	return b, err
}

// BundleByID finds a bundle of the Pemda.
func (db *DB) BundleByID(ctx context.Context, pemda int16, id string) (Bundle, error) {
	if !validUUID(id) {
		return Bundle{}, fmt.Errorf("bundel: %w", assessment.ErrNotFound)
	}
	return db.bundleWhere(ctx, db.Pool, `bundle_id = $1 AND pemda_id = $2`, id, pemda)
}

// BundleByManifest finds a bundle by its manifest hash.
func (db *DB) BundleByManifest(ctx context.Context, sha string) (Bundle, error) {
	return db.bundleWhere(ctx, db.Pool, `manifest_sha256 = $1`, sha)
}

// Missing lists the bundle's files the Pemda has not proven it holds.
func (db *DB) Missing(ctx context.Context, pemda int16, bundleID string) ([]syncapi.MissingFile, error) {
	rows, err := db.Pool.Query(ctx, `SELECT f.path, f.sha256, f.size FROM bundle_file f
		WHERE f.bundle_id = $1 AND NOT EXISTS (SELECT 1 FROM pemda_blob p WHERE p.pemda_id = $2 AND p.sha256 = f.sha256)
		ORDER BY f.path`, bundleID, pemda)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []syncapi.MissingFile
	for rows.Next() {
		var f syncapi.MissingFile
		if err := rows.Scan(&f.Path, &f.SHA256, &f.Size); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// StagedFile reports whether a staging bundle of the Pemda lists a file
// with this hash, and its size: only such files may be uploaded.
func (db *DB) StagedFile(ctx context.Context, pemda int16, bundleID, sha string) (size int64, ok bool, err error) {
	if !validUUID(bundleID) {
		return 0, false, nil
	}
	err = db.Pool.QueryRow(ctx, `SELECT f.size FROM bundle_file f JOIN bundle b USING (bundle_id)
		WHERE b.bundle_id = $1 AND b.pemda_id = $2 AND f.sha256 = $3 LIMIT 1`, bundleID, pemda, sha).Scan(&size)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	return size, err == nil, err
}

// HasBlob reports whether the Pemda has proven it holds the file.
func (db *DB) HasBlob(ctx context.Context, pemda int16, sha string) (bool, error) {
	var ok bool
	err := db.Pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pemda_blob WHERE pemda_id = $1 AND sha256 = $2)`, pemda, sha).Scan(&ok)
	return ok, err
}

// AddBlob records a file hashed and stored in the bucket, proven by this
// Pemda.
func (db *DB) AddBlob(ctx context.Context, pemda int16, sha string, size int64) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO blob (sha256, size) VALUES ($1, $2) ON CONFLICT DO NOTHING`, sha, size); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO pemda_blob (pemda_id, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING`, pemda, sha)
		return err
	})
}

func validUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case !('0' <= c && c <= '9' || 'a' <= c && c <= 'f'):
			return false
		}
	}
	return true
}

// BundleOf is the row a verified manifest will have (not yet stored).
func BundleOf(pemda int16, v *bundle.Verified, manifest, sig []byte) Bundle {
	m := v.Manifest
	b := Bundle{BundleID: m.BundleID, PemdaID: pemda, ManifestSHA256: v.ManifestSHA256, KeyID: m.Signer.KeyID,
		OPDKode: m.OPD.Kode, Periode: m.Periode, Sequence: m.Sequence, CreatedAt: m.CreatedAt, Status: "staging",
		Manifest: manifest, Signature: sig}
	if m.Supersedes != nil {
		b.SupersedesID, b.SupersedesSHA = m.Supersedes.BundleID, m.Supersedes.ManifestSHA256
	}
	return b
}

// Discard removes a staging bundle that failed its checks (its files stay
// in the bucket, content-addressed, for a corrected re-send).
func (db *DB) Discard(ctx context.Context, bundleID string) error {
	_, err := db.Pool.Exec(ctx, `DELETE FROM bundle WHERE bundle_id = $1 AND status = 'staging'`, bundleID)
	return err
}

// LogEntry is one decided bundle in the Pemda's pull log.
type LogEntry struct {
	Seq            int64  `json:"seq"`
	BundleID       string `json:"bundle_id"`
	ManifestSHA256 string `json:"manifest_sha256"`
	OPDKode        string `json:"opd_kode"`
	Outcome        string `json:"outcome"`
	Status         string `json:"status"`
	CompletedAt    string `json:"completed_at"`
}

// Log lists the Pemda's decided bundles after cursor seq, in order.
func (db *DB) Log(ctx context.Context, pemda int16, after int64, limit int) ([]LogEntry, error) {
	rows, err := db.Pool.Query(ctx, `SELECT log_seq, bundle_id::text, manifest_sha256, opd_kode, outcome, status, completed_at
		FROM bundle WHERE pemda_id = $1 AND log_seq > $2 ORDER BY log_seq LIMIT $3`, pemda, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []LogEntry{}
	for rows.Next() {
		var e LogEntry
		var at time.Time
		if err := rows.Scan(&e.Seq, &e.BundleID, &e.ManifestSHA256, &e.OPDKode, &e.Outcome, &e.Status, &at); err != nil {
			return nil, err
		}
		e.CompletedAt = at.UTC().Format(time.RFC3339Nano)
		out = append(out, e)
	}
	return out, rows.Err()
}
