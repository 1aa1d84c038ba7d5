package app

import (
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// The sources' conflict on the order of I9's levels is shown on the
// indicator screen outside the folded guidance; I4 has no note.
func TestIndicatorScreenShowsCatalogNotes(t *testing.T) {
	_, q := pemdiAt(t, 9)
	got := texts(q.pane.catalogNotes())
	if !hasText(got, "Catatan katalog") || !hasText(got, "Konflik urutan tingkat") {
		t.Errorf("I9 notes: %q", got)
	}
	_, q = pemdiAt(t, 4)
	if got := texts(q.pane.catalogNotes()); len(got) != 0 {
		t.Errorf("I4 has notes shown: %q", got)
	}
}

// An indicator valued by another agency is listed by the agency's score,
// not as "tingkat 0".
func TestReviewItemLabelExternal(t *testing.T) {
	it := assessment.ReviewItem{Indicator: 5, Answered: true, External: &assessment.ExternalScore{Score: "68.75", Year: 2025}}
	if got := reviewItemLabel(it); !strings.Contains(got, "skor 68,75") || strings.Contains(got, "tingkat 0") {
		t.Errorf("label %q", got)
	}
}
