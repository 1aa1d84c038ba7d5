package app

import (
	"context"
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// fingerprintSize is the text size of a fingerprint: large enough to read
// aloud on the phone and to compare with the signed key form.
const fingerprintSize = 28

// asesorKeys is the key registry: every signing key seen, its status and
// its fingerprint in large type, to verify or revoke deliberately.
type asesorKeys struct {
	u      *UI
	list   *fyne.Container
	addBtn *widget.Button
	keys   []assessment.RegisteredKey
	own    *asesorKeyCard // the assessor's own key and its backup

	// the open verify dialog (tests drive it)
	verifyDlg *dialog.FormDialog
	verifyHow *widget.RadioGroup
	verifyBy  *widget.Entry
	// the open revoke confirmation (tests drive it)
	revokeDlg *dialog.ConfirmDialog
	revokeKey string
}

func newAsesorKeys(u *UI) *asesorKeys {
	k := &asesorKeys{u: u, list: container.NewVBox(widget.NewLabel(tr("keys.loading")))}
	k.addBtn = widget.NewButton(tr("keys.add"), k.onAdd)
	k.own = newAsesorKeyCard(u)
	k.load()
	return k
}

func (k *asesorKeys) view() fyne.CanvasObject {
	top := container.NewVBox(asesorNav(k.u, "asesor.navKeys"), wrapped(tr("keys.intro")), container.NewHBox(k.addBtn))
	body := container.NewVBox(k.own.view(), bold(tr("keys.opdKeys")), k.list)
	return container.NewPadded(border(top, nil, nil, nil, container.NewVScroll(body)))
}

func (k *asesorKeys) leave() {}

// load reads the registry off the UI goroutine.
func (k *asesorKeys) load() {
	w := k.u.asesor
	if w == nil {
		return
	}
	load(k.u, nil, w.Keys, func(list []assessment.RegisteredKey) {
		k.keys = list
		k.render()
	})
}

func (k *asesorKeys) render() {
	k.list.RemoveAll()
	if len(k.keys) == 0 {
		k.list.Add(wrapped(tr("keys.empty")))
		return
	}
	for _, key := range k.keys {
		k.list.Add(k.card(key))
	}
}

func (k *asesorKeys) card(key assessment.RegisteredKey) fyne.CanvasObject {
	label, imp := keyStatusBadge(key.Status)
	opd := key.OPDKode
	if opd == "" {
		opd = tr("keys.noOPD")
	}
	head := container.NewBorder(nil, nil, badge(label, imp), nil, bold(trf("keys.head", opd, shortKeyID(key.KeyID))))
	fp := canvas.NewText(groupFingerprint(key.Fingerprint), theme.Color(theme.ColorNameForeground))
	fp.TextSize = fingerprintSize
	fp.TextStyle = fyne.TextStyle{Monospace: true}
	if key.Status == assessment.KeyRevoked {
		fp.Color = color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	}
	details := trf("keys.firstSeen", formatTime(key.FirstSeen), key.Source)
	switch key.Status {
	case assessment.KeyVerified:
		details += " · " + trf("keys.verifiedBy", key.VerifiedBy, formatTime(key.VerifiedAt), key.VerifiedHow)
	case assessment.KeyRevoked:
		details += " · " + trf("keys.revokedAt", formatTime(key.RevokedAt))
	case assessment.KeyPending:
		details += " · " + tr("keys.pendingHint")
	}
	if key.LastSequence > 0 {
		details += " · " + trf("keys.lastSequence", key.LastSequence)
	}
	actions := container.NewHBox()
	if key.Status == assessment.KeyPending {
		v := widget.NewButton(tr("keys.verify"), func() { k.onVerify(key) })
		v.Importance = widget.HighImportance
		actions.Add(v)
	}
	if key.Status != assessment.KeyRevoked {
		r := widget.NewButton(tr("keys.revoke"), func() { k.onRevoke(key) })
		r.Importance = widget.DangerImportance
		actions.Add(r)
	}
	return widget.NewCard("", "", container.NewVBox(head, bold(tr("keys.fingerprint")), container.NewPadded(fp), wrapped(details), actions))
}

// onAdd registers a public key file (pending).
func (k *asesorKeys) onAdd() {
	k.u.paths.PickFile(k.u.win, tr("keys.add"), nil, func(path string, ok bool) {
		if !ok || k.u.asesor == nil {
			return
		}
		w := k.u.asesor
		k.u.jobs.submit(func(ctx context.Context) error {
			_, _, err := w.AddKey(ctx, path, "")
			return err
		}, func(err error) {
			if err != nil {
				k.u.showError(err)
			}
			k.load()
		})
	})
}

// onVerify asks how the fingerprint was compared and by whom, then marks
// the key verified.
func (k *asesorKeys) onVerify(key assessment.RegisteredKey) {
	k.verifyHow = widget.NewRadioGroup([]string{tr("keys.howForm"), tr("keys.howPhone")}, nil)
	k.verifyHow.Required = true
	k.verifyBy = widget.NewEntry()
	k.verifyBy.SetPlaceHolder(tr("keys.byHint"))
	k.verifyBy.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(tr("keys.byRequired"))
		}
		return nil
	}
	fp := canvas.NewText(groupFingerprint(key.Fingerprint), theme.Color(theme.ColorNameForeground))
	fp.TextSize = fingerprintSize
	fp.TextStyle = fyne.TextStyle{Monospace: true}
	items := []*widget.FormItem{
		widget.NewFormItem("", container.NewVBox(wrapped(tr("keys.verifyIntro")), fp)),
		widget.NewFormItem(tr("keys.how"), k.verifyHow),
		widget.NewFormItem(tr("keys.by"), k.verifyBy),
	}
	k.verifyDlg = dialog.NewForm(tr("keys.verifyTitle"), tr("keys.verifyConfirm"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			k.verify(key.KeyID, k.verifyHow.Selected, strings.TrimSpace(k.verifyBy.Text))
		}
	}, k.u.win)
	k.verifyDlg.Resize(fyne.NewSize(760, 420))
	k.verifyDlg.Show()
}

