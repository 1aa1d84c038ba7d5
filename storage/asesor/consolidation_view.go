package asesor

import (
	"context"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// PeriodeCatalog is the catalog the accepted bundles of a periode were
// answered on, from the workspace's library (exact version, else the
// newest of that id). Bundles on two catalogs cannot be consolidated.
func (w *Workspace) PeriodeCatalog(ctx context.Context, periode int) (*assessment.Catalog, error) {
	refs, err := w.PeriodeCatalogs(ctx, periode)
	if err != nil {
		return nil, err
	}
	if len(refs) == 0 {
		return nil, fmt.Errorf("belum ada bundel diterima untuk periode %d (bundel yang kunci OPD-nya dicabut tidak dihitung)", periode)
	}
	ids := map[string]bool{}
	for _, r := range refs {
		ids[r.ID] = true
	}
	if len(ids) > 1 {
		return nil, fmt.Errorf("bundel periode %d memakai katalog berbeda (%d); konsolidasi memerlukan satu katalog", periode, len(ids))
	}
	return w.CatalogOf(refs[len(refs)-1])
}

// CatalogOf is a catalog from the workspace's library: the exact version,
// or else the newest of that id.
func (w *Workspace) CatalogOf(ref CatalogRef) (*assessment.Catalog, error) {
	if w.lib == nil {
		return nil, errors.New("pustaka katalog tidak tersedia di ruang kerja ini")
	}
	if c, err := w.lib.Pinned(ref.ID, ref.Version, ref.SHA256); err == nil {
		return c, nil
	}
	return w.lib.Latest(ref.ID)
}

// ConsolidationView computes the instansi's assessment of a periode on
// the catalog of its accepted bundles, as the GUI and the CLI show it.
func (w *Workspace) ConsolidationView(ctx context.Context, periode int) (assessment.ConsolidationView, *assessment.Catalog, error) {
	cat, err := w.PeriodeCatalog(ctx, periode)
	if err != nil {
		return assessment.ConsolidationView{}, nil, err
	}
	c, err := w.Consolidate(ctx, cat, periode)
	if err != nil {
		return assessment.ConsolidationView{}, nil, err
	}
	return c.View(cat), cat, nil
}

// View is the consolidation in the assessment vocabulary.
func (c Consolidation) View(cat *assessment.Catalog) assessment.ConsolidationView {
	out := assessment.ConsolidationView{Periode: c.Periode, CatalogID: cat.ID, CatalogVersion: cat.Version, Score: c.Score,
		ExcludedRevoked: c.ExcludedRevoked}
	for _, r := range c.Rows {
		row := assessment.ConsolidationRow{Indicator: r.Indicator, Responsible: r.Responsible, Value: r.Value, Source: r.Source,
			FromBundle: r.FromBundle, FromOPD: r.FromOPD, Note: r.Note, SetBy: r.SetBy, SetAt: r.SetAt}
		for _, e := range r.Evidence {
			row.Evidence = append(row.Evidence, e.ReviewEvidence())
		}
		for _, k := range r.Candidates {
			cc := assessment.ConsolidationCandidate{OPDKode: k.OPDKode, BundleID: k.BundleID, Level: k.Level, Value: k.Value}
			if k.Review != nil {
				cc.ReviewStatus = string(k.Review.Status)
			}
			row.Candidates = append(row.Candidates, cc)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// ReviewEvidence is the evidence link in the assessment vocabulary.
func (e EvidenceLink) ReviewEvidence() assessment.ReviewEvidence {
	return assessment.ReviewEvidence{SHA256: e.SHA256, Name: e.OriginalName, Level: e.Level, Note: e.Note, Items: e.Items}
}

// SettleValue records the instansi value of an indicator from the GUI or
// the CLI: a value (not a clearing, which must work also when no bundle
// counts any more) must name an indicator of the periode's catalog.
// r.SetBy is who decided; the caller resolves a default.
func (w *Workspace) SettleValue(ctx context.Context, r assessment.SettleRequest) error {
	if r.Value != "" {
		cat, err := w.PeriodeCatalog(ctx, r.Periode)
		if err != nil {
			return err
		}
		if _, ok := cat.Indicator(r.Indicator); !ok {
			return fmt.Errorf("indikator %d tidak ada di katalog %s", r.Indicator, cat.ID)
		}
	}
	_, err := w.Settle(ctx, SettleInput{Periode: r.Periode, Indicator: r.Indicator, Value: r.Value,
		FromBundle: r.FromBundle, Note: r.Note, SetBy: r.SetBy})
	return err
}
