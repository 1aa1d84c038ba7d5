package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// asesorNav is the assessor's top bar: import, keys, recap, review,
// consolidation, paper check and the switch back to the OPD workspace. active is the current screen's key.
func asesorNav(u *UI, active string) fyne.CanvasObject {
	btn := func(key string, open func()) *widget.Button {
		b := widget.NewButton(tr(key), open)
		if key == active {
			b.Importance = widget.HighImportance
		}
		return b
	}
	bar := container.NewHBox(
		btn("asesor.navImport", func() { u.show(newAsesorHome(u)) }),
		btn("asesor.navKeys", func() { u.show(newAsesorKeys(u)) }),
		btn("asesor.navRecap", func() { u.show(newAsesorRecap(u)) }),
		btn("asesor.navReview", func() { u.show(newAsesorReview(u, "")) }),
		btn("asesor.navConsolidate", func() { u.show(newAsesorConsolidate(u)) }),
		btn("asesor.navPaper", func() { u.show(newAsesorPaperCheck(u)) }),
	)
	back := widget.NewButton(tr("workspace.toOPD"), u.switchToOPD)
	return container.NewVBox(
		heading(tr("asesor.title")),
		wrapped(trf("asesor.folder", u.dataDir)),
		container.NewBorder(nil, nil, bar, back),
		widget.NewSeparator(),
	)
}
