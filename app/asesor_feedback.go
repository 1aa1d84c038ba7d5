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

// prefAsesorName remembers the team name written into feedback files.
const prefAsesorName = "asesorFeedbackName"

// defaultAsesorName is the team name offered the first time.
const defaultAsesorName = "Tim Asesor Internal"

// feedbackExport is the assessor's "Ekspor umpan balik" for one bundle:
// a folder, the passphrase of the assessor's key (asked twice when the
// key does not exist yet and will be created), signing off the UI
// goroutine, and the result with the key's fingerprint in large type for
// the assessor to read to the OPD on the phone.
type feedbackExport struct {
	u         *UI
	bundle    assessment.ReviewBundle
	dir       string
	keyExists bool
	key       assessment.AsesorKeyInfo

	name      *widget.Entry
	pass      *widget.Entry
	confirm   *widget.Entry // only when a new key will be created
	passDlg   *dialog.FormDialog
	wait      dialog.Dialog
	result    *assessment.FeedbackExported
	resultDlg dialog.Dialog
	fp        *canvas.Text

	sendBtn   *widget.Button // Kirim catatan ke server (sync_asesor_feedback.go)
	sendState *widget.Label
}

// startFeedbackExport asks for the destination folder first: the stick
// the feedback goes back on.
func startFeedbackExport(u *UI, b assessment.ReviewBundle) *feedbackExport {
	e := &feedbackExport{u: u, bundle: b}
	u.paths.PickFolder(u.win, func(dir string, ok bool) {
		if ok {
			e.dir = dir
			e.loadKey()
		}
	})
	return e
}

// loadKey asks the workspace whether the assessor's key exists, which
// decides how the passphrase is asked.
func (e *feedbackExport) loadKey() {
	loadAsesorKey(e.u, func(key assessment.AsesorKeyInfo, exists bool) {
		e.key, e.keyExists = key, exists
		e.askPassphrase()
	})
}

func (e *feedbackExport) askPassphrase() {
	e.name = widget.NewEntry()
	e.name.SetText(e.u.prefs.StringWithFallback(prefAsesorName, defaultAsesorName))
	e.name.Validator = checkAsesorName
	e.pass = widget.NewPasswordEntry()
	e.pass.Validator = e.checkPassphrase
	intro := trf("asesor.feedback.introExisting", groupFingerprint(e.key.Fingerprint))
	if !e.keyExists {
		intro = tr("asesor.feedback.introNew")
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr("asesor.feedback.bundle"), bold(bundleLabel(e.bundle))),
		widget.NewFormItem(tr("asesor.feedback.key"), wrapped(intro)),
		widget.NewFormItem(tr("asesor.feedback.name"), e.name),
		widget.NewFormItem(tr("asesor.feedback.passphrase"), e.pass),
	}
	e.confirm = nil
	if !e.keyExists {
		// the rule in sight while typing; the form puts the error there
		// once the entry is left too short
		items[len(items)-1].HintText = trf("asesor.feedback.passHintNew", assessment.MinPassphraseLen)
		e.confirm = widget.NewPasswordEntry()
		e.confirm.Validator = func(s string) error {
			if s != e.pass.Text {
				return errors.New(tr("asesor.feedback.mismatch"))
			}
			return nil
		}
		// The confirmation is checked again whenever the first entry changes.
		e.pass.OnChanged = func(string) { _ = e.confirm.Validate() }
		items = append(items, widget.NewFormItem(tr("asesor.feedback.confirm"), e.confirm))
	}
	e.passDlg = dialog.NewForm(tr("asesor.feedback.title"), tr("asesor.feedback.sign"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			e.submit()
		}
	}, e.u.win)
	e.passDlg.Resize(fyne.NewSize(720, 410))
	e.passDlg.Show()
}

