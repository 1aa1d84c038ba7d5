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

// ReviewStatus is the assessor's decision on one indicator of a bundle.
type ReviewStatus string

// Review statuses.
const (
	ReviewAccepted ReviewStatus = "diterima"
	ReviewRevision ReviewStatus = "revisi"
)

// Reasons for a revisi.
const (
	ReasonWrongEvidence = "bukti tidak tepat"
	ReasonMissing       = "belum diunggah"
	ReasonAutoRejected  = "ditolak otomatis"
)

// Reasons lists the reasons a revisi may carry.
var Reasons = []string{ReasonWrongEvidence, ReasonMissing, ReasonAutoRejected}

// ReviewInput is one review decision.
type ReviewInput struct {
	BundleID  string
	Indicator int
	Value     string // decimal 1–5 ("2,5" or "2.5"); "" = no value given
	Status    ReviewStatus
	Reason    string // required for revisi, empty for diterima
	Note      string
	Reviewer  string
}

// Review is one stored review decision.
type Review struct {
	ID        int64
	BundleID  string
	Indicator int
	Value     string // normalised decimal with a point, "" = none
	// Computed is the value the item review computed when the decision
	// was recorded ("" = no item had a verdict, or before schema 7); the
	// value counted is assessment.ReviewedValue (the set one wins).
	Computed   string
	Status     ReviewStatus
	Reason     string
	Note       string
	Reviewer   string
	ReviewedAt time.Time
}

// Rat is the value as an exact rational, nil when none was given.
func (r Review) Rat() assessment.Value {
	if r.Value == "" {
		return nil
	}
	v, err := assessment.ParseValue(r.Value)
	if err != nil {
		return nil
	}
	return v
}

// BundleInfo describes one stored bundle.
type BundleInfo struct {
	BundleID       string
	ManifestSHA256 string
	OPDKode        string
	OPDNama        string
	Instansi       string
	Periode        int
	Sequence       uint64
	KeyID          string
	KeyStatus      assessment.KeyStatus
	ContentDigest  string
	Status         string // accepted | superseded | conflict
	CreatedAt      string
	ImportedAt     time.Time
	Index          string // recomputed on the catalog when it was, else as the OPD claimed it
	Predicate      string
	ClaimedIndex   string // as in the OPD's answers.json
	ReportSHA256   string
	Catalog        CatalogRef // the catalog the OPD answered on
}

// ReviewBundle is the bundle as the GUI and the CLI list it.
func (b BundleInfo) ReviewBundle() assessment.ReviewBundle {
	return assessment.ReviewBundle{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
		Sequence: b.Sequence, Status: b.Status, ReportSHA256: b.ReportSHA256, CreatedAt: b.CreatedAt, Imported: b.ImportedAt,
		Index: b.Index, Predicate: b.Predicate, ClaimedIndex: b.ClaimedIndex, KeyStatus: b.KeyStatus}
}

// ReviewBundles lists every stored bundle (as Bundles) for the GUI and the CLI.
func (w *Workspace) ReviewBundles(ctx context.Context) ([]assessment.ReviewBundle, error) {
	list, err := w.Bundles(ctx)
	out := make([]assessment.ReviewBundle, 0, len(list))
	for _, b := range list {
		out = append(out, b.ReviewBundle())
	}
	return out, err
}

// ErrUnknownBundle is returned for a bundle id that is not stored.
var ErrUnknownBundle = errors.New("bundel tidak ditemukan di ruang kerja asesor")

const bundleSelect = `SELECT b.bundle_id, b.manifest_sha256, b.opd_kode, b.opd_nama, b.instansi, b.periode, b.sequence, b.keyid, k.status,
	b.content_digest, b.status, b.created_at, b.imported_at, coalesce(b.calc_index, b.score_index),
	coalesce(b.calc_predicate, b.predicate), b.score_index, b.report_sha256,
	b.catalog_id, b.catalog_version, b.catalog_sha256
	FROM bundle b JOIN opd_key k ON k.keyid = b.keyid `

func scanBundle(s scanner) (BundleInfo, error) {
	var b BundleInfo
	var seq int64
	var ks string
	var imp sql.NullString
	err := s.Scan(&b.BundleID, &b.ManifestSHA256, &b.OPDKode, &b.OPDNama, &b.Instansi, &b.Periode, &seq, &b.KeyID, &ks,
		&b.ContentDigest, &b.Status, &b.CreatedAt, &imp, &b.Index, &b.Predicate, &b.ClaimedIndex, &b.ReportSHA256,
		&b.Catalog.ID, &b.Catalog.Version, &b.Catalog.SHA256)
	b.Sequence, b.KeyStatus, b.ImportedAt = uint64(seq), assessment.KeyStatus(ks), parseTime(imp)
	return b, err
}

