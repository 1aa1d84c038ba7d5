package asesor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// ItemReviewInput is one verdict on one evidence item of an indicator.
type ItemReviewInput struct {
	BundleID  string
	Indicator int
	Code      string // I4-L1-02
	Status    ReviewStatus
	Reason    string // for revisi: "bukti tidak tepat" | "belum diunggah"
	Note      string
	Reviewer  string
}

// ItemVerdictRecord is one stored item verdict.
type ItemVerdictRecord struct {
	ID        int64
	BundleID  string
	Indicator int
	Code      string
	Status    ReviewStatus
	Reason    string
	Note      string
	// Computed is the indicator value the items gave right after this
	// verdict (canonical decimal).
	Computed   string
	Reviewer   string
	ReviewedAt time.Time
}

// IndicatorItems is the item review of one indicator of a bundle: the
// items judged on the OPD's answer with the cascade applied, and the
// stored current verdict of each judged item (who and when).
type IndicatorItems struct {
	Indicator int
	Review    assessment.ItemReview
	Records   map[string]ItemVerdictRecord // by item code
}

// ErrNoItemCatalog: the bundle's catalog is not in this installation, so
// its evidence items are not known.
var ErrNoItemCatalog = errors.New("katalog bundel ini tidak ada di instalasi ini: butir bukti dukungnya tidak diketahui")

// bundleCatalog is the installed catalog a bundle was answered on.
func (w *Workspace) bundleCatalog(b BundleInfo) (*assessment.Catalog, error) {
	if w.lib == nil {
		return nil, ErrNoItemCatalog
	}
	c, err := w.lib.Pinned(b.Catalog.ID, b.Catalog.Version, b.Catalog.SHA256)
	if err != nil {
		return nil, fmt.Errorf("%w (%s versi %s)", ErrNoItemCatalog, b.Catalog.ID, b.Catalog.Version)
	}
	return c, nil
}

// ReviewItem records a verdict on one evidence item (append-only; the
// latest per item is the current one). The verdict is checked by
// assessment.CheckItemVerdict against the bundle's catalog and the OPD's
// answer, and accepting an item the cascade rejects automatically (a
// lower level is rejected) is refused (assessment.ItemReview.CheckAccept).
func (w *Workspace) ReviewItem(ctx context.Context, in ItemReviewInput) (ItemVerdictRecord, error) {
	rec := ItemVerdictRecord{Indicator: in.Indicator, Reviewer: strings.TrimSpace(in.Reviewer)}
	if rec.Reviewer == "" {
		return rec, &InputError{Msg: "nama asesor (reviewer) wajib diisi"}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.write(ctx, func(tx *sql.Tx) error {
		b, err := bundleByID(ctx, tx, in.BundleID)
		if err != nil {
			return err
		}
		st, err := w.itemState(ctx, tx, b, in.Indicator)
		if err != nil {
			return err
		}
		v, err := assessment.CheckItemVerdict(st.indicator, st.listed, assessment.ItemVerdict{Code: in.Code,
			Status: string(in.Status), Reason: in.Reason, Note: in.Note})
		if err == nil {
			err = assessment.ReviewItems(st.listed, st.verdicts).CheckAccept(v)
		}
		if err != nil {
			return &InputError{Msg: err.Error()}
		}
		st.verdicts[v.Code] = v
		rec.BundleID, rec.Code, rec.Status, rec.Reason, rec.Note = b.BundleID, v.Code, ReviewStatus(v.Status), v.Reason, v.Note
		rec.Computed = assessment.ReviewItems(st.listed, st.verdicts).Computed
		return insertItemVerdict(ctx, tx, &rec, w.nowText())
	})
	if err != nil {
		return ItemVerdictRecord{}, err
	}
	return rec, nil
}

func insertItemVerdict(ctx context.Context, tx *sql.Tx, rec *ItemVerdictRecord, at string) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO review_item (bundle_id, indicator, code, status, reason, note, computed_value, reviewer, reviewed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, rec.BundleID, rec.Indicator, rec.Code, string(rec.Status), rec.Reason, rec.Note,
		rec.Computed, rec.Reviewer, at)
	if err != nil {
		return err
	}
	rec.ID, err = res.LastInsertId()
	rec.ReviewedAt, _ = time.Parse(time.RFC3339Nano, at)
	return err
}

