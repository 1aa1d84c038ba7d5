package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// exportFlow is one export from the dashboard: folder, key check,
// passphrase dialog, progress, result. Its fields are the open dialogs
// (tests drive them).
type exportFlow struct {
	q            *questionnaire
	dlg          *dialog.FormDialog // the passphrase dialog
	pass         *widget.Entry      // the installed key's passphrase
	pass1, pass2 *widget.Entry      // a new key's passphrase, twice
	newKeyDlg    *dialog.CustomDialog
	doneDlg      *dialog.CustomDialog // the bundle written, with its report and check
	newKey       assessment.OPDKey    // the key this export made
}

// onExport is the dashboard's export button. An assessment with
// indicators still to fill in is exported only after the officer says so:
// the bundle is what the assessor judges.
func (q *questionnaire) onExport() {
	q.u.saver.flush()
	n := q.s.unfinished()
	if n == 0 {
		q.startExport()
		return
	}
	d := dialog.NewConfirm(tr("export.incompleteTitle"), trf("export.incomplete", n), func(ok bool) {
		if ok {
			q.startExport()
		}
	}, q.u.win)
	d.SetConfirmText(tr("export.incompleteGo"))
	d.SetDismissText(tr("export.incompleteBack"))
	d.Show()
}

// startExport asks for a destination folder, checks (off the UI
// goroutine) whether the signing key exists, and asks its passphrase;
// without a key it says a new one will be made and asks the new
// passphrase twice. Then the folder's export (OPDExport.Publish) runs off
// the UI goroutine with a progress dialog.
func (q *questionnaire) startExport() *exportFlow {
	u := q.u
	f := &exportFlow{q: q}
	if u.opdExport() == nil {
		return f
	}
	q.u.saver.flush()
	u.paths.PickFolder(u.win, func(dir string, ok bool) {
		if ok {
			f.checkKey(dir)
		}
	})
	return f
}

// checkKey decides which passphrase dialog comes next. Without
// a key port the export asks one passphrase, as it always did.
func (f *exportFlow) checkKey(destDir string) {
	keys := f.q.u.opdKeys()
	if keys == nil {
		f.askPassphrase(destDir)
		return
	}
	load(f.q.u, nil, keys.Info, func(k assessment.OPDKey) {
		if k.Exists {
			f.askPassphrase(destDir)
			return
		}
		f.askNewKey(destDir)
	})
}

func (f *exportFlow) askPassphrase(destDir string) {
	u := f.q.u
	pass := widget.NewPasswordEntry()
	f.pass = pass
	items := []*widget.FormItem{widget.NewFormItem(tr("export.passphrase"), pass)}
	f.dlg = dialog.NewForm(tr("export.title"), tr("export.confirm"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			f.run(destDir, pass.Text, false)
		}
	}, u.win)
	submitOnEnter(f.dlg, u.win, pass)
	f.dlg.Resize(fyne.NewSize(520, 200))
	f.dlg.Show()
	u.win.Canvas().Focus(pass)
}

// askNewKey says that a new signing key will be made for this export and
// asks its passphrase twice (at least assessment.MinPassphraseLen
// characters, checked in the form).
func (f *exportFlow) askNewKey(destDir string) {
	u := f.q.u
	p1, p2 := newPassphraseEntries()
	f.pass1, f.pass2 = p1, p2
	items := []*widget.FormItem{
		widget.NewFormItem(tr("opdkey.newKeyLabel"), wrapped(tr("opdkey.exportIntro"))), // a label: no empty column beside the text
		widget.NewFormItem(tr("opdkey.pass1"), p1),
		widget.NewFormItem(tr("opdkey.pass2"), p2),
	}
	f.dlg = dialog.NewForm(tr("opdkey.exportTitle"), tr("opdkey.exportConfirm"), tr("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if err := checkNewPassphrase(p1.Text, p2.Text); err != nil {
			u.showError(err)
			return
		}
		f.run(destDir, p1.Text, true)
	}, u.win)
	submitOnEnter(f.dlg, u.win, p1, p2)
	f.dlg.Resize(fyne.NewSize(680, 380))
	f.dlg.Show()
	u.win.Canvas().Focus(p1)
}

// runExport exports with the installed key.
func (q *questionnaire) runExport(destDir, passphrase string) {
	(&exportFlow{q: q}).run(destDir, passphrase, false)
}

