package asesor

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"sort"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// WithLibrary gives the workspace the catalogs this installation knows
// (normally the embedded ones, assets.Library()). Import then refuses a
// bundle answered on a catalog that is not in it, and recomputes each
// bundle's index from its answers on that catalog; Open recomputes the
// rows imported before that was done. Without it the OPD's claimed index
// is all there is.
func WithLibrary(lib *assessment.Library) Option { return func(w *Workspace) { w.lib = lib } }

// calcScore is the score recomputed from a bundle's answers.
type calcScore struct {
	index     string // 4 decimals with a point, as answers.json; "" = nothing answered
	predicate string
	complete  bool
	answered  int
	total     int
}

// knownCatalog finds the catalog a bundle names in the library. A nil
// catalog comes with the rejection code and reason.
func (w *Workspace) knownCatalog(ref bundle.CatalogRef) (c *assessment.Catalog, code, reason string) {
	var sameVersion *assessment.Catalog
	for _, e := range w.lib.Entries() {
		if e.Catalog.ID != ref.ID || e.Catalog.Version != ref.Version {
			continue
		}
		if e.Catalog.SHA256() == ref.SHA256 {
			return e.Catalog, "", ""
		}
		sameVersion = e.Catalog
	}
	if sameVersion != nil {
		return nil, intake.RejectCatalogMismatch, fmt.Sprintf(
			"katalog %s versi %s di bundel ini berbeda isinya dari katalog resmi versi yang sama (sha256 %.12s…, seharusnya %.12s…): "+
				"katalog telah diubah. Bundel tidak disimpan; minta OPD mengekspor ulang dengan SPBE Mandiri resmi",
			ref.ID, ref.Version, ref.SHA256, sameVersion.SHA256())
	}
	return nil, intake.RejectUnknownCatalog, fmt.Sprintf(
		"katalog %s versi %s tidak dikenal oleh SPBE Mandiri di komputer ini. Bundel tidak disimpan; "+
			"perbarui SPBE Mandiri ke versi yang memuat katalog itu, lalu impor lagi", ref.ID, ref.Version)
}

// recompute scores answers (indicator → level; level 0 = not chosen) on
// the catalog. An answer naming an indicator the catalog does not have is
// an error whatever its level: a level-0 answer would otherwise be
// stored, and shown in review, for an indicator that does not exist.
//
// ext are the agency scores of answers.json version 2 (nil before): an
// externally valued indicator scores with its converted score, as the OPD
// computed it (assessment.AnswerValues).
func recompute(c *assessment.Catalog, levels map[int]int, ext map[int]*assessment.ExternalScore) (calcScore, error) {
	answers := make([]assessment.Answer, 0, len(levels))
	for _, n := range sortedKeys(levels) {
		if _, ok := c.Indicator(n); !ok {
			return calcScore{}, fmt.Errorf("indikator %d tidak ada di katalog %s versi %s", n, c.ID, c.Version)
		}
		answers = append(answers, assessment.Answer{Indicator: n, Level: levels[n], External: ext[n]})
	}
	s, err := assessment.ScoreValues(c, assessment.AnswerValues(c, answers))
	if err != nil {
		return calcScore{}, err
	}
	out := calcScore{predicate: s.Predicate, complete: s.Complete, answered: s.Answered, total: s.Total}
	if s.Index != nil {
		out.index = s.Index.FloatString(4)
	}
	return out, nil
}

