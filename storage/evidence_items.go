package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// checkPinned refuses a catalog that is not the one the assessment is
// pinned to: item codes and score scales are checked against it.
func checkPinned(ctx context.Context, tx *sql.Tx, id string, cat *assessment.Catalog) error {
	if cat == nil {
		return errors.New("katalog penilaian tidak diberikan")
	}
	var sum string
	err := tx.QueryRowContext(ctx, `SELECT catalog_sha256 FROM assessment WHERE id = ?`, id).Scan(&sum)
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundAssessment(id)
	}
	if err == nil && sum != cat.SHA256() {
		return fmt.Errorf("katalog %s %s bukan katalog penilaian %s", cat.ID, cat.Version, id)
	}
	return err
}

// SetEvidenceItems replaces the evidence-item codes a linked file
// supports, after assessment.CheckItemLinks against the pinned catalog,
// and records the change in the history. An unchanged set writes nothing.
func (db *DB) SetEvidenceItems(ctx context.Context, cat *assessment.Catalog, evidenceID int64, items []string, operator string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		l, err := loadLink(ctx, tx, evidenceID)
		if err != nil {
			return err
		}
		if l.removed {
			return &assessment.InputError{Msg: fmt.Sprintf("bukti #%d sudah dilepas; pulihkan dulu sebelum mengubah butirnya", evidenceID)}
		}
		if err := checkPinned(ctx, tx, l.assessmentID, cat); err != nil {
			return err
		}
		codes, err := assessment.CheckItemLinks(cat, l.ev.Indicator, items)
		if err != nil {
			return err
		}
		old, err := linkItems(ctx, tx, evidenceID)
		if err != nil || assessment.SameItems(old, codes) {
			return err
		}
		if err := replaceItems(ctx, tx, evidenceID, codes); err != nil {
			return err
		}
		now := db.nowText()
		c := change{l.assessmentID, l.ev.Indicator, assessment.FieldEvidence,
			assessment.FormatItemLinks(evidenceID, old), assessment.FormatItemLinks(evidenceID, codes), now, operator}
		if err := appendHistory(ctx, tx, c); err != nil {
			return err
		}
		return touchAssessment(ctx, tx, l.assessmentID, now)
	})
}

func replaceItems(ctx context.Context, tx *sql.Tx, evidenceID int64, codes []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM evidence_item WHERE evidence_id = ?`, evidenceID); err != nil {
		return err
	}
	for _, code := range codes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO evidence_item (evidence_id, code) VALUES (?, ?)`, evidenceID, code); err != nil {
			return err
		}
	}
	return nil
}

// linkItems returns the codes of one link, sorted.
func linkItems(ctx context.Context, tx *sql.Tx, evidenceID int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT code FROM evidence_item WHERE evidence_id = ? ORDER BY code`, evidenceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// assessmentItems returns the item codes of every link of an assessment,
// by evidence id, each list sorted.
func assessmentItems(ctx context.Context, q querier, assessmentID string) (map[int64][]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.evidence_id, i.code FROM evidence_item i JOIN evidence e ON e.id = i.evidence_id
		WHERE e.assessment_id = ? ORDER BY i.evidence_id, i.code`, assessmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return nil, err
		}
		out[id] = append(out[id], c)
	}
	return out, rows.Err()
}

// SetExternalScore records (or, with nil, clears) the agency's published
// score of an externally valued indicator, after assessment.CheckExternal
// against the pinned catalog, with its history entry. An unchanged score
// writes nothing.
func (db *DB) SetExternalScore(ctx context.Context, cat *assessment.Catalog, id string, indicator int, score *assessment.ExternalScore, operator string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		if err := checkIndicatorOf(ctx, tx, id, indicator); err != nil {
			return err
		}
		if err := checkPinned(ctx, tx, id, cat); err != nil {
			return err
		}
		var next *assessment.ExternalScore
		if score != nil {
			e, err := assessment.CheckExternal(cat, indicator, *score)
			if err != nil {
				return err
			}
			next = &e
		}
		old, err := currentExternal(ctx, tx, id, indicator)
		if err != nil || assessment.FormatExternal(old) == assessment.FormatExternal(next) {
			return err
		}
		now := db.nowText()
		if err := upsertExternal(ctx, tx, id, indicator, next, now, operator); err != nil {
			return err
		}
		c := change{id, indicator, assessment.FieldExternal, assessment.FormatExternal(old), assessment.FormatExternal(next), now, operator}
		if err := appendHistory(ctx, tx, c); err != nil {
			return err
		}
		return touchAssessment(ctx, tx, id, now)
	})
}

func currentExternal(ctx context.Context, tx *sql.Tx, id string, indicator int) (*assessment.ExternalScore, error) {
	var score sql.NullString
	var year int
	err := tx.QueryRowContext(ctx, `SELECT external_score, external_year FROM answer WHERE assessment_id = ? AND indicator = ?`,
		id, indicator).Scan(&score, &year)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return externalOf(score, year), err
}

// externalOf is the stored pair as the domain type (nil when none).
func externalOf(score sql.NullString, year int) *assessment.ExternalScore {
	if !score.Valid {
		return nil
	}
	return &assessment.ExternalScore{Score: score.String, Year: year}
}

func upsertExternal(ctx context.Context, tx *sql.Tx, id string, indicator int, e *assessment.ExternalScore, now, operator string) error {
	var score any
	year := 0
	if e != nil {
		score, year = e.Score, e.Year
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO answer (assessment_id, indicator, updated_at, operator, external_score, external_year)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, indicator) DO UPDATE SET external_score = excluded.external_score,
			external_year = excluded.external_year, updated_at = excluded.updated_at, operator = excluded.operator`,
		id, indicator, now, operator, score, year)
	return err
}
