package asesor

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// SetResponsible sets the OPDs responsible for an indicator in a periode
// (the responsibility matrix). An empty list restores the default: every
// OPD answers it.
func (w *Workspace) SetResponsible(ctx context.Context, periode, indicator int, opdKodes []string) error {
	if indicator < 1 {
		return &InputError{Msg: fmt.Sprintf("nomor indikator %d tidak sah", indicator)}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM responsibility WHERE periode = ? AND indicator = ?`, periode, indicator); err != nil {
			return err
		}
		for _, k := range opdKodes {
			if k = strings.TrimSpace(k); k == "" {
				continue
			}
			// The matrix names OPDs as the bundles do: canonical, in the
			// registered spelling.
			k, err := opdCodeInput(ctx, tx, k)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO responsibility (periode, indicator, opd_kode) VALUES (?, ?, ?)`,
				periode, indicator, k); err != nil {
				return err
			}
		}
		return nil
	})
}

// Responsibility returns the matrix of a periode: indicator → OPD codes
// (sorted). Indicators absent from the map are answered by every OPD.
func (w *Workspace) Responsibility(ctx context.Context, periode int) (map[int][]string, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, `SELECT indicator, opd_kode FROM responsibility WHERE periode = ? ORDER BY indicator, opd_kode`, periode)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	out := map[int][]string{}
	for rows.Next() {
		var n int
		var k string
		if err := rows.Scan(&n, &k); err != nil {
			return nil, err
		}
		out[n] = append(out[n], k)
	}
	return out, w.classify(rows.Err())
}

// SettleInput is the value the assessor settles on for the instansi.
type SettleInput struct {
	Periode    int
	Indicator  int
	Value      string // decimal 1–5; "" clears the setting (the proposal applies again)
	FromBundle string // the bundle (id or unique prefix) whose answer it came from; "" = none
	Note       string
	SetBy      string
}

// Settled is a stored instansi value.
type Settled struct {
	Periode    int
	Indicator  int
	Value      string
	FromBundle string
	FromOPD    string
	Note       string
	SetBy      string
	SetAt      time.Time
}

