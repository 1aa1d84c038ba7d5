package asesor

import (
	"context"
	"database/sql"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// reviewedScores fills the reviewed index of the recap rows: per accepted
// bundle with a review, the values of assessment.ReviewedValue scored on
// its catalog (whose headline rule covers the indicators without one). A
// few bulk queries for all bundles (none more when nothing is reviewed);
// the item review is computed only for the diterima decisions without a
// set value on indicators with item verdicts, the only ones whose value
// it decides. Without the library (or the bundle's catalog) there is no
// reviewed index.
func (w *Workspace) reviewedScores(ctx context.Context, pool *sql.DB, out []assessment.RecapRow) error {
	if w.lib == nil || len(out) == 0 {
		return nil
	}
	in, err := readReviewedInput(ctx, pool)
	if err != nil {
		return err
	}
	for i := range out {
		r := &out[i]
		reviews := in.reviews[r.BundleID]
		ref, ok := in.catalogs[r.BundleID]
		if len(reviews) == 0 || !ok {
			continue
		}
		c, err := w.lib.Pinned(ref.ID, ref.Version, ref.SHA256)
		if err != nil {
			continue // not installed: no reviewed index
		}
		values, err := in.reviewedValues(r.BundleID, c)
		if err != nil {
			return err
		}
		if err := setReviewed(r, c, values); err != nil {
			return err
		}
	}
	return nil
}

// reviewedInput is what the recap's reviewed index needs, read in bulk
// for every accepted bundle: the current decisions, the catalog, the
// levels, and for the item review the item links and current verdicts.
type reviewedInput struct {
	reviews  map[string][]Review
	catalogs map[string]CatalogRef
	levels   map[string]map[int]int
	external map[string]map[int]*assessment.ExternalScore
	linked   map[string][]string
	verdicts map[string]map[int]map[string]assessment.ItemVerdict
}

// acceptedOnly restricts a bulk query to the accepted bundles.
const acceptedOnly = ` bundle_id IN (SELECT bundle_id FROM bundle WHERE status = 'accepted') `

func readReviewedInput(ctx context.Context, pool *sql.DB) (reviewedInput, error) {
	in := reviewedInput{reviews: map[string][]Review{}, catalogs: map[string]CatalogRef{}, levels: map[string]map[int]int{},
		external: map[string]map[int]*assessment.ExternalScore{},
		linked:   map[string][]string{}, verdicts: map[string]map[int]map[string]assessment.ItemVerdict{}}
	rows, err := pool.QueryContext(ctx, reviewSelect+`WHERE id IN (SELECT max(id) FROM review WHERE`+acceptedOnly+`GROUP BY bundle_id, indicator)`)
	if err != nil {
		return in, err
	}
	list, err := scanReviews(rows)
	if err != nil || len(list) == 0 {
		return in, err // nothing reviewed: nothing else to read
	}
	for _, r := range list {
		in.reviews[r.BundleID] = append(in.reviews[r.BundleID], r)
	}
	for _, read := range []func(context.Context, *sql.DB, *reviewedInput) error{readAcceptedCatalogs, readAcceptedLevels,
		readAcceptedExternal, readAcceptedLinks, readAcceptedVerdicts} {
		if err := read(ctx, pool, &in); err != nil {
			return in, err
		}
	}
	return in, nil
}

func readAcceptedCatalogs(ctx context.Context, pool *sql.DB, in *reviewedInput) error {
	return eachRow(ctx, pool, `SELECT bundle_id, catalog_id, catalog_version, catalog_sha256 FROM bundle WHERE status = 'accepted'`,
		func(rows *sql.Rows) error {
			var id string
			var ref CatalogRef
			err := rows.Scan(&id, &ref.ID, &ref.Version, &ref.SHA256)
			in.catalogs[id] = ref
			return err
		})
}

func readAcceptedLevels(ctx context.Context, pool *sql.DB, in *reviewedInput) error {
	return eachRow(ctx, pool, `SELECT bundle_id, indicator, level FROM bundle_answer WHERE`+acceptedOnly, func(rows *sql.Rows) error {
		var id string
		var n, l int
		err := rows.Scan(&id, &n, &l)
		if in.levels[id] == nil {
			in.levels[id] = map[int]int{}
		}
		in.levels[id][n] = l
		return err
	})
}

func readAcceptedExternal(ctx context.Context, pool *sql.DB, in *reviewedInput) error {
	return eachRow(ctx, pool, `SELECT bundle_id, indicator, score, year FROM bundle_external WHERE`+acceptedOnly, func(rows *sql.Rows) error {
		var id string
		var n int
		var e assessment.ExternalScore
		err := rows.Scan(&id, &n, &e.Score, &e.Year)
		if in.external[id] == nil {
			in.external[id] = map[int]*assessment.ExternalScore{}
		}
		in.external[id][n] = &e
		return err
	})
}

// readAcceptedLinks reads the item codes of every file, with the
// synthetic code of each file's level as linkedItems gives it (the same
// items as the review sheet's).
func readAcceptedLinks(ctx context.Context, pool *sql.DB, in *reviewedInput) error {
	return eachRow(ctx, pool, `SELECT DISTINCT bundle_id, code, 0, 0 FROM bundle_evidence_item WHERE`+acceptedOnly+
		`UNION SELECT DISTINCT bundle_id, '', indicator, level FROM bundle_evidence WHERE`+acceptedOnly+`AND level BETWEEN 1 AND 5`,
		func(rows *sql.Rows) error {
			var id, code string
			var ind, level int
			err := rows.Scan(&id, &code, &ind, &level)
			if code == "" {
				code = assessment.SyntheticItemCode(ind, level)
			}
			in.linked[id] = append(in.linked[id], code)
			return err
		})
}

func readAcceptedVerdicts(ctx context.Context, pool *sql.DB, in *reviewedInput) error {
	return eachRow(ctx, pool, itemVerdictSelect+`WHERE id IN (SELECT max(id) FROM review_item WHERE`+acceptedOnly+
		`GROUP BY bundle_id, indicator, code)`, func(rows *sql.Rows) error {
		var r ItemVerdictRecord
		var st string
		var at sql.NullString
		err := rows.Scan(&r.ID, &r.BundleID, &r.Indicator, &r.Code, &st, &r.Reason, &r.Note, &r.Computed, &r.Reviewer, &at)
		byN := in.verdicts[r.BundleID]
		if byN == nil {
			byN = map[int]map[string]assessment.ItemVerdict{}
			in.verdicts[r.BundleID] = byN
		}
		if byN[r.Indicator] == nil {
			byN[r.Indicator] = map[string]assessment.ItemVerdict{}
		}
		byN[r.Indicator][r.Code] = assessment.ItemVerdict{Code: r.Code, Status: st, Reason: r.Reason, Note: r.Note}
		return err
	})
}

// eachRow runs fn on every row of query.
func eachRow(ctx context.Context, pool *sql.DB, query string, fn func(*sql.Rows) error) error {
	rows, err := pool.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// reviewedValues are the values of one bundle's current decisions by
// indicator (assessment.ReviewedValue), for the catalog's indicators; the
// computed value comes from the same pure rules as the review sheet's
// (ReviewableItems, ReviewItems).
func (in reviewedInput) reviewedValues(id string, c *assessment.Catalog) (map[int]assessment.Value, error) {
	values := map[int]assessment.Value{}
	for _, r := range in.reviews[id] {
		ind, ok := c.Indicator(r.Indicator)
		if !ok || r.Status != ReviewAccepted {
			continue // recorded before the catalog check, or not counted
		}
		level, computed := in.levels[id][r.Indicator], ""
		if verdicts := in.verdicts[id][r.Indicator]; r.Value == "" && len(verdicts) > 0 {
			listed := assessment.ReviewableItems(ind, level, in.linked[id])
			computed = assessment.ReviewItems(listed, verdicts).Computed
		}
		opd := assessment.OPDValue(c, assessment.Answer{Indicator: r.Indicator, Level: level, External: in.external[id][r.Indicator]})
		if v := assessment.ReviewedValue(string(r.Status), r.Value, computed, opd); v != "" {
			var err error
			if values[r.Indicator], err = assessment.ParseValue(v); err != nil {
				return nil, err
			}
		}
	}
	return values, nil
}

// setReviewed scores values on c into the row.
func setReviewed(r *assessment.RecapRow, c *assessment.Catalog, values map[int]assessment.Value) error {
	if len(values) == 0 {
		return nil
	}
	s, err := assessment.ScoreValues(c, values)
	if err != nil {
		return err
	}
	r.Reviewed, r.ReviewedPredicate = len(values), s.Predicate
	if s.Index != nil {
		r.ReviewedIndex = s.Index.FloatString(4)
	}
	return nil
}