// sortedKeys orders the indicators so the first unknown one reported is
// always the same.
func sortedKeys(m map[int]int) []int {
	out := make([]int, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// levelsOf are the levels of a verified bundle's answers.
func levelsOf(a bundle.Answers) map[int]int {
	out := make(map[int]int, len(a.Answers))
	for _, ans := range a.Answers {
		out[ans.Indicator] = ans.Level
	}
	return out
}

// checkItemCodes refuses evidence linked to item codes the bundle's
// catalog lacks (assessment.CheckBundleItems says why a refusal).
func checkItemCodes(c *assessment.Catalog, a bundle.Answers) error {
	for _, ans := range a.Answers {
		files := make([][]string, 0, len(ans.Evidence))
		for _, e := range ans.Evidence {
			files = append(files, e.Items)
		}
		if err := assessment.CheckBundleItems(c, ans.Indicator, files); err != nil {
			return err
		}
	}
	return nil
}

// externalsOf are the agency scores of a verified bundle's answers.
func externalsOf(a bundle.Answers) map[int]*assessment.ExternalScore {
	out := map[int]*assessment.ExternalScore{}
	for _, ans := range a.Answers {
		if e := ans.External; e != nil {
			out[ans.Indicator] = &assessment.ExternalScore{Score: e.Score, Year: e.Year}
		}
	}
	return out
}

// checkCatalog applies the known-catalog policy to a verified bundle and
// recomputes its score. ok false: res is the rejection.
func (w *Workspace) checkCatalog(res intake.Outcome, v *bundle.Verified) (calcScore, intake.Outcome, bool) {
	c, code, reason := w.knownCatalog(v.Manifest.Catalog)
	if c == nil {
		return calcScore{}, res.Reject(code, reason), false
	}
	s, err := recompute(c, levelsOf(v.Answers), externalsOf(v.Answers))
	if err == nil {
		err = checkItemCodes(c, v.Answers)
	}
	if err != nil {
		res.Check, res.Entry = "catalog", bundle.EntryAnswers
		return calcScore{}, res.Reject(intake.RejectInvalid, "bundel tidak sah: jawaban tidak cocok dengan katalognya: "+err.Error()), false
	}
	return s, res, true
}

// sameIndex compares the OPD's claimed index with the recomputed one at
// the 4 decimals answers.json carries.
func sameIndex(claimed, calc string) bool {
	if claimed == "" || calc == "" {
		return claimed == calc
	}
	a, ok1 := new(big.Rat).SetString(claimed)
	b, ok2 := new(big.Rat).SetString(calc)
	return ok1 && ok2 && a.FloatString(4) == b.FloatString(4)
}

// pendingRecompute is a stored bundle without a recomputed index.
type pendingRecompute struct {
	id  string
	ref bundle.CatalogRef
}

// pendingRecompute lists the bundles whose index was never recomputed. The
// rows are closed before recomputeStored writes on the same pool.
func (w *Workspace) pendingRecompute(ctx context.Context) ([]pendingRecompute, error) {
	rows, err := w.sql.QueryContext(ctx, `SELECT bundle_id, catalog_id, catalog_version, catalog_sha256 FROM bundle WHERE calc_index IS NULL`)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var todo []pendingRecompute
	for rows.Next() {
		var p pendingRecompute
		if err := rows.Scan(&p.id, &p.ref.ID, &p.ref.Version, &p.ref.SHA256); err != nil {
			return nil, err
		}
		todo = append(todo, p)
	}
	return todo, w.classify(rows.Err())
}

// recomputeStored fills the recomputed score of bundles stored before it
// was computed at import (schema < 4) whose catalog is in the library. It
// runs once per such row, at Open; rows of unknown catalogs stay NULL and
// show the claimed index.
func (w *Workspace) recomputeStored(ctx context.Context) error {
	if w.lib == nil {
		return nil
	}
	todo, err := w.pendingRecompute(ctx)
	if err != nil || len(todo) == 0 {
		return err
	}
	return w.write(ctx, func(tx *sql.Tx) error {
		for _, p := range todo {
			c, _, _ := w.knownCatalog(p.ref)
			if c == nil {
				continue
			}
			levels, err := storedLevels(ctx, tx, p.id)
			if err != nil {
				return err
			}
			s, err := recompute(c, levels, nil) // stored before schema 4: no agency scores
			if err != nil {
				continue // answers outside the catalog: keep the claimed index
			}
			if err := setCalc(ctx, tx, p.id, s); err != nil {
				return err
			}
		}
		return nil
	})
}

func storedLevels(ctx context.Context, q querier, bundleID string) (map[int]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT indicator, level FROM bundle_answer WHERE bundle_id = ?`, bundleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var n, l int
		if err := rows.Scan(&n, &l); err != nil {
			return nil, err
		}
		out[n] = l
	}
	return out, rows.Err()
}

func setCalc(ctx context.Context, tx *sql.Tx, bundleID string, s calcScore) error {
	_, err := tx.ExecContext(ctx, `UPDATE bundle SET calc_index = ?, calc_predicate = ?, calc_complete = ?, calc_answered = ?, calc_total = ?
		WHERE bundle_id = ?`, s.index, s.predicate, s.complete, s.answered, s.total, bundleID)
	return err
}
