package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	ExportedAt     time.Time // this computer's clock; set by RecordExport
}

const exportColumns = `bundle_id, assessment_id, opd_kode, periode, sequence, keyid, manifest_sha256, content_digest, path, size, exported_at`

// RecordExport logs a written bundle and marks its assessment exported, in
// one transaction. ExportedAt is set from the store's clock.
func (db *DB) RecordExport(ctx context.Context, r ExportRecord) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		now := db.nowText()
		_, err := tx.ExecContext(ctx, `INSERT INTO export (`+exportColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.BundleID, r.AssessmentID, r.OPDKode, r.Periode, int64(r.Sequence), r.KeyID,
			r.ManifestSHA256, r.ContentDigest, r.Path, r.Size, now)
		if isConstraint(err) {
			return fmt.Errorf("catatan ekspor %s ditolak (penilaian tidak ada, atau nomor urut %d sudah dipakai): %w", r.BundleID, r.Sequence, err)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE assessment SET status = 'exported', updated_at = ? WHERE id = ?`, now, r.AssessmentID)
		return err
	})
}

// Exports lists the exports of one assessment ("" = all), newest first.
func (db *DB) Exports(ctx context.Context, assessmentID string) ([]ExportRecord, error) {
	var out []ExportRecord
	err := db.read(func(pool *sql.DB) error {
		rows, err := pool.QueryContext(ctx, `SELECT `+exportColumns+` FROM export
			WHERE ? = '' OR assessment_id = ? ORDER BY exported_at DESC, sequence DESC`, assessmentID, assessmentID)
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

// LastExport is the newest export of an OPD and periode: the bundle the
// next one supersedes. assessment.ErrNotFound when there is none.
func (db *DB) LastExport(ctx context.Context, opdKode string, periode int) (ExportRecord, error) {
	var r ExportRecord
	err := db.read(func(pool *sql.DB) error {
		var err error
		r, err = scanExport(pool.QueryRowContext(ctx, `SELECT `+exportColumns+` FROM export
			WHERE opd_kode = ? AND periode = ? ORDER BY sequence DESC, exported_at DESC LIMIT 1`, opdKode, periode))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("ekspor %s periode %d %w", opdKode, periode, assessment.ErrNotFound)
		}
		return err
	})
	return r, err
}

// MaxExportSequence is the highest sequence logged for a key (0 if none).
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
	var at string
	err := s.Scan(&r.BundleID, &r.AssessmentID, &r.OPDKode, &r.Periode, &seq, &r.KeyID,
		&r.ManifestSHA256, &r.ContentDigest, &r.Path, &r.Size, &at)
	r.Sequence, r.ExportedAt = uint64(seq), parseTime(at)
	return r, err
}