// itemState is what an item verdict is checked against: the catalog's
// indicator, the items judged on the OPD's answer, and the current
// verdicts by code.
type itemState struct {
	indicator assessment.Indicator
	listed    []assessment.ReviewableItem
	verdicts  map[string]assessment.ItemVerdict
	records   map[string]ItemVerdictRecord
}

func (w *Workspace) itemState(ctx context.Context, q querier, b BundleInfo, indicator int) (itemState, error) {
	c, err := w.bundleCatalog(b)
	if err != nil {
		return itemState{}, &InputError{Msg: err.Error()}
	}
	in, ok := c.Indicator(indicator)
	if !ok {
		return itemState{}, &InputError{Msg: fmt.Sprintf("indikator %d tidak ada di katalog %s bundel ini", indicator, c.ID)}
	}
	level, linked, err := answerItems(ctx, q, b.BundleID, indicator)
	if err != nil {
		return itemState{}, err
	}
	st := itemState{indicator: in, listed: assessment.ReviewableItems(in, level, linked)}
	st.records, err = currentItemVerdicts(ctx, q, b.BundleID, indicator)
	st.verdicts = make(map[string]assessment.ItemVerdict, len(st.records))
	for code, r := range st.records {
		st.verdicts[code] = assessment.ItemVerdict{Code: code, Status: string(r.Status), Reason: r.Reason, Note: r.Note}
	}
	return st, err
}

// answerItems is the OPD's level on an indicator (0 = not answered) and
// the item codes its evidence files are linked to.
func answerItems(ctx context.Context, q querier, bundleID string, indicator int) (level int, linked []string, err error) {
	err = q.QueryRowContext(ctx, `SELECT level FROM bundle_answer WHERE bundle_id = ? AND indicator = ?`, bundleID, indicator).Scan(&level)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return 0, nil, err
	}
	linked, err = linkedItems(ctx, q, bundleID, indicator)
	return level, linked, err
}

