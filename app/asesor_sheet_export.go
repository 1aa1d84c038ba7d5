package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// exportIntoFolder asks for a folder, writes an export into it off the UI
// goroutine with btn disabled meanwhile, and names the file written (the
// message msgKey with the path) or shows why it failed. The recap's and
// the review's Excel and CSV exports share it.
func exportIntoFolder(u *UI, btn *widget.Button, titleKey, msgKey string, export func(ctx context.Context, dir string) (string, error)) {
	u.paths.PickFolder(u.win, func(dir string, ok bool) {
		if !ok {
			return
		}
		var path string
		btn.Disable()
		u.jobs.submit(func(ctx context.Context) error {
			var err error
			path, err = export(ctx, dir)
			return err
		}, func(err error) {
			btn.Enable()
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(tr(titleKey), trf(msgKey, path), u.win)
		})
	})
}
