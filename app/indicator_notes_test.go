package app

import "testing"

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
