package app

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// signingKey is the OPD's own signing key (Kunci penanda tangan): it signs
// every exported bundle, and the assessor trusts it only after comparing
// its fingerprint with the Formulir Pendaftaran Kunci signed by the Kepala
// OPD. Without a key it explains this and creates one; with a key it shows
// the fingerprint in large type and saves what the assessor needs (public
// key file, key form) and the backup, or restores a backup.
type signingKey struct {
	u    *UI
	keys assessment.OPDKeys
	box  *fyne.Container // loading, no key, or the key
	key  assessment.OPDKey
	fp   *canvas.Text // the fingerprint shown (nil without a key)

	createBtn, publicBtn, formBtn, backupBtn, restoreBtn *widget.Button

	// the open dialogs (tests drive them)
	createDlg    *dialog.FormDialog
	pass1, pass2 *widget.Entry
	passDlg      *dialog.FormDialog // backup or restore passphrase
	pass         *widget.Entry
	changeDlg    *dialog.ConfirmDialog // restoring another key changes the identity
	doneDlg      dialog.Dialog         // what was written or restored
	doneText     string
}

func newSigningKey(u *UI) *signingKey {
	s := &signingKey{u: u, keys: u.opdKeys(), box: container.NewVBox(widget.NewLabel(tr("opdkey.loading")))}
	s.createBtn = widget.NewButton(tr("opdkey.create"), s.onCreate)
	s.createBtn.Importance = widget.HighImportance
	s.publicBtn = widget.NewButtonWithIcon(tr("opdkey.public"), theme.DocumentSaveIcon(), s.onPublic)
	s.publicBtn.Importance = widget.HighImportance
	s.formBtn = widget.NewButtonWithIcon(tr("opdkey.form"), theme.DocumentPrintIcon(), s.onForm)
	s.backupBtn = widget.NewButtonWithIcon(tr("opdkey.backup"), theme.StorageIcon(), s.onBackup)
	s.restoreBtn = widget.NewButtonWithIcon(tr("opdkey.restore"), theme.HistoryIcon(), s.onRestore)
	s.load()
	return s
}

func (s *signingKey) view() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(tr("opdkey.back"), theme.NavigateBackIcon(), s.u.showHome)
	top := container.NewVBox(container.NewHBox(back), heading(tr("opdkey.title")), widget.NewSeparator())
	return container.NewPadded(border(top, nil, nil, nil, container.NewVScroll(centered(s.box, 980))))
}

func (s *signingKey) leave() {}

// load reads the installed key off the UI goroutine.
func (s *signingKey) load() {
	if s.keys == nil {
		return
	}
	load(s.u, nil, s.keys.Info, func(k assessment.OPDKey) {
		s.key = k
		s.render()
	})
}

func (s *signingKey) render() {
	s.box.RemoveAll()
	s.fp = nil
	if !s.key.Exists {
		s.box.Add(wrapped(tr("opdkey.intro")))
		s.box.Add(bold(tr("opdkey.none")))
		s.box.Add(container.NewHBox(s.createBtn, s.restoreBtn))
		return
	}
	s.fp = fingerprintText(s.key.Fingerprint)
	details := trf("opdkey.details", shortKeyID(s.key.KeyID), formatTime(s.key.CreatedAt))
	if s.key.LastSequence > 0 {
		details += " · " + trf("opdkey.lastSequence", s.key.LastSequence)
	} else {
		details += " · " + tr("opdkey.noBundle")
	}
	card := container.NewVBox(bold(tr("opdkey.fingerprint")), container.NewPadded(s.fp), wrapped(details))
	s.box.Add(widget.NewCard("", "", card))
	s.box.Add(wrapped(tr("opdkey.trustHint")))
	s.box.Add(actionRow(s.publicBtn, trf("opdkey.publicHint", strings.ToUpper(s.u.profile.OPDKode))))
	s.box.Add(actionRow(s.formBtn, tr("opdkey.formHint")))
	s.box.Add(widget.NewSeparator())
	s.box.Add(actionRow(s.backupBtn, tr("opdkey.backupHint")))
	s.box.Add(actionRow(s.restoreBtn, tr("opdkey.restoreHint")))
}

