package asesor

import (
	"context"
	"database/sql"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// Recap lists the accepted bundle of every OPD and periode, sorted by OPD
// code then periode. OPDKode is shown with intake.VisibleCode.
func (w *Workspace) Recap(ctx context.Context) ([]assessment.RecapRow, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, `
		WITH counts AS (
			SELECT opd_kode, periode, count(*) AS versions, sum(status = 'conflict') AS conflicts
			FROM bundle GROUP BY opd_kode, periode)
		SELECT b.opd_kode, b.opd_nama, b.instansi, b.periode, b.score_index, b.predicate, b.complete, b.answered, b.total,
			b.calc_index, b.calc_predicate, b.calc_complete, b.calc_answered, b.calc_total, b.keyid, k.status, b.sequence, b.bundle_id, b.created_at, b.imported_at, c.versions, c.conflicts
		FROM bundle b
		JOIN opd_key k ON k.keyid = b.keyid
		JOIN counts c ON c.opd_kode = b.opd_kode AND c.periode = b.periode
		WHERE b.status = 'accepted'
		ORDER BY b.opd_kode, b.periode`)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var out []assessment.RecapRow
	for rows.Next() {
		var r assessment.RecapRow
		var status string
		var seq int64
		var imported sql.NullString
		var c calcColumns
		if err := rows.Scan(&r.OPDKode, &r.OPDNama, &r.Instansi, &r.Periode, &r.Index, &r.Predicate, &r.Complete, &r.Answered,
			&r.Total, &c.index, &c.predicate, &c.complete, &c.answered, &c.total, &r.KeyID, &status, &seq, &r.BundleID,
			&r.CreatedAt, &imported, &r.Versions, &r.Conflicts); err != nil {
			return nil, err
		}
		r.KeyStatus, r.Sequence, r.Imported = assessment.KeyStatus(status), uint64(seq), parseTime(imported)
		// Rows are per stored spelling, one per OPD since schema 5; a
		// look-alike stored before shows its foreign characters, so no
		// two rows ever look the same.
		r.OPDKode = intake.VisibleCode(r.OPDKode)
		out = append(out, c.apply(r))
	}
	if err := rows.Err(); err != nil {
		return nil, w.classify(err)
	}
	rows.Close()
	return out, w.classify(w.reviewedScores(ctx, pool, out))
}

// calcColumns are the recomputed score columns (NULL before recomputing).
type calcColumns struct {
	index, predicate sql.NullString
	complete         sql.NullBool
	answered, total  sql.NullInt64
}

// apply puts the recomputed score in the row's place and keeps the
// claimed one beside it.
func (c calcColumns) apply(r assessment.RecapRow) assessment.RecapRow {
	r.ClaimedIndex, r.ClaimedPredicate = r.Index, r.Predicate
	if !c.index.Valid {
		return r
	}
	r.Recomputed = true
	r.Index, r.Predicate, r.Complete = c.index.String, c.predicate.String, c.complete.Bool
	r.Answered, r.Total = int(c.answered.Int64), int(c.total.Int64)
	r.IndexMismatch = !sameIndex(r.ClaimedIndex, r.Index) || r.ClaimedPredicate != r.Predicate
	return r
}

// Answer is one stored answer of a bundle with its evidence links.
type Answer struct {
	Indicator     int
	Level         int
	Justification string
	Evidence      []EvidenceLink
	// External is the agency score the OPD entered (answers.json version
	// 2); nil when none.
	External *assessment.ExternalScore
}

// EvidenceLink points at a stored evidence blob.
type EvidenceLink struct {
	SHA256       string
	Level        int
	Note         string
	OriginalName string
	// Items are the evidence-item codes the file supports (answers.json
	// version 2), sorted; nil when none.
	Items []string
}

// Answers returns the stored answers of one bundle, by indicator.
func (w *Workspace) Answers(ctx context.Context, bundleID string) ([]Answer, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, `SELECT a.indicator, a.level, a.justification, e.sha256, e.level, e.note, e.original_name
		FROM bundle_answer a LEFT JOIN bundle_evidence e ON e.bundle_id = a.bundle_id AND e.indicator = a.indicator
		WHERE a.bundle_id = ? ORDER BY a.indicator, e.pos`, bundleID)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		var a Answer
		var sha, note, name sql.NullString
		var lvl sql.NullInt64
		if err := rows.Scan(&a.Indicator, &a.Level, &a.Justification, &sha, &lvl, &note, &name); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].Indicator != a.Indicator {
			out = append(out, a)
		}
		if sha.Valid {
			last := &out[len(out)-1]
			last.Evidence = append(last.Evidence, EvidenceLink{SHA256: sha.String, Level: int(lvl.Int64), Note: note.String, OriginalName: name.String})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, w.classify(err)
	}
	rows.Close()
	return out, w.classify(attachItems(ctx, pool, bundleID, out))
}
