package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// progressDialog is the one shape of a long job behind a dialog whose only
// button is Batal. Its context is cancelled when the user presses Batal,
// and only then: Fyne 2.7's SetOnClosed adds a handler instead of
// replacing the one set before, so a dialog hidden because the job ended
// would otherwise look exactly like a cancellation — and the job's error
// (a wrong passphrase, a full stick) would be dropped unseen.
type progressDialog struct {
	dlg       *dialog.CustomDialog
	ctx       context.Context
	cancel    context.CancelFunc
	ended     bool // the job finished: hiding is ours, not the user's
	cancelled bool // the user pressed Batal before the job finished
}

// showProgress shows body in a dialog titled title until end is called.
// Call it, and end, on the UI goroutine.
func showProgress(win fyne.Window, title string, body fyne.CanvasObject) *progressDialog {
	p := &progressDialog{}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.dlg = dialog.NewCustom(title, tr("common.cancel"), body, win)
	p.dlg.SetOnClosed(func() {
		if !p.ended {
			p.cancelled = true
			p.cancel()
		}
	})
	p.dlg.Show()
	return p
}

// end hides the dialog once the job has returned and reports whether the
// user had pressed Batal meanwhile; the caller shows the job's error only
// when they had not.
func (p *progressDialog) end() (cancelled bool) {
	p.ended = true
	p.dlg.Hide()
	p.cancel()
	return p.cancelled
}
