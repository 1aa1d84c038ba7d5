package asesor

import (
	"context"
	"database/sql"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// RecapRow is one OPD and periode: its accepted bundle.
type RecapRow struct {
	OPDKode  string
	OPDNama  string
	Instansi string
	Periode  int
	// Index … Total are recomputed from the answers on the catalog when
	// Recomputed, else as the OPD claimed them in answers.json. Index is
	// 4 decimals with a point, "" when nothing is answered.
	Index      string
	Predicate  string
	Complete   bool // false: the index is provisional (sementara)
	Answered   int
	Total      int
	Recomputed bool
	// ClaimedIndex and ClaimedPredicate are the OPD's own (answers.json);
	// IndexMismatch: they differ from the recomputed ones (the OPD's
	// program computed otherwise, or answers.json was made by hand).
	ClaimedIndex     string
	ClaimedPredicate string
	IndexMismatch    bool
	KeyID            string
	KeyStatus        assessment.KeyStatus // pending: not final until the key is verified
	Sequence         uint64               // of the accepted bundle
	BundleID         string
	CreatedAt        string // the OPD device's clock, display only
	ImportedAt       time.Time
	Versions         int // bundles stored for this OPD + periode
	Conflicts        int // of them in conflict with the accepted one
}

// Recap lists the accepted bundle of every OPD and periode, sorted by OPD
// code then periode. OPDKode is shown with intake.VisibleCode.
func (w *Workspace) Recap(ctx context.Context) ([]RecapRow, error) {
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
	var out []RecapRow
	for rows.Next() {
		var r RecapRow
		var status string
		var seq int64
		var imported sql.NullString
		var c calcColumns
		if err := rows.Scan(&r.OPDKode, &r.OPDNama, &r.Instansi, &r.Periode, &r.Index, &r.Predicate, &r.Complete, &r.Answered,
			&r.Total, &c.index, &c.predicate, &c.complete, &c.answered, &c.total, &r.KeyID, &status, &seq, &r.BundleID,
			&r.CreatedAt, &imported, &r.Versions, &r.Conflicts); err != nil {
			return nil, err
		}
		r.KeyStatus, r.Sequence, r.ImportedAt = assessment.KeyStatus(status), uint64(seq), parseTime(imported)
		// Rows are per stored spelling, one per OPD since schema 5; a
		// look-alike stored before shows its foreign characters, so no
		// two rows ever look the same.
		r.OPDKode = intake.VisibleCode(r.OPDKode)
		out = append(out, c.apply(r))
	}
	return out, w.classify(rows.Err())
}

// calcColumns are the recomputed score columns (NULL before recomputing).
type calcColumns struct {
	index, predicate sql.NullString
	complete         sql.NullBool
	answered, total  sql.NullInt64
}

// apply puts the recomputed score in the row's place and keeps the
// claimed one beside it.
func (c calcColumns) apply(r RecapRow) RecapRow {
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
}

// EvidenceLink points at a stored evidence blob.
type EvidenceLink struct {
	SHA256       string
	Level        int
	Note         string
	OriginalName string
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
	return out, w.classify(rows.Err())
}
