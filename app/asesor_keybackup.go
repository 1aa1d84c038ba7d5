package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// asesorKeyCard is the assessor's own signing key on the key registry
// screen: its fingerprint (read aloud to the OPDs) and a backup. The key
// signs every feedback file and the consolidated report; a laptop lost
// without a backup means every OPD must trust a new key.
type asesorKeyCard struct {
	u         *UI
	box       *fyne.Container
	backupBtn *widget.Button

	// the open passphrase dialog (tests drive it)
	passDlg *dialog.FormDialog
	pass    *widget.Entry
}

func newAsesorKeyCard(u *UI) *asesorKeyCard {
	c := &asesorKeyCard{u: u, box: container.NewVBox(widget.NewLabel(tr("keys.loading")))}
	c.backupBtn = widget.NewButton(tr("asesor.keyBackup.button"), c.onBackup)
	c.backupBtn.Disable()
	c.load()
	return c
}

func (c *asesorKeyCard) view() fyne.CanvasObject {
	return container.NewVBox(bold(tr("asesor.keyBackup.title")), c.box, widget.NewSeparator())
}

// load reads whether the key exists off the UI goroutine.
func (c *asesorKeyCard) load() {
	loadAsesorKey(c.u, func(key assessment.AsesorKeyInfo, exists bool) {
		c.box.RemoveAll()
		if !exists {
			c.box.Add(wrapped(tr("asesor.keyBackup.none")))
			return
		}
		fp := canvas.NewText(groupFingerprint(key.Fingerprint), theme.Color(theme.ColorNameForeground))
		fp.TextSize = fingerprintSize
		fp.TextStyle.Monospace = true
		c.box.Add(fp)
		c.box.Add(wrapped(tr("asesor.keyBackup.intro")))
		c.backupBtn.Enable()
		c.box.Add(container.NewHBox(c.backupBtn))
	})
}

// loadAsesorKey reads the assessor's own key off the UI goroutine, then
// calls show on it; exists is false before the first feedback export.
func loadAsesorKey(u *UI, show func(key assessment.AsesorKeyInfo, exists bool)) {
	w := u.asesor
	if w == nil {
		return
	}
	type keyState struct {
		key    assessment.AsesorKeyInfo
		exists bool
	}
	load(u, nil, func(ctx context.Context) (keyState, error) {
		k, ok, err := w.AsesorKey(ctx)
		return keyState{k, ok}, err
	}, func(s keyState) { show(s.key, s.exists) })
}

func (c *asesorKeyCard) onBackup() {
	c.u.paths.PickFolder(c.u.win, func(dir string, ok bool) {
		if ok {
			c.askPassphrase(dir)
		}
	})
}

func (c *asesorKeyCard) askPassphrase(dir string) {
	c.pass = widget.NewPasswordEntry()
	pass := c.pass
	items := []*widget.FormItem{
		widget.NewFormItem("", wrapped(trf("asesor.keyBackup.passHint", dir))),
		widget.NewFormItem(tr("asesor.keyBackup.pass"), pass),
	}
	c.passDlg = dialog.NewForm(tr("asesor.keyBackup.button"), tr("asesor.keyBackup.confirm"), tr("common.cancel"), items,
		func(ok bool) {
			if ok {
				c.backup(dir, []byte(pass.Text))
			}
		}, c.u.win)
	c.passDlg.Resize(fyne.NewSize(560, 240))
	c.passDlg.Show()
	c.u.win.Canvas().Focus(pass)
}

// backup writes the backup off the UI goroutine and names the file.
func (c *asesorKeyCard) backup(dir string, passphrase []byte) {
	if len(passphrase) == 0 {
		c.u.showError(errors.New(tr("asesor.keyBackup.needPass")))
		return
	}
	w := c.u.asesor
	var path string
	c.backupBtn.Disable()
	c.u.jobs.submit(func(ctx context.Context) error {
		var err error
		path, err = w.BackupAsesorKey(ctx, dir, passphrase)
		return err
	}, func(err error) {
		c.backupBtn.Enable()
		if err != nil {
			c.u.showError(err)
			return
		}
		dialog.ShowInformation(tr("asesor.keyBackup.doneTitle"), trf("asesor.keyBackup.done", path), c.u.win)
	})
}
