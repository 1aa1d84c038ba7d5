package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// "Alasan revisi" reads as a live field once the status is revisi, and as
// a disabled one otherwise: Fyne's form greys a label only when it is
// refreshed, so enabling the reason alone left it grey.
func TestReviewReasonLabelFollowsStatus(t *testing.T) {
	_, r, _ := reviewOnCatalog(t, false)
	label := func() *canvas.Text {
		var found *canvas.Text
		walk(r.form, func(o fyne.CanvasObject) {
			if x, ok := o.(*canvas.Text); ok && x.Text == tr("review.reason") {
				found = x
			}
		})
		if found == nil {
			t.Fatal("no reason label in the form")
		}
		return found
	}
	th, v := fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.status.SetSelected(tr("review.statusRevision"))
	if got := label().Color; got != th.Color(theme.ColorNameForeground, v) {
		t.Errorf("revisi: reason label colour %v, want the foreground", got)
	}
	r.status.SetSelected(tr("review.statusAccepted"))
	if got := label().Color; got != th.Color(theme.ColorNameDisabled, v) {
		t.Errorf("diterima: reason label colour %v, want the disabled colour", got)
	}
}
