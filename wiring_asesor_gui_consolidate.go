package main

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// Consolidation computes the instansi's assessment of a periode for the
// GUI, on the catalog of the periode's accepted bundles.
func (a *asesorGUI) Consolidation(ctx context.Context, periode int) (assessment.ConsolidationView, *assessment.Catalog, error) {
	cat, err := periodeCatalog(ctx, a.w, periode)
	if err != nil {
		return assessment.ConsolidationView{}, nil, err
	}
	c, err := a.w.Consolidate(ctx, cat, periode)
	if err != nil {
		return assessment.ConsolidationView{}, nil, err
	}
	return consolidationView(c, cat), cat, nil
}

func consolidationView(c asesor.Consolidation, cat *assessment.Catalog) assessment.ConsolidationView {
	out := assessment.ConsolidationView{Periode: c.Periode, CatalogID: cat.ID, CatalogVersion: cat.Version, Score: c.Score,
		ExcludedRevoked: c.ExcludedRevoked}
	for _, r := range c.Rows {
		row := assessment.ConsolidationRow{Indicator: r.Indicator, Responsible: r.Responsible, Value: r.Value, Source: r.Source,
			FromBundle: r.FromBundle, FromOPD: r.FromOPD, Note: r.Note, SetBy: r.SetBy, SetAt: r.SetAt}
		for _, e := range r.Evidence {
			row.Evidence = append(row.Evidence, assessment.ReviewEvidence{SHA256: e.SHA256, Name: e.OriginalName, Level: e.Level, Note: e.Note, Items: e.Items})
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

// Settle records the instansi value of an indicator; the indicator must
// be in the periode's catalog.
func (a *asesorGUI) Settle(ctx context.Context, r assessment.SettleRequest) error {
	cat, err := periodeCatalog(ctx, a.w, r.Periode)
	if err != nil {
		return err
	}
	if _, ok := cat.Indicator(r.Indicator); !ok {
		return fmt.Errorf("indikator %d tidak ada di katalog %s", r.Indicator, cat.ID)
	}
	_, err = a.w.Settle(ctx, asesor.SettleInput{Periode: r.Periode, Indicator: r.Indicator, Value: r.Value,
		FromBundle: r.FromBundle, Note: r.Note, SetBy: a.decider(ctx, r.SetBy)})
	return err
}

func (a *asesorGUI) SetResponsible(ctx context.Context, periode, indicator int, opdKodes []string) error {
	return a.w.SetResponsible(ctx, periode, indicator, opdKodes)
}
