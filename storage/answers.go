package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Answers returns the answers touched so far, by indicator number.
func (db *DB) Answers(ctx context.Context, assessmentID string) ([]assessment.Answer, error) {
	var out []assessment.Answer
	err := db.read(func(q *sql.DB) error {
		var err error
		out, err = answersOn(ctx, q, assessmentID)
		return err
	})
	return out, err
}

func answersOn(ctx context.Context, q querier, assessmentID string) ([]assessment.Answer, error) {
	var out []assessment.Answer
	if err := assessmentExists(ctx, q, assessmentID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT indicator, level, justification, updated_at, operator, external_score, external_year
		FROM answer WHERE assessment_id = ? ORDER BY indicator`, assessmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a assessment.Answer
		var at string
		var score sql.NullString
		var year int
		if err := rows.Scan(&a.Indicator, &a.Level, &a.Justification, &at, &a.Operator, &score, &year); err != nil {
			return nil, err
		}
		a.UpdatedAt, a.External = parseTime(at), externalOf(score, year)
		out = append(out, a)
	}
	return out, rows.Err()
}

func assessmentExists(ctx context.Context, q querier, id string) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM assessment WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundAssessment(id)
	}
	return err
}

// SetLevel sets the chosen level (1–5; 0 clears it) and appends the change
// to the history, in one transaction. An unchanged level writes nothing.
func (db *DB) SetLevel(ctx context.Context, assessmentID string, indicator, level int, operator string) error {
	if level < 0 || level > 5 {
		return &assessment.InputError{Msg: fmt.Sprintf("tingkat %d di luar rentang 1–5", level)}
	}
	return db.setField(ctx, assessmentID, indicator, assessment.FieldLevel, strconv.Itoa(level), operator)
}

// SetJustification sets the justification text and appends the change to
// the history, in one transaction. An unchanged text writes nothing.
func (db *DB) SetJustification(ctx context.Context, assessmentID string, indicator int, text, operator string) error {
	return db.setField(ctx, assessmentID, indicator, assessment.FieldJustification, text, operator)
}

// setField is the one write path for answer fields: read the old value,
// upsert the new one, append history — all in one transaction.
func (db *DB) setField(ctx context.Context, id string, indicator int, field, value, operator string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		if err := checkIndicatorOf(ctx, tx, id, indicator); err != nil {
			return err
		}
		old, err := currentValue(ctx, tx, id, indicator, field)
		if err != nil || old == value {
			return err
		}
		now := db.nowText()
		if err := upsertAnswer(ctx, tx, id, indicator, field, value, now, operator); err != nil {
			return err
		}
		if err := appendHistory(ctx, tx, change{id, indicator, field, old, value, now, operator}); err != nil {
			return err
		}
		return touchAssessment(ctx, tx, id, now)
	})
}

// checkIndicatorOf checks both the assessment and the indicator.
func checkIndicatorOf(ctx context.Context, tx *sql.Tx, id string, indicator int) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM assessment WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundAssessment(id)
	}
	if err != nil {
		return err
	}
	return checkIndicator(ctx, tx, id, indicator)
}

// currentValue returns the field's stored value as text ("0" / "" when
// the answer has not been touched).
func currentValue(ctx context.Context, tx *sql.Tx, id string, indicator int, field string) (string, error) {
	var level int
	var just string
	err := tx.QueryRowContext(ctx, `SELECT level, justification FROM answer WHERE assessment_id = ? AND indicator = ?`,
		id, indicator).Scan(&level, &just)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if field == assessment.FieldLevel {
		return strconv.Itoa(level), nil
	}
	return just, nil
}

func upsertAnswer(ctx context.Context, tx *sql.Tx, id string, indicator int, field, value, now, operator string) error {
	level, just := any(0), any("")
	set := "level = excluded.level"
	if field == assessment.FieldLevel {
		n, _ := strconv.Atoi(value)
		level = n
	} else {
		just = value
		set = "justification = excluded.justification"
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO answer (assessment_id, indicator, level, justification, updated_at, operator)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, indicator) DO UPDATE SET `+set+`,
			updated_at = excluded.updated_at, operator = excluded.operator`,
		id, indicator, level, just, now, operator)
	return err
}
