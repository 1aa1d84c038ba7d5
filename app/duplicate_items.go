package app

import (
	"context"
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// copyItems links a duplicated file to the items it supported, as far as
// the newer catalog still has them.
func copyItems(ctx context.Context, st assessment.Store, cat *assessment.Catalog, ev assessment.Evidence, items []string, operator string) error {
	keep := assessment.KnownItems(cat, ev.Indicator, items)
	if len(keep) == 0 {
		return nil
	}
	return st.SetEvidenceItems(ctx, cat, ev.ID, keep, operator)
}

// copyExternal carries an agency score over when the newer catalog still
// values the indicator by an agency index and the score fits its scale; a
// score that no longer fits is left out (the officer enters the new one).
func copyExternal(ctx context.Context, st assessment.Store, cat *assessment.Catalog, to string, an assessment.Answer, operator string) error {
	if an.External == nil {
		return nil
	}
	if _, err := assessment.CheckExternal(cat, an.Indicator, *an.External); err != nil {
		return nil
	}
	err := st.SetExternalScore(ctx, cat, to, an.Indicator, an.External, operator)
	var ie *assessment.InputError
	if errors.As(err, &ie) {
		return nil
	}
	return err
}
