package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// AddEvidence streams in.Reader into the content-addressed store and links
// it to the answer, recording the addition in the history. The file is
// copied before the database is locked, so other writes are not held up
// by a large file. On any error nothing is left behind: no temporary file,
// no blob that no row refers to (unless it was stored before), no row.
func (db *DB) AddEvidence(ctx context.Context, assessmentID string, indicator int, in assessment.EvidenceInput) (assessment.Evidence, error) {
	if err := checkEvidenceInput(&in); err != nil {
		return assessment.Evidence{}, err
	}
	if err := db.read(func(q *sql.DB) error { return answerExists(ctx, q, assessmentID, indicator) }); err != nil {
		return assessment.Evidence{}, err
	}
	st, err := db.stageBlob(ctx, in)
	if err != nil {
		return assessment.Evidence{}, err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	created, err := db.commitBlob(st)
	if err != nil {
		db.dropBlob(st.sha256, created)
		return assessment.Evidence{}, err
	}
	ev, err := db.linkEvidence(ctx, assessmentID, indicator, in, st)
	if err != nil {
		db.dropBlob(st.sha256, created)
	}
	return ev, err
}

func checkEvidenceInput(in *assessment.EvidenceInput) error {
	if in.Reader == nil {
		return errors.New("AddEvidence: Reader kosong")
	}
	if in.Level < 0 || in.Level > 5 {
		return &assessment.InputError{Msg: fmt.Sprintf("tingkat bukti %d di luar rentang 0–5 (0 = umum)", in.Level)}
	}
	in.Name = strings.TrimSpace(filepath.Base(filepath.ToSlash(in.Name)))
	if in.Name == "" || in.Name == "." || in.Name == "/" {
		in.Name = "bukti"
	}
	return nil
}

// dropBlob removes a blob this call created when its row was not committed.
func (db *DB) dropBlob(sum string, created bool) {
	if created {
		os.Remove(db.BlobPath(sum))
	}
}

// answerExists checks the assessment and the indicator outside a transaction.
func answerExists(ctx context.Context, q *sql.DB, id string, indicator int) error {
	if err := assessmentExists(ctx, q, id); err != nil {
		return err
	}
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM assessment_indicator WHERE assessment_id = ? AND indicator = ?`, id, indicator).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &assessment.InputError{Msg: fmt.Sprintf("indikator %d tidak ada di katalog penilaian %s", indicator, id)}
	}
	return err
}

// linkEvidence records the blob and the link in one transaction (mu held).
func (db *DB) linkEvidence(ctx context.Context, id string, indicator int, in assessment.EvidenceInput, st stagedBlob) (assessment.Evidence, error) {
	now := db.nowText()
	ev := assessment.Evidence{
		Indicator: indicator, OriginalName: in.Name, Level: in.Level, Note: in.Note,
		Blob:    assessment.Blob{SHA256: st.sha256, Size: st.size, MediaType: st.mediaType},
		AddedAt: parseTime(now),
	}
	err := db.writeLocked(ctx, func(tx *sql.Tx) error {
		if err := checkIndicatorOf(ctx, tx, id, indicator); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO blob (sha256, size, media_type, added_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (sha256) DO NOTHING`, st.sha256, st.size, st.mediaType, now); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT media_type FROM blob WHERE sha256 = ?`, st.sha256).Scan(&ev.Blob.MediaType); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO evidence (assessment_id, indicator, blob_sha256, original_name, level, note, added_at, operator)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, indicator, st.sha256, in.Name, in.Level, in.Note, now, in.Operator)
		if err != nil {
			return err
		}
		if ev.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := appendHistory(ctx, tx, change{id, indicator, assessment.FieldEvidence, "", describeEvidence(ev), now, in.Operator}); err != nil {
			return err
		}
		return touchAssessment(ctx, tx, id, now)
	})
	return ev, err
}

// describeEvidence is the history text of a link, e.g.
// "#7 sk-tim.pdf (sha256 1f2e3d4c5b6a…, tingkat 3)".
func describeEvidence(e assessment.Evidence) string {
	lvl := "umum"
	if e.Level > 0 {
		lvl = fmt.Sprintf("tingkat %d", e.Level)
	}
	return fmt.Sprintf("#%d %s (sha256 %s…, %s)", e.ID, e.OriginalName, e.Blob.ShortHash(), lvl)
}

const evidenceColumns = `e.id, e.indicator, e.original_name, e.level, e.note, e.added_at,
	b.sha256, b.size, b.media_type`

func scanEvidence(r rowScanner) (assessment.Evidence, error) {
	var e assessment.Evidence
	var at string
	err := r.Scan(&e.ID, &e.Indicator, &e.OriginalName, &e.Level, &e.Note, &at, &e.Blob.SHA256, &e.Blob.Size, &e.Blob.MediaType)
	e.AddedAt = parseTime(at)
	return e, err
}

// Evidence lists the linked (not removed) evidence of an assessment,
// sorted by indicator, then id.
func (db *DB) Evidence(ctx context.Context, assessmentID string) ([]assessment.Evidence, error) {
	var out []assessment.Evidence
	err := db.read(func(q *sql.DB) error {
		var err error
		out, err = evidenceOn(ctx, q, assessmentID)
		return err
	})
	return out, err
}

func evidenceOn(ctx context.Context, q querier, assessmentID string) ([]assessment.Evidence, error) {
	if err := assessmentExists(ctx, q, assessmentID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+evidenceColumns+` FROM evidence e JOIN blob b ON b.sha256 = e.blob_sha256
		WHERE e.assessment_id = ? AND e.removed_at IS NULL ORDER BY e.indicator, e.id`, assessmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []assessment.Evidence
	for rows.Next() {
		e, err := scanEvidence(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	items, err := assessmentItems(ctx, q, assessmentID)
	for i := range out {
		out[i].Items = items[out[i].ID]
	}
	return out, err
}