// Settle records the instansi value of one indicator (append-only; the
// latest is current). FromBundle must be a bundle of the same periode.
func (w *Workspace) Settle(ctx context.Context, in SettleInput) (Settled, error) {
	s := Settled{Periode: in.Periode, Indicator: in.Indicator, Note: strings.TrimSpace(in.Note), SetBy: strings.TrimSpace(in.SetBy)}
	if v := strings.TrimSpace(in.Value); v != "" {
		c, err := assessment.CanonicalValue(v)
		if err != nil {
			return Settled{}, &InputError{Msg: err.Error()}
		}
		s.Value = c
	}
	if s.Indicator < 1 {
		return Settled{}, &InputError{Msg: fmt.Sprintf("nomor indikator %d tidak sah", s.Indicator)}
	}
	if s.SetBy == "" {
		return Settled{}, &InputError{Msg: "nama asesor wajib diisi"}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.write(ctx, func(tx *sql.Tx) error {
		var from any
		if in.FromBundle != "" {
			b, err := bundleByID(ctx, tx, in.FromBundle)
			if err != nil {
				return err
			}
			if b.Periode != s.Periode {
				return &InputError{Msg: fmt.Sprintf("bundel %.13s… milik periode %d, bukan %d", b.BundleID, b.Periode, s.Periode)}
			}
			s.FromBundle, s.FromOPD, from = b.BundleID, b.OPDKode, b.BundleID
		}
		at := w.nowText()
		s.SetAt, _ = time.Parse(time.RFC3339Nano, at)
		_, err := tx.ExecContext(ctx, `INSERT INTO instansi_value (periode, indicator, value, from_bundle, note, set_by, set_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, s.Periode, s.Indicator, s.Value, from, s.Note, s.SetBy, at)
		return err
	})
	if err != nil {
		return Settled{}, err
	}
	return s, nil
}

// Candidate is one responsible OPD's contribution to an indicator.
type Candidate struct {
	OPDKode  string
	BundleID string
	Level    int     // the OPD's level, 0 = not answered
	Review   *Review // the assessor's current review, nil = not reviewed
	Value    string  // the accepted value ("" = none): the review's value, else the OPD level, when diterima
}

// ConsolidatedRow is one indicator of the instansi's assessment.
type ConsolidatedRow struct {
	Indicator   int
	Responsible []string // OPD codes; nil = every OPD (the default)
	Value       string   // the instansi value, "" = none yet
	// Source is "ditetapkan" (settled by the assessor), "usulan" (the
	// default proposal) or "" (no value).
	Source     string
	FromBundle string // trail: the bundle the value came from
	FromOPD    string
	Evidence   []EvidenceLink // the evidence of that OPD answer
	Note       string
	SetBy      string
	SetAt      time.Time
	Candidates []Candidate
}

// Consolidation is the instansi's assessment of one periode.
type Consolidation struct {
	Periode   int
	CatalogID string
	Rows      []ConsolidatedRow
	Score     assessment.Score
	// ExcludedRevoked are the OPD codes whose accepted bundle is signed by
	// a key revoked since: not candidates, so they count nowhere.
	ExcludedRevoked []string
}

// opdBundle is the accepted bundle of one OPD.
type opdBundle struct{ kode, id string }

// countedBundles are the accepted bundles of a periode that count in the
// consolidation, by OPD code, and the OPDs left out because the bundle's
// key was revoked after it was imported (a revoked key may be in other
// hands: what it signed is no longer evidence).
func (w *Workspace) countedBundles(ctx context.Context, periode int) (counted []opdBundle, revoked []string, err error) {
	pool, err := w.db()
	if err != nil {
		return nil, nil, err
	}
	rows, err := pool.QueryContext(ctx, `SELECT b.opd_kode, b.bundle_id, k.status = 'revoked' FROM bundle b
		JOIN opd_key k ON k.keyid = b.keyid
		WHERE b.periode = ? AND b.status = 'accepted' ORDER BY b.opd_kode`, periode)
	if err != nil {
		return nil, nil, w.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b opdBundle
		var out bool
		if err := rows.Scan(&b.kode, &b.id, &out); err != nil {
			return nil, nil, err
		}
		if out {
			revoked = append(revoked, b.kode)
		} else {
			counted = append(counted, b)
		}
	}
	return counted, revoked, w.classify(rows.Err())
}

// Consolidate computes the instansi's assessment of a periode on catalog
// c: per indicator the settled value, or else the default proposal — the
// highest accepted value among the responsible OPDs' accepted bundles (an
// accepted value is the assessor's value of a review with status diterima,
// or the OPD's level when that review gives no value; ties go to the
// lowest OPD code) — and the instansi index and predicate from
// assessment.ScoreValues. Bundles signed by a revoked key are left out
// (Consolidation.ExcludedRevoked).
func (w *Workspace) Consolidate(ctx context.Context, c *assessment.Catalog, periode int) (Consolidation, error) {
	out := Consolidation{Periode: periode, CatalogID: c.ID}
	matrix, err := w.Responsibility(ctx, periode)
	if err != nil {
		return out, err
	}
	accepted, excluded, err := w.countedBundles(ctx, periode)
	if err != nil {
		return out, err
	}
	out.ExcludedRevoked = excluded
	in, err := w.bundleAnswers(ctx, accepted)
	if err != nil {
		return out, err
	}
	in.cat = c
	settled, err := w.settled(ctx, periode)
	if err != nil {
		return out, err
	}
	values := map[int]assessment.Value{}
	for _, ind := range c.Indicators {
		row := ConsolidatedRow{Indicator: ind.Number, Responsible: matrix[ind.Number]}
		best := in.candidates(&row)
		row.settle(settled, best)
		w.rowEvidence(ctx, in, &row)
		if row.Value != "" {
			v, err := assessment.ParseValue(row.Value)
			if err != nil {
				return out, err
			}
			values[ind.Number] = v
		}
		out.Rows = append(out.Rows, row)
	}
	sort.Slice(out.Rows, func(i, j int) bool { return out.Rows[i].Indicator < out.Rows[j].Indicator })
	out.Score, err = assessment.ScoreValues(c, values)
	return out, err
}

// consolidationInput is what the accepted bundles of a periode say: their
// answers and reviews by bundle id and indicator.
type consolidationInput struct {
	accepted []opdBundle
	answers  map[string]map[int]Answer
	reviews  map[string]map[int]Review
	computed map[string]map[int]string // the value the items give now, by bundle and indicator
	cat      *assessment.Catalog       // the periode's catalog: the OPD's own values (assessment.OPDValue)
}

// bundleAnswers reads the answers and reviews of the accepted bundles.
func (w *Workspace) bundleAnswers(ctx context.Context, accepted []opdBundle) (consolidationInput, error) {
	in := consolidationInput{accepted: accepted, answers: map[string]map[int]Answer{}, reviews: map[string]map[int]Review{},
		computed: map[string]map[int]string{}}
	for _, b := range accepted {
		if err := w.readComputed(ctx, b.id, in.computed); err != nil {
			return in, err
		}
		as, err := w.Answers(ctx, b.id)
		if err != nil {
			return in, err
		}
		rs, err := w.Reviews(ctx, b.id)
		if err != nil {
			return in, err
		}
		in.answers[b.id], in.reviews[b.id] = map[int]Answer{}, map[int]Review{}
		for _, a := range as {
			in.answers[b.id][a.Indicator] = a
		}
		for _, r := range rs {
			in.reviews[b.id][r.Indicator] = r
		}
	}
	return in, nil
}

// candidates fills row.Candidates from the responsible OPDs' accepted
// bundles and returns the default proposal: the highest accepted value,
// ties to the lowest OPD code (accepted is ordered by OPD code), or nil.
func (in consolidationInput) candidates(row *ConsolidatedRow) *Candidate {
	resp := map[string]bool{}
	for _, k := range row.Responsible {
		resp[k] = true
	}
	var best *Candidate
	var bestV *big.Rat
	for _, b := range in.accepted {
		if len(resp) > 0 && !resp[b.kode] {
			continue
		}
		cand := in.candidate(b, row.Indicator)
		row.Candidates = append(row.Candidates, cand)
		if cand.Value != "" {
			v, _ := new(big.Rat).SetString(cand.Value)
			if best == nil || v.Cmp(bestV) > 0 {
				chosen := cand
				best, bestV = &chosen, v
			}
		}
	}
	return best
}

// candidate is one OPD's contribution to indicator n: its level, its
// review, and the accepted value (assessment.ReviewedValue: the value the
// assessor set, else the one the items compute, else the OPD's own value
// — the level or the converted agency score — when the review is
// diterima).
func (in consolidationInput) candidate(b opdBundle, n int) Candidate {
	cand := Candidate{OPDKode: b.kode, BundleID: b.id, Level: in.answers[b.id][n].Level}
	r, ok := in.reviews[b.id][n]
	if !ok {
		return cand
	}
	cand.Review = &r
	opd := assessment.OPDValue(in.cat, in.answers[b.id][n].domainAnswer())
	cand.Value = assessment.ReviewedValue(string(r.Status), r.Value, in.computed[b.id][n], opd)
	return cand
}

// readComputed puts the values the items of bundle id compute now into
// into[id], by indicator.
func (w *Workspace) readComputed(ctx context.Context, id string, into map[string]map[int]string) error {
	pool, err := w.db()
	if err != nil {
		return err
	}
	b, err := bundleByID(ctx, pool, id)
	if err != nil {
		return err
	}
	items, err := w.bundleItems(ctx, pool, b)
	into[id] = make(map[int]string, len(items))
	for n, it := range items {
		into[id][n] = it.Review.Computed
	}
	return w.classify(err)
}

// settle sets the row's value: the settled one, else the proposal.
func (row *ConsolidatedRow) settle(settled map[int]Settled, best *Candidate) {
	if s, ok := settled[row.Indicator]; ok && s.Value != "" {
		row.Value, row.Source, row.FromBundle, row.FromOPD = s.Value, "ditetapkan", s.FromBundle, s.FromOPD
		row.Note, row.SetBy, row.SetAt = s.Note, s.SetBy, s.SetAt
	} else if best != nil {
		row.Value, row.Source, row.FromBundle, row.FromOPD = best.Value, "usulan", best.BundleID, best.OPDKode
	}
}

// rowEvidence attaches the evidence of the answer the value came from; a
// settled value may come from a bundle that no longer counts, so that one
// is read on demand (best effort: no evidence rather than no consolidation).
func (w *Workspace) rowEvidence(ctx context.Context, in consolidationInput, row *ConsolidatedRow) {
	if row.FromBundle == "" {
		return
	}
	if a, ok := in.answers[row.FromBundle][row.Indicator]; ok {
		row.Evidence = a.Evidence
		return
	}
	as, err := w.Answers(ctx, row.FromBundle)
	if err != nil {
		return
	}
	for _, a := range as {
		if a.Indicator == row.Indicator {
			row.Evidence = a.Evidence
		}
	}
}

// settled returns the current settled value per indicator of a periode.
func (w *Workspace) settled(ctx context.Context, periode int) (map[int]Settled, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, `SELECT v.indicator, v.value, coalesce(v.from_bundle, ''), coalesce(b.opd_kode, ''), v.note, v.set_by, v.set_at
		FROM instansi_value v LEFT JOIN bundle b ON b.bundle_id = v.from_bundle
		WHERE v.id IN (SELECT max(id) FROM instansi_value WHERE periode = ? GROUP BY indicator)`, periode)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	out := map[int]Settled{}
	for rows.Next() {
		s := Settled{Periode: periode}
		var at sql.NullString
		if err := rows.Scan(&s.Indicator, &s.Value, &s.FromBundle, &s.FromOPD, &s.Note, &s.SetBy, &at); err != nil {
			return nil, err
		}
		s.SetAt = parseTime(at)
		out[s.Indicator] = s
	}
	return out, w.classify(rows.Err())
}

// CatalogRef names a catalog version.
type CatalogRef struct{ ID, Version, SHA256 string }

// PeriodeCatalogs lists the catalogs the accepted bundles of a periode
// were answered on (normally one), leaving out bundles whose key was
// revoked, as Consolidate does.
func (w *Workspace) PeriodeCatalogs(ctx context.Context, periode int) ([]CatalogRef, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, `SELECT DISTINCT b.catalog_id, b.catalog_version, b.catalog_sha256 FROM bundle b
		JOIN opd_key k ON k.keyid = b.keyid
		WHERE b.periode = ? AND b.status = 'accepted' AND k.status <> 'revoked' ORDER BY 1, 2, 3`, periode)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var out []CatalogRef
	for rows.Next() {
		var r CatalogRef
		if err := rows.Scan(&r.ID, &r.Version, &r.SHA256); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, w.classify(rows.Err())
}
