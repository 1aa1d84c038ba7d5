package app

import (
	"context"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// addPortalButton adds "Paket portal…" to the consolidation's export
// buttons (the instansi's portal package); it is enabled and disabled
// with the other exports.
func (c *asesorConsolidate) addPortalButton() {
	p := c.u.asesor
	b := widget.NewButtonWithIcon(tr("portal.instansiButton"), theme.FolderNewIcon(), func() { c.onPortalPackage(p) })
	b.Disable()
	c.exportBtn = append(c.exportBtn, b)
}

// onPortalPackage asks for a folder and writes the periode's package into
// a new folder inside it, behind a progress dialog whose Batal cancels.
func (c *asesorConsolidate) onPortalPackage(p assessment.InstansiPortalPackager) {
	if c.periode == 0 {
		return
	}
	u, periode := c.u, c.periode
	u.paths.PickFolder(u.win, func(parent string, ok bool) {
		if !ok {
			return
		}
		bar := widget.NewProgressBar()
		prog := showProgress(u.win, tr("portal.title"), container.NewVBox(wrapped(tr("portal.working")), bar))
		ctx := prog.ctx
		var dir string
		u.jobs.submit(func(context.Context) error {
			var err error
			dir, err = p.InstansiPortalPackage(ctx, periode, parent, func(v float64) { u.post(func() { bar.SetValue(v) }) })
			return err
		}, func(err error) {
			cancelled := prog.end()
			if err != nil {
				if !cancelled {
					u.showError(err)
				}
				return
			}
			c.exported = dir
			showPortalDone(u, dir)
		})
	})
}
