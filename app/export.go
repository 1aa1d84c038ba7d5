package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// onExport asks for a destination folder and the passphrase, then runs
// the Deps.Export hook off the UI goroutine with a progress dialog.
func (q *questionnaire) onExport() {
	u := q.u
	if u.deps.Export == nil {
		return
	}
	q.u.saver.flush()
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if dir != nil {
			q.askPassphrase(dir.Path())
		}
	}, u.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (q *questionnaire) askPassphrase(destDir string) {
	pass := widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(tr("export.passphrase"), pass)}
	dlg := dialog.NewForm(tr("export.title"), tr("export.confirm"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			q.runExport(destDir, pass.Text)
		}
	}, q.u.win)
	dlg.Resize(fyne.NewSize(520, 200))
	dlg.Show()
}

func (q *questionnaire) runExport(destDir, passphrase string) {
	u := q.u
	bar := widget.NewProgressBar()
	ctx, cancel := context.WithCancel(context.Background())
	prog := dialog.NewCustom(tr("export.title"), tr("common.cancel"), bar, u.win)
	prog.SetOnClosed(cancel)
	prog.Show()
	export, id := u.deps.Export, q.s.a.ID
	var path string
	u.jobs.spawn(func(context.Context) error {
		var err error
		path, err = export(ctx, id, destDir, passphrase, func(f float64) {
			u.post(func() { bar.SetValue(f) })
		})
		return err
	}, func(err error) {
		prog.SetOnClosed(func() {})
		prog.Hide()
		cancel()
		if err != nil {
			if ctx.Err() == nil {
				u.showError(err)
			}
			return
		}
		dialog.ShowInformation(tr("export.title"), trf("export.done", path), u.win)
	})
}

// onVerify checks a bundle file with the Deps.Verify hook.
func (u *UI) onVerify() {
	if u.deps.Verify == nil {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			if err != nil {
				u.showError(err)
			}
			return
		}
		path := rc.URI().Path()
		rc.Close()
		var report string
		u.jobs.spawn(func(ctx context.Context) error {
			var err error
			report, err = u.deps.Verify(ctx, path)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowCustom(tr("verify.button"), tr("common.close"), scrollBox(wrapped(report), 640, 400), u.win)
		})
	}, u.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
