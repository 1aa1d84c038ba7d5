package asesor

import (
	"context"
	"database/sql"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// insertItemsAndExternal stores what answers.json format version 2 adds
// to one answer: the item codes of each evidence link (by its position)
// and the external score.
func insertItemsAndExternal(ctx context.Context, tx *sql.Tx, bundleID string, ans bundle.Answer) error {
	for pos, e := range ans.Evidence {
		for _, code := range e.Items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO bundle_evidence_item (bundle_id, indicator, pos, code) VALUES (?, ?, ?, ?)`,
				bundleID, ans.Indicator, pos, code); err != nil {
				return err
			}
		}
	}
	if ans.External == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO bundle_external (bundle_id, indicator, score, year) VALUES (?, ?, ?, ?)`,
		bundleID, ans.Indicator, ans.External.Score, ans.External.Year)
	return err
}

// linkKey is one evidence link of a bundle: indicator and position.
type linkKey struct{ indicator, pos int }

// storedItems returns the item codes of every evidence link of a bundle,
// each list sorted.
func storedItems(ctx context.Context, pool *sql.DB, bundleID string) (map[linkKey][]string, error) {
	rows, err := pool.QueryContext(ctx, `SELECT indicator, pos, code FROM bundle_evidence_item WHERE bundle_id = ?
		ORDER BY indicator, pos, code`, bundleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[linkKey][]string{}
	for rows.Next() {
		var k linkKey
		var code string
		if err := rows.Scan(&k.indicator, &k.pos, &code); err != nil {
			return nil, err
		}
		out[k] = append(out[k], code)
	}
	return out, rows.Err()
}

// storedExternal returns the external scores of a bundle by indicator.
func storedExternal(ctx context.Context, pool *sql.DB, bundleID string) (map[int]*assessment.ExternalScore, error) {
	rows, err := pool.QueryContext(ctx, `SELECT indicator, score, year FROM bundle_external WHERE bundle_id = ?`, bundleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]*assessment.ExternalScore{}
	for rows.Next() {
		var n int
		var e assessment.ExternalScore
		if err := rows.Scan(&n, &e.Score, &e.Year); err != nil {
			return nil, err
		}
		out[n] = &e
	}
	return out, rows.Err()
}

// attachItems fills Items and External of answers read by Answers.
func attachItems(ctx context.Context, pool *sql.DB, bundleID string, answers []Answer) error {
	items, err := storedItems(ctx, pool, bundleID)
	if err != nil {
		return err
	}
	ext, err := storedExternal(ctx, pool, bundleID)
	if err != nil {
		return err
	}
	for i := range answers {
		a := &answers[i]
		a.External = ext[a.Indicator]
		for pos := range a.Evidence {
			a.Evidence[pos].Items = items[linkKey{a.Indicator, pos}]
		}
	}
	return nil
}