// linkedItems are the item codes the OPD linked its evidence files of an
// indicator to (indicator 0: of every indicator; ReviewableItems ignores
// codes of other indicators) — bundle_evidence_item, from answers.json
// format 2 on, none for older bundles — and, for every file attached at
// a level 1–5, that level's synthetic code I4-L3-00, which
// ReviewableItems keeps only where the catalog lists no item for the
// level (assessment.FileItems: such a file is that level's evidence);
// each once, sorted.
func linkedItems(ctx context.Context, q querier, bundleID string, indicator int) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT code, 0, 0 FROM bundle_evidence_item WHERE bundle_id = ? AND (? = 0 OR indicator = ?)
		UNION SELECT DISTINCT '', indicator, level FROM bundle_evidence WHERE bundle_id = ? AND (? = 0 OR indicator = ?)
		AND level BETWEEN 1 AND 5`, bundleID, indicator, indicator, bundleID, indicator, indicator)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var code string
		var ind, level int
		if err := rows.Scan(&code, &ind, &level); err != nil {
			return nil, err
		}
		if code == "" {
			code = assessment.SyntheticItemCode(ind, level)
		}
		out = append(out, code)
	}
	sort.Strings(out)
	return out, rows.Err()
}

const itemVerdictSelect = `SELECT id, bundle_id, indicator, code, status, reason, note, computed_value, reviewer, reviewed_at FROM review_item `

func scanItemVerdicts(rows *sql.Rows) ([]ItemVerdictRecord, error) {
	defer rows.Close()
	var out []ItemVerdictRecord
	for rows.Next() {
		var r ItemVerdictRecord
		var st string
		var at sql.NullString
		if err := rows.Scan(&r.ID, &r.BundleID, &r.Indicator, &r.Code, &st, &r.Reason, &r.Note, &r.Computed, &r.Reviewer, &at); err != nil {
			return nil, err
		}
		r.Status, r.ReviewedAt = ReviewStatus(st), parseTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// currentItemVerdicts are the latest verdicts per item of one indicator
// (indicator 0: of every indicator of the bundle).
func currentItemVerdicts(ctx context.Context, q querier, bundleID string, indicator int) (map[string]ItemVerdictRecord, error) {
	rows, err := q.QueryContext(ctx, itemVerdictSelect+`WHERE id IN (SELECT max(id) FROM review_item
		WHERE bundle_id = ? AND (? = 0 OR indicator = ?) GROUP BY indicator, code)`, bundleID, indicator, indicator)
	if err != nil {
		return nil, err
	}
	list, err := scanItemVerdicts(rows)
	out := make(map[string]ItemVerdictRecord, len(list))
	for _, r := range list {
		out[r.Code] = r
	}
	return out, err
}

// ItemHistory returns every verdict on the items of one indicator of a
// bundle, oldest first.
func (w *Workspace) ItemHistory(ctx context.Context, bundleID string, indicator int) ([]ItemVerdictRecord, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, itemVerdictSelect+`WHERE bundle_id = ? AND indicator = ? ORDER BY id`, bundleID, indicator)
	if err != nil {
		return nil, w.classify(err)
	}
	return scanItemVerdicts(rows)
}

// Items returns the item review of one indicator of a bundle (id or
// unique prefix).
func (w *Workspace) Items(ctx context.Context, bundleID string, indicator int) (IndicatorItems, error) {
	pool, err := w.db()
	if err != nil {
		return IndicatorItems{}, err
	}
	b, err := bundleByID(ctx, pool, bundleID)
	if err != nil {
		return IndicatorItems{}, err
	}
	st, err := w.itemState(ctx, pool, b, indicator)
	if err != nil {
		return IndicatorItems{}, w.classify(err)
	}
	return IndicatorItems{Indicator: indicator, Review: assessment.ReviewItems(st.listed, st.verdicts), Records: st.records}, nil
}

// bundleItems is the item review of every answered or item-reviewed
// indicator of a bundle, by indicator; empty when the bundle's catalog is
// not installed (then no item can be judged either).
func (w *Workspace) bundleItems(ctx context.Context, q querier, b BundleInfo) (map[int]IndicatorItems, error) {
	out := map[int]IndicatorItems{}
	c, err := w.bundleCatalog(b)
	if err != nil {
		return out, nil
	}
	levels, err := storedLevels(ctx, q, b.BundleID)
	if err != nil {
		return nil, err
	}
	all, err := currentItemVerdicts(ctx, q, b.BundleID, 0)
	if err != nil {
		return nil, err
	}
	linked, err := linkedItems(ctx, q, b.BundleID, 0)
	if err != nil {
		return nil, err
	}
	for _, in := range c.Indicators {
		listed := assessment.ReviewableItems(in, levels[in.Number], linked)
		if len(listed) == 0 {
			continue
		}
		ii := IndicatorItems{Indicator: in.Number, Records: map[string]ItemVerdictRecord{}}
		verdicts := map[string]assessment.ItemVerdict{}
		for code, r := range all {
			if r.Indicator == in.Number {
				ii.Records[code] = r
				verdicts[code] = assessment.ItemVerdict{Code: code, Status: string(r.Status), Reason: r.Reason, Note: r.Note}
			}
		}
		ii.Review = assessment.ReviewItems(listed, verdicts)
		out[in.Number] = ii
	}
	return out, nil
}

// computedValue is the value the items of an indicator give now ("" when
// none has a verdict, or the catalog is unknown).
func (w *Workspace) computedValue(ctx context.Context, q querier, b BundleInfo, indicator int) (string, error) {
	if _, err := w.bundleCatalog(b); err != nil {
		return "", nil
	}
	st, err := w.itemState(ctx, q, b, indicator)
	var ie *InputError
	if errors.As(err, &ie) {
		return "", nil // the indicator is not in the catalog: nothing to compute
	}
	if err != nil {
		return "", err
	}
	return assessment.ReviewItems(st.listed, st.verdicts).Computed, nil
}
