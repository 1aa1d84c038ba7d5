package app

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// feedbackExtension is the extension of the assessor's feedback files.
const feedbackExtension = ".spbe-umpan"

// feedbackInbox is the open store's feedback inbox, or nil when the
// installation has none (the import button and the notes are hidden).
func (u *UI) feedbackInbox() assessment.FeedbackInbox {
	if u.folder == nil {
		return nil
	}
	return u.folder.Inbox
}

// feedbackImport is the OPD officer importing the assessor's feedback
// from a stick: pick the file; when its signer is not trusted yet, show
// the fingerprint of the assessor's key (KUNCI_ASESOR.json beside the
// file, or a file they pick) and ask whether it is the one the assessor
// team read out; only "Ya" trusts the key and imports.
type feedbackImport struct {
	u       *UI
	inbox   assessment.FeedbackInbox
	done    func(assessment.FeedbackImported) // after a successful import
	file    string
	preview assessment.FeedbackPreview

	keyDlg       *dialog.ConfirmDialog // no key file beside the feedback: pick one?
	trustDlg     *dialog.ConfirmDialog // is this the fingerprint read out?
	withdrawnDlg dialog.Dialog         // the signer's trust was withdrawn: refused
	fp           *canvas.Text
	infoDlg      dialog.Dialog // nothing imported (Tidak)
	doneDlg      *dialog.ConfirmDialog
	imported     *assessment.FeedbackImported
}

// startFeedbackImport asks for the feedback file; done runs on the UI
// goroutine after an import.
func startFeedbackImport(u *UI, inbox assessment.FeedbackInbox, done func(assessment.FeedbackImported)) *feedbackImport {
	f := &feedbackImport{u: u, inbox: inbox, done: done}
	u.paths.PickFile(u.win, tr("feedback.pickTitle"), []string{feedbackExtension}, func(path string, ok bool) {
		if ok {
			f.file = path
			f.check("")
		}
	})
	return f
}

// check previews the file (and keyFile) off the UI goroutine and decides
// what to ask next.
func (f *feedbackImport) check(keyFile string) {
	inbox, file := f.inbox, f.file
	load(f.u, nil, func(ctx context.Context) (assessment.FeedbackPreview, error) {
		return inbox.Preview(ctx, file, keyFile)
	}, func(p assessment.FeedbackPreview) {
		f.preview = p
		switch {
		case p.Withdrawn:
			f.showWithdrawn()
		case p.Trusted:
			f.runImport(false)
		case p.KeyFile == "":
			f.askKeyFile()
		default:
			f.askTrust()
		}
	})
}

// askKeyFile explains that the assessor's public key is needed and lets
// the officer pick it.
func (f *feedbackImport) askKeyFile() {
	f.keyDlg = dialog.NewConfirm(tr("feedback.noKeyTitle"), tr("feedback.noKey"), func(ok bool) {
		if !ok {
			return
		}
		f.u.paths.PickFile(f.u.win, tr("feedback.pickKey"), []string{".json"}, func(path string, ok bool) {
			if ok {
				f.check(path)
			}
		})
	}, f.u.win)
	f.keyDlg.SetConfirmText(tr("feedback.pickKeyButton"))
	f.keyDlg.SetDismissText(tr("common.cancel"))
	f.keyDlg.Show()
}

// askTrust shows the fingerprint in large type and asks the one question
// that matters; the answer decides whether anything is stored.
func (f *feedbackImport) askTrust() {
	p := f.preview
	f.fp = canvas.NewText(groupFingerprint(p.Fingerprint), theme.Color(theme.ColorNameForeground))
	f.fp.TextSize = fingerprintSize
	f.fp.TextStyle = fyne.TextStyle{Monospace: true}
	question := bold(tr("feedback.trustQuestion"))
	box := container.NewVBox(
		wrapped(trf("feedback.trustIntro", p.Asesor, p.OPDKode, p.Periode, p.Sequence, p.Items)),
		bold(tr("feedback.fingerprint")), container.NewPadded(f.fp), question)
	f.trustDlg = dialog.NewCustomConfirm(tr("feedback.trustTitle"), tr("feedback.yes"), tr("feedback.no"), box, func(yes bool) {
		if yes {
			f.runImport(true)
			return
		}
		f.infoDlg = dialog.NewInformation(tr("feedback.notImportedTitle"), tr("feedback.notImported"), f.u.win)
		f.infoDlg.Show()
	}, f.u.win)
	f.trustDlg.Resize(fyne.NewSize(760, 300))
	f.trustDlg.Show()
}

