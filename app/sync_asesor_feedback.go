package app

import (
	"context"

	"fyne.io/fyne/v2/widget"
)

// Kirim catatan ke server: after Ekspor umpan balik, the signed file can
// go to the collection server too, which relays it to the OPD's next sync
// (the stick copy stays as it is). The server takes only files signed by
// an enrolled Tim Asesor key, for a bundle it decided.

// sendButton is nil when no server is wired.
func (e *feedbackExport) sendButton(path string) *widget.Button {
	d := e.u.deps.Sync
	if d == nil || d.Feedback == nil {
		return nil
	}
	state := widget.NewLabel("")
	var btn *widget.Button
	btn = widget.NewButton(tr("sync.sendFeedback"), func() {
		btn.Disable()
		state.SetText(tr("sync.sending"))
		dir := e.u.dataDir
		var added bool
		e.u.jobs.spawn(func(ctx context.Context) error {
			var err error
			added, err = d.Feedback.SendInstalled(ctx, dir, path)
			return err
		}, func(err error) {
			switch {
			case err != nil:
				btn.Enable()
				state.SetText(trf("sync.sendFeedback.failed", err.Error()))
			case added:
				state.SetText(tr("sync.sendFeedback.done"))
			default:
				state.SetText(tr("sync.sendFeedback.known"))
			}
		})
	})
	e.sendBtn, e.sendState = btn, state
	return btn
}