// run exports; with newKey it first creates the signing key
// (OPDFolder.Keys) and afterwards shows the new key's fingerprint.
func (f *exportFlow) run(destDir, passphrase string, newKey bool) {
	u := f.q.u
	bar := widget.NewProgressBar()
	prog := showProgress(u.win, tr("export.title"), bar)
	ctx := prog.ctx
	export, keys, id := u.opdExport(), u.opdKeys(), f.q.s.a.ID
	var path string
	var created *assessment.OPDKey
	u.jobs.spawn(func(context.Context) error {
		if newKey && keys != nil {
			k, err := keys.Create(ctx, []byte(passphrase))
			if err != nil {
				return err
			}
			created = &k
		}
		res, err := export.Publish(ctx, assessment.ExportRequest{AssessmentID: id, OutDir: destDir, Passphrase: []byte(passphrase),
			Progress: assessment.ByteProgress(func(v float64) {
				u.post(func() { bar.SetValue(v) })
			})})
		path = res.Path
		return err
	}, func(err error) {
		cancelled := prog.end()
		if created != nil {
			// The key exists now whatever the export did: show it.
			f.showNewKey(*created, path, err == nil)
		}
		if err != nil {
			if !cancelled {
				u.showError(err)
			}
			return
		}
		if created == nil {
			f.showDone(path)
		}
	})
}

// showNewKey shows the key the export just made: its fingerprint in large
// type, what to give the assessor, and the way to the key screen.
func (f *exportFlow) showNewKey(k assessment.OPDKey, path string, exported bool) {
	u := f.q.u
	f.newKey = k
	box := container.NewVBox()
	if exported {
		box.Add(wrapped(trf("export.done", path)))
		box.Add(u.ownBundleButtons(path))
	}
	box.Add(bold(tr("opdkey.newKeyFingerprint")))
	box.Add(container.NewPadded(fingerprintText(k.Fingerprint)))
	box.Add(wrapped(tr("opdkey.newKeyAdvice")))
	var dlg *dialog.CustomDialog
	open := widget.NewButtonWithIcon(tr("opdkey.openScreen"), theme.NavigateNextIcon(), func() {
		dlg.Hide()
		u.show(newSigningKey(u))
	})
	open.Importance = widget.HighImportance
	box.Add(container.NewHBox(open))
	dlg = dialog.NewCustom(tr("opdkey.newKeyTitle"), tr("common.close"), box, u.win)
	dlg.Resize(fyne.NewSize(720, 360))
	f.newKeyDlg = dlg
	dlg.Show()
}

// showDone says where the bundle is and offers its signed report and
// its check, right there.
func (f *exportFlow) showDone(path string) {
	u := f.q.u
	box := container.NewVBox(wrapped(trf("export.done", path)), u.ownBundleButtons(path))
	f.doneDlg = dialog.NewCustom(tr("export.title"), tr("common.close"), box, u.win)
	f.doneDlg.Resize(fyne.NewSize(640, 240))
	f.doneDlg.Show()
}

// ownBundleButtons: Buka laporan PDF (the signed report inside the
// bundle) and Periksa bundel (checked with this installation's key).
func (u *UI) ownBundleButtons(path string) fyne.CanvasObject {
	row := container.NewHBox()
	if u.opdExport() != nil {
		open := widget.NewButtonWithIcon(tr("export.openReport"), theme.DocumentIcon(), func() { u.openOwnReport(path) })
		open.Importance = widget.HighImportance
		row.Add(open)
		row.Add(widget.NewButtonWithIcon(tr("export.checkThis"), theme.ConfirmIcon(), func() { u.verifyFile(path) }))
	}
	return row
}

// openOwnReport copies the report out of the bundle (off the UI
// goroutine) and hands it to the system viewer.
func (u *UI) openOwnReport(bundlePath string) {
	var pdf string
	export := u.opdExport()
	u.jobs.spawn(func(ctx context.Context) error {
		var err error
		pdf, err = export.OwnReport(ctx, bundlePath)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if err := openInSystem(u.app, pdf); err != nil {
			u.showError(err) // already says, in Indonesian, where the file is
		}
	})
}

// onVerify checks a bundle file against the folder's own key.
func (u *UI) onVerify() {
	if u.opdExport() == nil {
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
		u.verifyFile(path)
	}, u.win)
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, u.win)
}

// verifyFile checks the bundle at path off the UI goroutine and shows the
// report.
func (u *UI) verifyFile(path string) {
	var report string
	export := u.opdExport()
	u.jobs.spawn(func(ctx context.Context) error {
		rep, err := export.VerifyOwn(ctx, path)
		if err != nil {
			return err
		}
		var b strings.Builder
		assessment.WriteVerifyReport(&b, path, rep)
		report = b.String()
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.verified = report
		dialog.ShowCustom(tr("verify.button"), tr("common.close"), scrollBox(wrapped(report), 640, 400), u.win)
	})
}
