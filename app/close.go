package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
)

// onCloseRequest runs when the user closes the window. Pending text is
// written first: the writes run in order on the worker goroutine, a
// barrier job queued behind them reports back when they are done, and only
// then is the window closed — closing can never drop the last words typed.
// A write that fails keeps the window open and asks what to do.
func (u *UI) onCloseRequest() {
	if u.upload != nil {
		dialog.ShowConfirm(tr("close.uploadTitle"), tr("close.uploadMessage"), func(ok bool) {
			if ok {
				u.upload.cancel()
				u.closeAfterSaving()
			}
		}, u.win)
		return
	}
	u.closeAfterSaving()
}

func (u *UI) closeAfterSaving() {
	u.closing = true
	if u.current != nil {
		u.current.leave()
	}
	u.saver.flush()
	if u.upload != nil {
		return // its end calls closeAfterSaving again
	}
	if !u.saver.dirty() {
		u.win.Close()
		return
	}
	// Every write is queued in order; this barrier's callback runs after
	// theirs, when the store holds them (or they failed).
	u.status.set(saveSaving, u.now(), nil)
	u.jobs.submit(func(context.Context) error { return nil }, func(error) { u.finishClose() })
}

func (u *UI) finishClose() {
	if u.saver.dirty() && !u.saver.unsaved() {
		u.closeAfterSaving() // still writing: wait for the next barrier
		return
	}
	if !u.saver.unsaved() {
		u.win.Close()
		return
	}
	d := dialog.NewConfirm(tr("close.failedTitle"), tr("close.failedMessage"), func(retry bool) {
		if retry {
			u.closeAfterSaving()
			return
		}
		u.saver.stop()
		u.win.Close()
	}, u.win)
	d.SetConfirmText(tr("close.retry"))
	d.SetDismissText(tr("close.discard"))
	d.SetOnClosed(func() { u.closing = false })
	d.Show()
}