// retrustCommand trusts a withdrawn assessor key again: deliberately, on
// the command line, never with one click here. It names the files of
// this import (the key file may be KUNCI_ASESOR_<id>.json).
func retrustCommand(p assessment.FeedbackPreview) string {
	keyFile := "KUNCI_ASESOR.json"
	if p.KeyFile != "" {
		keyFile = p.KeyFile
	}
	return fmt.Sprintf("spbe-mandiri feedback import %q --assessor-pubkey %q --retrust", p.File, keyFile)
}

// showWithdrawn refuses feedback signed by a key whose trust was
// withdrawn. The officer is not asked the fingerprint question again: a
// "Ya" here would undo a deliberate withdrawal with one click, and the key
// looks like a new one. Trusting it again is a deliberate command.
func (f *feedbackImport) showWithdrawn() {
	p := f.preview
	fp := widget.NewLabelWithStyle(trf("feedback.withdrawnKey", groupFingerprint(p.Fingerprint)), fyne.TextAlignLeading,
		fyne.TextStyle{Monospace: true})
	cmd := widget.NewLabelWithStyle(retrustCommand(p), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	cmd.Selectable = true // to copy into a terminal
	box := container.NewVBox(bold(trf("feedback.withdrawn", formatTime(p.WithdrawnAt))), fp,
		wrapped(tr("feedback.withdrawnRetrust")), cmd)
	f.withdrawnDlg = dialog.NewCustom(tr("feedback.withdrawnTitle"), tr("common.close"), box, f.u.win)
	f.withdrawnDlg.Resize(fyne.NewSize(680, 280))
	f.withdrawnDlg.Show()
}

// runImport stores the previewed feedback, trusting the key file shown
// first with trust. The inbox refuses a file changed since the preview.
func (f *feedbackImport) runImport(trust bool) {
	inbox, p := f.inbox, f.preview
	load(f.u, nil, func(ctx context.Context) (assessment.FeedbackImported, error) {
		return inbox.Import(ctx, p, trust)
	}, func(res assessment.FeedbackImported) {
		f.imported = &res
		f.showDone(res)
		if f.done != nil {
			f.done(res)
		}
	})
}

func (f *feedbackImport) showDone(res assessment.FeedbackImported) {
	msg := trf("feedback.done", res.OPDKode, res.Periode, res.Sequence, res.Items)
	if res.Known {
		msg = tr("feedback.known")
	}
	if res.Older {
		msg += "\n" + tr("feedback.older")
	}
	if res.TrustedNow {
		msg = tr("feedback.trustedNow") + "\n" + msg
	}
	f.doneDlg = dialog.NewCustomConfirm(tr("feedback.doneTitle"), tr("feedback.open"), tr("common.close"), wrapped(msg), func(open bool) {
		if open {
			f.u.openAssessment(res.AssessmentID)
		}
	}, f.u.win)
	f.doneDlg.Resize(fyne.NewSize(640, 240))
	f.doneDlg.Show()
}

// notesPanel is the assessor's note on one indicator, shown above the
// answer in a tinted frame: green for diterima, orange for revisi.
func notesPanel(notes assessment.FeedbackNotes, n assessment.FeedbackNote) fyne.CanvasObject {
	word, imp, tint := tr("feedback.statusAccepted"), widget.SuccessImportance, theme.ColorNameSuccess
	if n.NeedsRevision() {
		word, imp, tint = tr("feedback.statusRevision"), widget.WarningImportance, theme.ColorNameWarning
	}
	if n.Reason != "" {
		word += " — " + reviewReasonText(n.Reason)
	}
	box := container.NewVBox(heading(tr("feedback.panelTitle")), badge(word, imp))
	if n.Value != "" {
		box.Add(widget.NewLabel(trf("feedback.value", commaDecimal(n.Value))))
	}
	if n.Note != "" {
		box.Add(wrapped(n.Note))
	}
	if items := feedbackItemsBox(n); items != nil {
		box.Add(items)
	}
	by := n.Reviewer
	if by == "" {
		by = notes.Asesor
	}
	meta := wrapped(trf("feedback.by", by, formatTime(n.ReviewedAt)) + " · " +
		trf("feedback.source", notes.Asesor, notes.Sequence, formatTime(notes.ImportedAt)))
	meta.SizeName = theme.SizeNameCaptionText
	box.Add(meta)
	frame := canvas.NewRectangle(withAlpha(theme.Color(tint), 0x1a))
	frame.StrokeColor = theme.Color(tint)
	frame.StrokeWidth = 2
	frame.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(frame, container.NewPadded(box))
}

// withAlpha is c with alpha a (a light tint of a theme colour).
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