// checkPassphrase refuses an empty passphrase, and for the key about to
// be created one shorter than assessment.MinPassphraseLen characters
// (storage/keys would refuse it too, but only after the dialog closed).
// An existing key's passphrase is whatever it was made with.
func (e *feedbackExport) checkPassphrase(s string) error {
	switch {
	case s == "":
		return errors.New(tr("asesor.feedback.empty"))
	case !e.keyExists && utf8.RuneCountInString(s) < assessment.MinPassphraseLen:
		return errors.New(trf("asesor.feedback.tooShort", assessment.MinPassphraseLen))
	}
	return nil
}

// checkAsesorName refuses a team name the feedback file cannot carry
// before anything is signed (or a first key created).
func checkAsesorName(s string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > assessment.MaxAsesorNameRunes {
		return errors.New(trf("asesor.feedback.nameTooLong", n, assessment.MaxAsesorNameRunes))
	}
	return nil
}

// submit signs and writes the feedback off the UI goroutine.
func (e *feedbackExport) submit() {
	pass := e.pass.Text
	if err := e.checkPassphrase(pass); err != nil {
		e.u.showError(err)
		return
	}
	if e.confirm != nil && e.confirm.Text != pass {
		e.u.showError(errors.New(tr("asesor.feedback.mismatch")))
		return
	}
	name := strings.TrimSpace(e.name.Text)
	if name == "" {
		name = defaultAsesorName
	}
	if err := checkAsesorName(name); err != nil {
		e.u.showError(err)
		return
	}
	e.u.prefs.SetString(prefAsesorName, name)
	w, id, dir := e.u.asesor, e.bundle.BundleID, e.dir
	e.wait = dialog.NewCustomWithoutButtons(tr("asesor.feedback.title"), widget.NewLabel(tr("asesor.feedback.signing")), e.u.win)
	e.wait.Show()
	var out assessment.FeedbackExported
	e.u.jobs.submit(func(ctx context.Context) error {
		var err error
		out, err = w.ExportFeedback(ctx, id, dir, name, []byte(pass))
		return err
	}, func(err error) {
		e.wait.Hide()
		if err != nil {
			e.u.showError(err)
			return
		}
		e.showResult(out)
	})
}

// showResult names both files and shows the fingerprint to read aloud.
func (e *feedbackExport) showResult(out assessment.FeedbackExported) {
	e.result = &out
	e.fp = canvas.NewText(groupFingerprint(out.Fingerprint), theme.Color(theme.ColorNameForeground))
	e.fp.TextSize = fingerprintSize
	e.fp.TextStyle = fyne.TextStyle{Monospace: true}
	box := container.NewVBox(
		bold(trf("asesor.feedback.done", out.OPDKode, out.Periode, out.Sequence, out.Items)),
		wrapped(out.Path),
		bold(tr("asesor.feedback.pubkey")),
		wrapped(out.PublicKeyPath),
	)
	if out.KeyCreated {
		created := wrapped(tr("asesor.feedback.keyCreated"))
		created.Importance = widget.WarningImportance
		box.Add(created)
	}
	box.Add(widget.NewSeparator())
	box.Add(bold(tr("asesor.feedback.fingerprint")))
	box.Add(container.NewPadded(e.fp))
	box.Add(wrapped(tr("asesor.feedback.readAloud")))
	if b := e.sendButton(out.Path); b != nil {
		box.Add(container.NewHBox(b, e.sendState))
	}
	e.resultDlg = dialog.NewCustom(tr("asesor.feedback.doneTitle"), tr("common.close"), box, e.u.win)
	e.resultDlg.Resize(fyne.NewSize(760, 480))
	e.resultDlg.Show()
}

// reviewReasonText is a revisi reason as stored and as carried in a
// feedback file (assessment.Reason*, Bahasa Indonesia) in the language
// of the GUI; a reason this version does not know is shown as it is.
// Both ends of the feedback use it: the assessor's screens and the OPD's
// view of the feedback it received.
func reviewReasonText(v string) string {
	for _, x := range reviewReasons {
		if x.value == v {
			return tr(x.key)
		}
	}
	return v
}
