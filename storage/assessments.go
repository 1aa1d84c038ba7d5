package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

const assessmentColumns = `id, catalog_id, catalog_version, catalog_sha256, periode, status, created_at, updated_at, trashed_at`

// CreateAssessment starts an assessment pinned to catalog c (id, version,
// sha256) for periode, and records which indicator numbers it has.
func (db *DB) CreateAssessment(ctx context.Context, c *assessment.Catalog, periode int) (assessment.Assessment, error) {
	if c == nil || len(c.SHA256()) != 64 {
		return assessment.Assessment{}, errors.New("katalog belum divalidasi (sha256 kosong); muat lewat assessment.ParseCatalog")
	}
	if !assessment.ValidPeriode(periode) {
		return assessment.Assessment{}, &assessment.InputError{Msg: fmt.Sprintf("periode %d tidak masuk akal (2000–2100)", periode)}
	}
	var a assessment.Assessment
	err := db.write(ctx, func(tx *sql.Tx) error {
		now := db.nowText()
		id, err := insertAssessment(ctx, tx, c, periode, now)
		if err != nil {
			return err
		}
		if err := insertIndicators(ctx, tx, id, c); err != nil {
			return err
		}
		a, err = scanAssessment(tx.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessment WHERE id = ?`, id))
		return err
	})
	return a, err
}

func insertAssessment(ctx context.Context, tx *sql.Tx, c *assessment.Catalog, periode int, now string) (string, error) {
	for attempt := 0; ; attempt++ {
		id := newAssessmentID(periode, c.ID)
		res, err := tx.ExecContext(ctx, `INSERT INTO assessment (id, catalog_id, catalog_version, catalog_sha256, periode, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, id, c.ID, c.Version, c.SHA256(), periode, now, now)
		if err != nil {
			return "", err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return id, nil
		}
		if attempt > 10 {
			return "", errors.New("id penilaian unik tidak dapat dibuat")
		}
	}
}

func insertIndicators(ctx context.Context, tx *sql.Tx, id string, c *assessment.Catalog) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO assessment_indicator (assessment_id, indicator) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, in := range c.Indicators {
		if _, err := stmt.ExecContext(ctx, id, in.Number); err != nil {
			return err
		}
	}
	return nil
}

type rowScanner interface{ Scan(dest ...any) error }

func scanAssessment(r rowScanner) (assessment.Assessment, error) {
	var a assessment.Assessment
	var created, updated string
	var trashed sql.NullString
	err := r.Scan(&a.ID, &a.CatalogID, &a.CatalogVersion, &a.CatalogSHA256, &a.Periode, &a.Status, &created, &updated, &trashed)
	if err != nil {
		return a, err
	}
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	if trashed.Valid {
		a.Status = assessment.AssessmentTrashed
		a.TrashedAt = parseTime(trashed.String)
	}
	return a, nil
}

// Assessments lists the assessments not in the trash, newest periode first.
func (db *DB) Assessments(ctx context.Context) ([]assessment.Assessment, error) {
	return db.listAssessments(ctx, `WHERE trashed_at IS NULL ORDER BY periode DESC, created_at, id`)
}

// TrashedAssessments lists the trash, most recently trashed first.
func (db *DB) TrashedAssessments(ctx context.Context) ([]assessment.Assessment, error) {
	return db.listAssessments(ctx, `WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id`)
}

// listAssessments reads the assessments that the fixed clause selects.
func (db *DB) listAssessments(ctx context.Context, clause string) ([]assessment.Assessment, error) {
	var out []assessment.Assessment
	err := db.read(func(q *sql.DB) error {
		rows, err := q.QueryContext(ctx, `SELECT `+assessmentColumns+` FROM assessment `+clause)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanAssessment(rows)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	return out, err
}

// Assessment returns one assessment, trashed or not.
func (db *DB) Assessment(ctx context.Context, id string) (assessment.Assessment, error) {
	var a assessment.Assessment
	err := db.read(func(q *sql.DB) error {
		var err error
		a, err = assessmentOn(ctx, q, id)
		return err
	})
	return a, err
}

func assessmentOn(ctx context.Context, q querier, id string) (assessment.Assessment, error) {
	a, err := scanAssessment(q.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessment WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, notFoundAssessment(id)
	}
	return a, err
}

func notFoundAssessment(id string) error {
	return fmt.Errorf("penilaian %q %w; lihat `spbe-mandiri assessment list`", id, assessment.ErrNotFound)
}

// TrashAssessment moves an assessment to the trash (nothing is deleted).
func (db *DB) TrashAssessment(ctx context.Context, id string) error {
	return db.setTrashed(ctx, id, true)
}

// RestoreAssessment takes an assessment out of the trash.
func (db *DB) RestoreAssessment(ctx context.Context, id string) error {
	return db.setTrashed(ctx, id, false)
}

func (db *DB) setTrashed(ctx context.Context, id string, trashed bool) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		var at any
		if trashed {
			at = db.nowText()
		}
		res, err := tx.ExecContext(ctx, `UPDATE assessment SET trashed_at = ? WHERE id = ?`, at, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFoundAssessment(id)
		}
		return nil
	})
}

// touchAssessment bumps updated_at; it also checks the assessment exists.
func touchAssessment(ctx context.Context, tx *sql.Tx, id, now string) error {
	res, err := tx.ExecContext(ctx, `UPDATE assessment SET updated_at = ? WHERE id = ?`, now, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFoundAssessment(id)
	}
	return nil
}

// checkIndicator returns an *assessment.InputError when the assessment's
// catalog has no such indicator.
func checkIndicator(ctx context.Context, tx *sql.Tx, id string, indicator int) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM assessment_indicator WHERE assessment_id = ? AND indicator = ?`,
		id, indicator).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &assessment.InputError{Msg: fmt.Sprintf("indikator %d tidak ada di katalog penilaian %s", indicator, id)}
	}
	return err
}