// actionRow is a button with what it is for beside it; the buttons share
// one width so that the explanations line up.
func actionRow(b *widget.Button, hint string) fyne.CanvasObject {
	// The VBox keeps the button at its own height beside a long hint.
	return container.NewBorder(nil, nil, container.NewVBox(fixedWidth(b, 330)), nil, wrapped(hint))
}

// fingerprintText is a fingerprint in large monospace type, in groups of
// five digits, as the assessor's registry and the key form show it.
func fingerprintText(fp string) *canvas.Text {
	t := canvas.NewText(groupFingerprint(fp), theme.Color(theme.ColorNameForeground))
	t.TextSize = fingerprintSize
	t.TextStyle = fyne.TextStyle{Monospace: true}
	return t
}

// setBusy disables the actions while a key operation runs.
func (s *signingKey) setBusy(busy bool) {
	for _, b := range []*widget.Button{s.createBtn, s.publicBtn, s.formBtn, s.backupBtn, s.restoreBtn} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// run does work off the UI goroutine with the actions disabled; a
// success shows its message (the file written) and reloads the key.
func (s *signingKey) run(work func(context.Context) (string, error), onErr func(error) bool) {
	s.setBusy(true)
	var msg string
	s.u.jobs.submit(func(ctx context.Context) error {
		var err error
		msg, err = work(ctx)
		return err
	}, func(err error) {
		s.setBusy(false)
		if err != nil {
			if onErr == nil || !onErr(err) {
				s.u.showError(err)
			}
			return
		}
		s.doneText = msg
		s.doneDlg = dialog.NewInformation(tr("opdkey.title"), msg, s.u.win)
		s.doneDlg.Show()
		s.load()
	})
}

// onCreate asks the new passphrase twice.
func (s *signingKey) onCreate() {
	s.pass1, s.pass2 = newPassphraseEntries()
	items := []*widget.FormItem{
		widget.NewFormItem(tr("opdkey.newKeyLabel"), wrapped(tr("opdkey.createIntro"))),
		widget.NewFormItem(tr("opdkey.pass1"), s.pass1),
		widget.NewFormItem(tr("opdkey.pass2"), s.pass2),
	}
	p1, p2 := s.pass1, s.pass2
	s.createDlg = dialog.NewForm(tr("opdkey.createTitle"), tr("opdkey.createConfirm"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			s.create(p1.Text, p2.Text)
		}
	}, s.u.win)
	submitOnEnter(s.createDlg, s.u.win, p1, p2)
	s.createDlg.Resize(fyne.NewSize(640, 340))
	s.createDlg.Show()
	s.u.win.Canvas().Focus(p1)
}

func (s *signingKey) create(pass, again string) {
	if err := checkNewPassphrase(pass, again); err != nil {
		s.u.showError(err)
		return
	}
	keys := s.keys
	s.run(func(ctx context.Context) (string, error) {
		k, err := keys.Create(ctx, []byte(pass))
		if err != nil {
			return "", err
		}
		return trf("opdkey.created", groupFingerprint(k.Fingerprint)), nil
	}, nil)
}

// newPassphraseEntries are the two entries of a new passphrase, checked
// as the officer types (length; the second equals the first).
func newPassphraseEntries() (*widget.Entry, *widget.Entry) {
	p1, p2 := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	p1.SetPlaceHolder(trf("opdkey.passHint", assessment.MinPassphraseLen))
	p1.Validator = func(v string) error { return checkNewPassphrase(v, v) }
	p2.Validator = func(v string) error { return checkNewPassphrase(p1.Text, v) }
	return p1, p2
}

// checkNewPassphrase refuses a new passphrase shorter than
// assessment.MinPassphraseLen characters or typed differently twice.
func checkNewPassphrase(pass, again string) error {
	if utf8.RuneCountInString(pass) < assessment.MinPassphraseLen {
		return errors.New(trf("opdkey.tooShort", assessment.MinPassphraseLen))
	}
	if pass != again {
		return errors.New(tr("opdkey.mismatch"))
	}
	return nil
}

// onPublic saves the public key file into a folder the officer picks.
func (s *signingKey) onPublic() {
	keys := s.keys
	s.u.paths.PickFolder(s.u.win, func(dir string, ok bool) {
		if !ok {
			return
		}
		s.run(func(ctx context.Context) (string, error) {
			path, err := keys.ExportPublic(ctx, dir)
			return trf("opdkey.publicDone", path), err
		}, nil)
	})
}

