package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// catalogNotes shows the catalog's notes on the indicator above the
// level picker, not folded away: for Pemdi I9 and I11 they say that the
// sources disagree on the order of the levels, which an officer must
// know before claiming level 3 or 4. A hidden empty box when there are
// none (the screen's box layout then gives it no space).
func (p *indicatorPane) catalogNotes() fyne.CanvasObject {
	if len(p.in.Notes) == 0 {
		none := container.NewVBox()
		none.Hide()
		return none
	}
	box := container.NewVBox(badge(tr("ind.catalogNotes"), widget.WarningImportance))
	for _, n := range p.in.Notes {
		box.Add(instrumentText(n))
	}
	return box
}