// Bundle returns one stored bundle by id (or a unique prefix of at least
// 8 characters).
func (w *Workspace) Bundle(ctx context.Context, id string) (BundleInfo, error) {
	pool, err := w.db()
	if err != nil {
		return BundleInfo{}, err
	}
	return bundleByID(ctx, pool, id)
}

func bundleByID(ctx context.Context, q querier, id string) (BundleInfo, error) {
	b, err := scanBundle(q.QueryRowContext(ctx, bundleSelect+"WHERE b.bundle_id = ?", id))
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return b, err
	}
	if len(id) < 8 {
		return BundleInfo{}, fmt.Errorf("%w: %s", ErrUnknownBundle, id)
	}
	rows, err := q.QueryContext(ctx, bundleSelect+"WHERE b.bundle_id LIKE ? || '%' ESCAPE '\\' LIMIT 2", escapeLike(id))
	if err != nil {
		return BundleInfo{}, err
	}
	defer rows.Close()
	var found []BundleInfo
	for rows.Next() {
		b, err := scanBundle(rows)
		if err != nil {
			return BundleInfo{}, err
		}
		found = append(found, b)
	}
	switch len(found) {
	case 0:
		return BundleInfo{}, fmt.Errorf("%w: %s", ErrUnknownBundle, id)
	case 1:
		return found[0], rows.Err()
	}
	return BundleInfo{}, &InputError{Msg: fmt.Sprintf("awalan %q cocok dengan lebih dari satu bundel; tulis lebih panjang", id)}
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// Bundles lists every stored bundle, by OPD code, periode and sequence.
func (w *Workspace) Bundles(ctx context.Context) ([]BundleInfo, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, bundleSelect+"ORDER BY b.opd_kode, b.periode, b.sequence")
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var out []BundleInfo
	for rows.Next() {
		b, err := scanBundle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, w.classify(rows.Err())
}

