package asesor

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// CheckReviewIndicator refuses a review of an indicator that is not in
// the catalog the bundle was answered on (the library's exact version,
// else the newest of its id). The CLI's `review` and the GUI's review
// screen both call it before Review, so neither records a decision on an
// indicator the OPD could not have answered. Without a library, or for a
// catalog this installation does not hold, nothing is checked.
func (w *Workspace) CheckReviewIndicator(ctx context.Context, bundleID string, indicator int) error {
	b, err := w.Bundle(ctx, bundleID)
	if err != nil || w.lib == nil {
		return err
	}
	cat, err := w.catalogOf(b.Catalog)
	if err != nil {
		return nil
	}
	if _, ok := cat.Indicator(indicator); !ok {
		return fmt.Errorf("indikator %d tidak ada di katalog %s bundel ini", indicator, cat.ID)
	}
	return nil
}

// catalogOf is ref's catalog in the library: the exact version, else the
// newest of that id.
func (w *Workspace) catalogOf(ref CatalogRef) (*assessment.Catalog, error) {
	if c, err := w.lib.Pinned(ref.ID, ref.Version, ref.SHA256); err == nil {
		return c, nil
	}
	return w.lib.Latest(ref.ID)
}