func (k *asesorKeys) verify(keyID, how, by string) {
	if how == "" || by == "" || k.u.asesor == nil {
		return
	}
	w := k.u.asesor
	k.u.jobs.submit(func(ctx context.Context) error {
		_, err := w.VerifyKey(ctx, keyID, by, how)
		return err
	}, func(err error) {
		if err != nil {
			k.u.showError(err)
		}
		k.load()
	})
}

// onRevoke asks for confirmation, then revokes the key.
func (k *asesorKeys) onRevoke(key assessment.RegisteredKey) {
	k.revokeKey = key.KeyID
	opd := key.OPDKode
	if opd == "" {
		opd = tr("keys.noOPD")
	}
	k.revokeDlg = dialog.NewConfirm(tr("keys.revokeTitle"), trf("keys.revokeQuestion", shortKeyID(key.KeyID), opd), func(ok bool) {
		if ok {
			k.revoke(key.KeyID)
		}
	}, k.u.win)
	k.revokeDlg.SetConfirmText(tr("keys.revoke"))
	k.revokeDlg.SetDismissText(tr("common.cancel"))
	k.revokeDlg.SetConfirmImportance(widget.DangerImportance)
	k.revokeDlg.Show()
}

func (k *asesorKeys) revoke(keyID string) {
	if k.u.asesor == nil {
		return
	}
	w := k.u.asesor
	k.u.jobs.submit(func(ctx context.Context) error {
		_, err := w.RevokeKey(ctx, keyID)
		return err
	}, func(err error) {
		if err != nil {
			k.u.showError(err)
		}
		k.load()
	})
}

// keyStatusBadge is the word and colour of a key status.
func keyStatusBadge(s assessment.KeyStatus) (string, widget.Importance) {
	switch s {
	case assessment.KeyPending:
		return tr("keys.statusPending"), widget.WarningImportance
	case assessment.KeyVerified:
		return tr("keys.statusVerified"), widget.SuccessImportance
	case assessment.KeyRevoked:
		return tr("keys.statusRevoked"), widget.DangerImportance
	}
	return string(s), widget.MediumImportance
}

// groupFingerprint writes a fingerprint's digits in groups of five.
func groupFingerprint(fp string) string {
	digits := strings.Join(strings.Fields(fp), "")
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && i%5 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shortKeyID is the first 16 characters of a key id.
func shortKeyID(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}
