package app

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// externalChange is the history line of an agency score change.
func externalChange(c assessment.Change) string {
	none := tr("history.empty")
	old, new := c.Old, c.New
	if old == "" {
		old = none
	}
	if new == "" {
		new = none
	}
	return trf("history.external", old, new)
}
