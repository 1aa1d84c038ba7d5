package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Consolidation computes the instansi's assessment of a periode for the
// GUI, on the catalog of the periode's accepted bundles.
func (a *asesorGUI) Consolidation(ctx context.Context, periode int) (assessment.ConsolidationView, *assessment.Catalog, error) {
	return a.w.ConsolidationView(ctx, periode)
}

// Settle records the instansi value of an indicator, decided by the
// workspace profile's assessor.
func (a *asesorGUI) Settle(ctx context.Context, r assessment.SettleRequest) error {
	r.SetBy = a.decider(ctx, r.SetBy)
	return a.w.SettleValue(ctx, r)
}

func (a *asesorGUI) SetResponsible(ctx context.Context, periode, indicator int, opdKodes []string) error {
	return a.w.SetResponsible(ctx, periode, indicator, opdKodes)
}