// Review records a review decision. Earlier decisions on the same bundle
// and indicator stay as history (the table is append-only).
func (w *Workspace) Review(ctx context.Context, in ReviewInput) (Review, error) {
	r := Review{Indicator: in.Indicator, Status: in.Status, Reason: strings.TrimSpace(in.Reason),
		Note: strings.TrimSpace(in.Note), Reviewer: strings.TrimSpace(in.Reviewer)}
	if v := strings.TrimSpace(in.Value); v != "" {
		c, err := assessment.CanonicalValue(v)
		if err != nil {
			return Review{}, &InputError{Msg: err.Error()}
		}
		r.Value = c
	}
	switch r.Status {
	case ReviewAccepted:
		if r.Reason != "" {
			return Review{}, &InputError{Msg: "status diterima tidak memakai alasan revisi"}
		}
	case ReviewRevision:
		ok := false
		for _, x := range Reasons {
			ok = ok || r.Reason == x
		}
		if !ok {
			return Review{}, &InputError{Msg: fmt.Sprintf("status revisi memerlukan alasan: %s", strings.Join(Reasons, " / "))}
		}
	default:
		return Review{}, &InputError{Msg: fmt.Sprintf("status %q tidak dikenal: diterima atau revisi", in.Status)}
	}
	if r.Indicator < 1 {
		return Review{}, &InputError{Msg: fmt.Sprintf("nomor indikator %d tidak sah", r.Indicator)}
	}
	if r.Reviewer == "" {
		return Review{}, &InputError{Msg: "nama asesor (reviewer) wajib diisi"}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.write(ctx, func(tx *sql.Tx) error {
		b, err := bundleByID(ctx, tx, in.BundleID)
		if err != nil {
			return err
		}
		r.BundleID = b.BundleID
		if r.Computed, err = w.computedValue(ctx, tx, b, r.Indicator); err != nil {
			return err
		}
		at := w.nowText()
		res, err := tx.ExecContext(ctx, `INSERT INTO review (bundle_id, indicator, value, status, reason, note, reviewer, reviewed_at, computed_value)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.BundleID, r.Indicator, r.Value, string(r.Status), r.Reason, r.Note, r.Reviewer, at,
			nullString(r.Computed))
		if err != nil {
			return err
		}
		r.ID, err = res.LastInsertId()
		r.ReviewedAt, _ = time.Parse(time.RFC3339Nano, at)
		return err
	})
	if err != nil {
		return Review{}, err
	}
	return r, nil
}

const reviewSelect = `SELECT id, bundle_id, indicator, value, status, reason, note, reviewer, reviewed_at, coalesce(computed_value, '') FROM review `

func scanReviews(rows *sql.Rows) ([]Review, error) {
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var st string
		var at sql.NullString
		if err := rows.Scan(&r.ID, &r.BundleID, &r.Indicator, &r.Value, &st, &r.Reason, &r.Note, &r.Reviewer, &at, &r.Computed); err != nil {
			return nil, err
		}
		r.Status, r.ReviewedAt = ReviewStatus(st), parseTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Reviews returns the current (latest) review of each reviewed indicator of
// a bundle, by indicator.
func (w *Workspace) Reviews(ctx context.Context, bundleID string) ([]Review, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, reviewSelect+`WHERE id IN (SELECT max(id) FROM review WHERE bundle_id = ? GROUP BY indicator)
		ORDER BY indicator`, bundleID)
	if err != nil {
		return nil, w.classify(err)
	}
	return scanReviews(rows)
}

// ReviewHistory returns every review decision on one indicator of a
// bundle, oldest first.
func (w *Workspace) ReviewHistory(ctx context.Context, bundleID string, indicator int) ([]Review, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, reviewSelect+`WHERE bundle_id = ? AND indicator = ? ORDER BY id`, bundleID, indicator)
	if err != nil {
		return nil, w.classify(err)
	}
	return scanReviews(rows)
}

// ReviewRow is one indicator of the review sheet: the OPD's answer (nil
// when the OPD did not answer it) beside the assessor's current review
// (nil when not reviewed yet).
type ReviewRow struct {
	Indicator int
	Answer    *Answer
	Review    *Review
	Revisions int // review decisions recorded, including the current one
	// Items is the item review of the indicator (the catalog's evidence
	// items judged on this answer, with the cascade); nil when the
	// catalog has no items for it or is not installed.
	Items *IndicatorItems
	// OPDValue is what the OPD's answer scores with (assessment.OPDValue:
	// the level, or the converted agency score); "" when nothing.
	OPDValue string
}

// Computed is the value the items give now ("" = none judged).
func (r ReviewRow) Computed() string {
	if r.Items == nil {
		return ""
	}
	return r.Items.Review.Computed
}

// Value is the indicator value the review gives now
// (assessment.ReviewedValue): "" unless the current decision is diterima;
// then the value the assessor set, else the one the items compute, else
// the OPD's own value.
func (r ReviewRow) Value() string {
	if r.Review == nil {
		return ""
	}
	return assessment.ReviewedValue(string(r.Review.Status), r.Review.Value, r.Computed(), r.OPDValue)
}

// domainAnswer is a stored answer as the pure rules read it.
func (a Answer) domainAnswer() assessment.Answer {
	return assessment.Answer{Indicator: a.Indicator, Level: a.Level, External: a.External}
}

// revisionCounts is the number of review decisions per indicator of a
// bundle (each edit is a new row: the history).
func (w *Workspace) revisionCounts(ctx context.Context, pool *sql.DB, bundleID string) (map[int]int, error) {
	rows, err := pool.QueryContext(ctx, `SELECT indicator, count(*) FROM review WHERE bundle_id = ? GROUP BY indicator`, bundleID)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	counts := map[int]int{}
	for rows.Next() {
		var n, c int
		if err := rows.Scan(&n, &c); err != nil {
			return nil, err
		}
		counts[n] = c
	}
	return counts, w.classify(rows.Err())
}

// ReviewSheet returns the bundle and, per indicator answered or reviewed,
// the OPD's answer beside the assessor's review.
func (w *Workspace) ReviewSheet(ctx context.Context, bundleID string) (BundleInfo, []ReviewRow, error) {
	b, err := w.Bundle(ctx, bundleID)
	if err != nil {
		return BundleInfo{}, nil, err
	}
	answers, err := w.Answers(ctx, b.BundleID)
	if err != nil {
		return b, nil, err
	}
	reviews, err := w.Reviews(ctx, b.BundleID)
	if err != nil {
		return b, nil, err
	}
	pool, err := w.db()
	if err != nil {
		return b, nil, err
	}
	counts, err := w.revisionCounts(ctx, pool, b.BundleID)
	if err != nil {
		return b, nil, err
	}
	items, err := w.bundleItems(ctx, pool, b)
	if err != nil {
		return b, nil, w.classify(err)
	}
	byN := map[int]*ReviewRow{}
	var order []int
	row := func(n int) *ReviewRow {
		if r, ok := byN[n]; ok {
			return r
		}
		byN[n] = &ReviewRow{Indicator: n, Revisions: counts[n]}
		order = append(order, n)
		return byN[n]
	}
	cat, _ := w.bundleCatalog(b) // nil when not installed: levels only
	for i := range answers {
		r := row(answers[i].Indicator)
		r.Answer, r.OPDValue = &answers[i], assessment.OPDValue(cat, answers[i].domainAnswer())
	}
	for i := range reviews {
		row(reviews[i].Indicator).Review = &reviews[i]
	}
	for n, it := range items {
		row(n).Items = &it
	}
	sort.Ints(order)
	out := make([]ReviewRow, 0, len(order))
	for _, n := range order {
		out = append(out, *byN[n])
	}
	return b, out, nil
}
