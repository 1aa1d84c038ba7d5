package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// linkRow is an evidence link as stored, removed or not.
type linkRow struct {
	assessmentID string
	ev           assessment.Evidence
	removed      bool
}

func loadLink(ctx context.Context, tx *sql.Tx, evidenceID int64) (linkRow, error) {
	var l linkRow
	var removed sql.NullString
	row := tx.QueryRowContext(ctx, `SELECT e.assessment_id, e.removed_at, `+evidenceColumns+`
		FROM evidence e JOIN blob b ON b.sha256 = e.blob_sha256 WHERE e.id = ?`, evidenceID)
	var e assessment.Evidence
	var at string
	err := row.Scan(&l.assessmentID, &removed, &e.ID, &e.Indicator, &e.OriginalName, &e.Level, &e.Note, &at,
		&e.Blob.SHA256, &e.Blob.Size, &e.Blob.MediaType)
	if errors.Is(err, sql.ErrNoRows) {
		return l, fmt.Errorf("bukti #%d %w", evidenceID, assessment.ErrNotFound)
	}
	e.AddedAt = parseTime(at)
	l.ev, l.removed = e, removed.Valid
	return l, err
}

// RemoveEvidence unlinks evidence from its answer. It is a soft delete:
// the file and the row stay, and UndoRemoveEvidence brings it back.
// Removing an already removed link does nothing.
func (db *DB) RemoveEvidence(ctx context.Context, evidenceID int64, operator string) error {
	return db.setRemoved(ctx, evidenceID, true, operator)
}

// UndoRemoveEvidence links removed evidence again.
func (db *DB) UndoRemoveEvidence(ctx context.Context, evidenceID int64, operator string) error {
	return db.setRemoved(ctx, evidenceID, false, operator)
}

func (db *DB) setRemoved(ctx context.Context, evidenceID int64, remove bool, operator string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		l, err := loadLink(ctx, tx, evidenceID)
		if err != nil || l.removed == remove {
			return err
		}
		now := db.nowText()
		var at any
		old, new := "", describeEvidence(l.ev)
		if remove {
			at, old, new = now, new, ""
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evidence SET removed_at = ? WHERE id = ?`, at, evidenceID); err != nil {
			return err
		}
		c := change{l.assessmentID, l.ev.Indicator, assessment.FieldEvidence, old, new, now, operator}
		if err := appendHistory(ctx, tx, c); err != nil {
			return err
		}
		return touchAssessment(ctx, tx, l.assessmentID, now)
	})
}

// SetEvidenceNote changes the note of a link and records it in the history.
func (db *DB) SetEvidenceNote(ctx context.Context, evidenceID int64, note, operator string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		l, err := loadLink(ctx, tx, evidenceID)
		if err != nil || l.ev.Note == note {
			return err
		}
		now := db.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE evidence SET note = ? WHERE id = ?`, note, evidenceID); err != nil {
			return err
		}
		prefix := fmt.Sprintf("#%d catatan: ", evidenceID)
		c := change{l.assessmentID, l.ev.Indicator, assessment.FieldEvidence, prefix + l.ev.Note, prefix + note, now, operator}
		if err := appendHistory(ctx, tx, c); err != nil {
			return err
		}
		return touchAssessment(ctx, tx, l.assessmentID, now)
	})
}
