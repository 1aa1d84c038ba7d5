package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// ExportRecord is one signed bundle this installation wrote.
type ExportRecord struct {
	BundleID       string
	AssessmentID   string
	OPDKode        string
	Periode        int
	Sequence       uint64
	KeyID          string
	ManifestSHA256 string
	ContentDigest  string
	Path           string // where it was written
	Size           int64
	ExportedAt     time.Time // this computer's clock; set by RecordExport / BeginExport
	Status         ExportStatus
}

// ExportStatus is where an export stands (migration 0005).
type ExportStatus string

// Export states: logged before the bundle file exists, in place, or
// never published (its sequence stays used).
const (
	ExportPending   ExportStatus = "pending"
	ExportPublished ExportStatus = "published"
	ExportAbandoned ExportStatus = "abandoned"
)

const exportColumns = `bundle_id, assessment_id, opd_kode, periode, sequence, keyid, manifest_sha256, content_digest, path, size, exported_at, status`

// RecordExport logs a written bundle and marks its assessment exported, in
// one transaction. ExportedAt is set from the store's clock.
func (db *DB) RecordExport(ctx context.Context, r ExportRecord) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		now, err := db.insertExport(ctx, tx, r, ExportPublished)
		if err != nil {
			return err
		}
		return markExported(ctx, tx, r.AssessmentID, now)
	})
}

// BeginExport logs a bundle as pending before anything of it is written to
// the destination, so that a crash after it is renamed into place still
// leaves a record that the next start can confirm (docs/storage.md,
// "Export log and reconciliation"). Its sequence is taken from then on.
func (db *DB) BeginExport(ctx context.Context, r ExportRecord) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		_, err := db.insertExport(ctx, tx, r, ExportPending)
		return err
	})
}

func (db *DB) insertExport(ctx context.Context, tx *sql.Tx, r ExportRecord, status ExportStatus) (string, error) {
	if r.Sequence > math.MaxInt64 {
		return "", fmt.Errorf("nomor urut %d di luar batas yang dapat disimpan", r.Sequence)
	}
	now := db.nowText()
	_, err := tx.ExecContext(ctx, `INSERT INTO export (`+exportColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.BundleID, r.AssessmentID, r.OPDKode, r.Periode, int64(r.Sequence), r.KeyID,
		r.ManifestSHA256, r.ContentDigest, r.Path, r.Size, now, string(status))
	if isConstraint(err) {
		return "", fmt.Errorf("catatan ekspor %s ditolak (penilaian tidak ada, atau nomor urut %d sudah dipakai): %w", r.BundleID, r.Sequence, err)
	}
	return now, err
}

func markExported(ctx context.Context, tx *sql.Tx, assessmentID, now string) error {
	_, err := tx.ExecContext(ctx, `UPDATE assessment SET status = 'exported', updated_at = ? WHERE id = ?`, now, assessmentID)
	return err
}

// PublishExport confirms a pending (or abandoned, when the file turned up
// after all) export: the bundle is in place at path with size bytes. Its
// assessment is marked exported in the same transaction.
func (db *DB) PublishExport(ctx context.Context, bundleID, path string, size int64) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		var assessmentID string
		err := tx.QueryRowContext(ctx, `UPDATE export SET status = 'published', path = ?, size = ? WHERE bundle_id = ?
			RETURNING assessment_id`, path, size, bundleID).Scan(&assessmentID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("ekspor %s %w di riwayat ekspor", bundleID, assessment.ErrNotFound)
		}
		if err != nil {
			return err
		}
		return markExported(ctx, tx, assessmentID, db.nowText())
	})
}

// AbandonExport settles a pending export that was not published. With
// release (nothing of it was written anywhere) the row is deleted and its
// sequence is free again; otherwise it stays, abandoned, and its sequence
// is never used again. A published export is never changed.
func (db *DB) AbandonExport(ctx context.Context, bundleID string, release bool) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		q := `UPDATE export SET status = 'abandoned' WHERE bundle_id = ? AND status = 'pending'`
		if release {
			q = `DELETE FROM export WHERE bundle_id = ? AND status = 'pending'`
		}
		_, err := tx.ExecContext(ctx, q, bundleID)
		return err
	})
}

// PendingExports lists the exports not yet confirmed, oldest first.
func (db *DB) PendingExports(ctx context.Context) ([]ExportRecord, error) {
	return db.queryExports(ctx, `SELECT `+exportColumns+` FROM export WHERE status = 'pending' ORDER BY sequence, exported_at`)
}

// Exports lists the exports of one assessment ("" = all), newest first.
func (db *DB) Exports(ctx context.Context, assessmentID string) ([]ExportRecord, error) {
	return db.queryExports(ctx, `SELECT `+exportColumns+` FROM export
			WHERE ? = '' OR assessment_id = ? ORDER BY exported_at DESC, sequence DESC`, assessmentID, assessmentID)
}

func (db *DB) queryExports(ctx context.Context, query string, args ...any) ([]ExportRecord, error) {
	var out []ExportRecord
	err := db.read(func(pool *sql.DB) error {
		rows, err := pool.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanExport(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// LastExport is the newest published export of an OPD and periode: the
// bundle the next one supersedes. assessment.ErrNotFound when there is
// none. Pending and abandoned exports are not superseded: they may never
// have reached anyone.
func (db *DB) LastExport(ctx context.Context, opdKode string, periode int) (ExportRecord, error) {
	var r ExportRecord
	err := db.read(func(pool *sql.DB) error {
		var err error
		r, err = scanExport(pool.QueryRowContext(ctx, `SELECT `+exportColumns+` FROM export
			WHERE opd_kode = ? AND periode = ? AND status = 'published' ORDER BY sequence DESC, exported_at DESC LIMIT 1`, opdKode, periode))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("ekspor %s periode %d %w", opdKode, periode, assessment.ErrNotFound)
		}
		return err
	})
	return r, err
}

// MaxExportSequence is the highest sequence logged for a key (0 if none),
// in any state: a pending or abandoned export's number is taken.
func (db *DB) MaxExportSequence(ctx context.Context, keyID string) (uint64, error) {
	var n int64
	err := db.read(func(pool *sql.DB) error {
		return pool.QueryRowContext(ctx, `SELECT coalesce(max(sequence), 0) FROM export WHERE keyid = ?`, keyID).Scan(&n)
	})
	return uint64(n), err
}

func scanExport(s interface{ Scan(dest ...any) error }) (ExportRecord, error) {
	var r ExportRecord
	var seq int64
	var at, status string
	err := s.Scan(&r.BundleID, &r.AssessmentID, &r.OPDKode, &r.Periode, &seq, &r.KeyID,
		&r.ManifestSHA256, &r.ContentDigest, &r.Path, &r.Size, &at, &status)
	r.Sequence, r.ExportedAt, r.Status = uint64(seq), parseTime(at), ExportStatus(status)
	return r, err
}
