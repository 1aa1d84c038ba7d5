package storage

import (
	"context"
	"database/sql"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// change is one history row to append.
type change struct {
	assessmentID string
	indicator    int
	field        string
	old, new     string
	at           string
	operator     string
}

// appendHistory is the only statement that touches the history table; the
// schema's triggers refuse UPDATE and DELETE on it.
func appendHistory(ctx context.Context, tx *sql.Tx, c change) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO history (assessment_id, indicator, field, old, new, at, operator)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.assessmentID, c.indicator, c.field, c.old, c.new, c.at, c.operator)
	return err
}

// History returns every change of one answer, oldest first, so an earlier
// justification can be seen and set again.
func (db *DB) History(ctx context.Context, assessmentID string, indicator int) ([]assessment.Change, error) {
	var out []assessment.Change
	err := db.read(func(q *sql.DB) error {
		if err := assessmentExists(ctx, q, assessmentID); err != nil {
			return err
		}
		rows, err := q.QueryContext(ctx, `SELECT id, indicator, field, old, new, at, operator
			FROM history WHERE assessment_id = ? AND indicator = ? ORDER BY id`, assessmentID, indicator)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c assessment.Change
			var at string
			if err := rows.Scan(&c.ID, &c.Indicator, &c.Field, &c.Old, &c.New, &at, &c.Operator); err != nil {
				return err
			}
			c.At = parseTime(at)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}