// onForm writes the key registration form for the Kepala OPD to sign.
func (s *signingKey) onForm() {
	keys := s.keys
	s.u.paths.PickFolder(s.u.win, func(dir string, ok bool) {
		if !ok {
			return
		}
		s.run(func(ctx context.Context) (string, error) {
			path, err := keys.KeyForm(ctx, dir)
			return trf("opdkey.formDone", path), err
		}, nil)
	})
}

// onBackup asks for a folder, then the passphrase (checked before the
// backup is written).
func (s *signingKey) onBackup() {
	s.u.paths.PickFolder(s.u.win, func(dir string, ok bool) {
		if !ok {
			return
		}
		s.askPass(tr("opdkey.backupTitle"), trf("opdkey.backupPass", dir), tr("opdkey.backupConfirm"), func(pass []byte) {
			keys := s.keys
			s.run(func(ctx context.Context) (string, error) {
				path, err := keys.Backup(ctx, dir, pass)
				return trf("opdkey.backupDone", path), err
			}, nil)
		})
	})
}

// askPass asks one passphrase (the installed key's, or the backup's).
func (s *signingKey) askPass(title, intro, confirm string, done func([]byte)) {
	s.pass = widget.NewPasswordEntry()
	pass := s.pass
	items := []*widget.FormItem{
		widget.NewFormItem(tr("opdkey.aboutLabel"), wrapped(intro)),
		widget.NewFormItem(tr("opdkey.pass"), pass),
	}
	s.passDlg = dialog.NewForm(title, confirm, tr("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if pass.Text == "" {
			s.u.showError(errors.New(tr("opdkey.needPass")))
			return
		}
		done([]byte(pass.Text))
	}, s.u.win)
	submitOnEnter(s.passDlg, s.u.win, pass)
	s.passDlg.Resize(fyne.NewSize(640, 260))
	s.passDlg.Show()
	s.u.win.Canvas().Focus(pass)
}

// onRestore picks a backup file and its passphrase; restoring over
// another key asks first (see confirmChange).
func (s *signingKey) onRestore() {
	s.u.paths.PickFile(s.u.win, tr("opdkey.restoreTitle"), []string{".json"}, func(file string, ok bool) {
		if !ok {
			return
		}
		s.askPass(tr("opdkey.restoreTitle"), trf("opdkey.restorePass", file), tr("opdkey.restoreConfirm"), func(pass []byte) {
			s.restore(file, pass, false)
		})
	})
}

func (s *signingKey) restore(file string, pass []byte, force bool) {
	keys := s.keys
	s.run(func(ctx context.Context) (string, error) {
		r, err := keys.Restore(ctx, file, pass, force)
		if err != nil {
			return "", err
		}
		switch {
		case r.Same:
			return tr("opdkey.restoreSame"), nil
		case r.Replaced != "":
			return trf("opdkey.restoreReplaced", groupFingerprint(r.Key.Fingerprint), r.Replaced), nil
		}
		return trf("opdkey.restored", groupFingerprint(r.Key.Fingerprint)), nil
	}, func(err error) bool {
		var change *assessment.KeyChangeError
		if force || !errors.As(err, &change) {
			return false
		}
		s.confirmChange(change, file, pass)
		return true
	})
}

// confirmChange says plainly that restoring another key changes the OPD's
// signing identity (the assessor must trust it again) and that the old
// key file is kept; only then is the restore forced.
func (s *signingKey) confirmChange(change *assessment.KeyChangeError, file string, pass []byte) {
	box := container.NewVBox(
		wrapped(tr("opdkey.changeIntro")),
		bold(tr("opdkey.changeInstalled")), fingerprintText(change.Installed),
		bold(tr("opdkey.changeBackup")), fingerprintText(change.Backup),
		wrapped(tr("opdkey.changeEffect")),
	)
	s.changeDlg = dialog.NewCustomConfirm(tr("opdkey.changeTitle"), tr("opdkey.changeConfirm"), tr("common.cancel"), box, func(ok bool) {
		if ok {
			s.restore(file, pass, true)
		}
	}, s.u.win)
	s.changeDlg.SetConfirmImportance(widget.DangerImportance)
	s.changeDlg.Resize(fyne.NewSize(760, 420))
	s.changeDlg.Show()
}
