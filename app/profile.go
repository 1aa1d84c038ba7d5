package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// profileForm edits the OPD profile (on first run, and later from home,
// together with the language).
type profileForm struct {
	u        *UI
	first    bool
	instansi *widget.Entry
	kode     *widget.Entry
	nama     *widget.Entry
	operator *widget.Entry
	language *widget.RadioGroup
	save     *widget.Button
	cancel   *widget.Button
	problem  *widget.Label
	// kodeProblem, under the code field, says why a code is refused (the
	// rule export and the assessor use: assessment.ParseOPDCode).
	kodeProblem *widget.Label
}

func newProfileForm(u *UI, first bool) *profileForm {
	p := &profileForm{u: u, first: first}
	entry := func(value, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(value)
		e.SetPlaceHolder(placeholder)
		return e
	}
	p.instansi = entry(u.profile.Instansi, tr("profile.instansiHint"))
	p.kode = entry(u.profile.OPDKode, tr("profile.kodeHint"))
	p.nama = entry(u.profile.OPDNama, tr("profile.namaHint"))
	p.operator = entry(u.profile.Operator, tr("profile.operatorHint"))
	p.language = widget.NewRadioGroup([]string{"Bahasa Indonesia", "English"}, p.onLanguage)
	p.language.Horizontal = true
	p.language.Required = true
	p.language.Selected = "Bahasa Indonesia"
	if languageOf(u.prefs, "") == langEN {
		p.language.Selected = "English"
	}
	p.save = widget.NewButton(tr("profile.save"), p.onSave)
	p.save.Importance = widget.HighImportance
	p.cancel = widget.NewButton(tr("common.cancel"), u.showHome)
	p.problem = wrapped("")
	p.problem.Importance = widget.DangerImportance
	p.problem.Hide()
	p.kodeProblem = wrapped("")
	p.kodeProblem.Importance = widget.DangerImportance
	p.kodeProblem.Hide()
	p.kode.OnChanged = func(string) {
		if p.kodeProblem.Visible() {
			p.checkKode()
		}
	}
	return p
}

// checkKode validates the typed OPD code with the one rule, showing the
// reason under the field; it returns the canonical code ("" if refused).
func (p *profileForm) checkKode() string {
	kode, err := assessment.ParseOPDCode(p.kode.Text)
	if err != nil {
		p.kodeProblem.SetText(trf("profile.kodeInvalid", err.Error()))
		p.kodeProblem.Show()
		return ""
	}
	p.kodeProblem.Hide()
	return kode
}

func (p *profileForm) view() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(tr("profile.instansi"), p.instansi),
		&widget.FormItem{Text: tr("profile.kode"), Widget: container.NewVBox(p.kode, p.kodeProblem), HintText: tr("profile.kodeRule")},
		widget.NewFormItem(tr("profile.nama"), p.nama),
		widget.NewFormItem(tr("profile.operator"), p.operator),
	)
	buttons := container.NewHBox(p.save)
	if !p.first {
		buttons.Add(p.cancel)
	}
	if p.first && p.u.deps.OpenAsesor != nil {
		// An assessor on a new folder has no OPD profile to fill in.
		buttons.Add(layout.NewSpacer())
		buttons.Add(widget.NewButton(tr("workspace.toAsesor"), p.u.switchToAsesor))
	}
	box := container.NewVBox(heading(tr("profile.title")), wrapped(tr("profile.intro")), form, p.problem)
	if !p.first {
		box.Add(widget.NewSeparator())
		box.Add(bold(tr("first.language")))
		box.Add(p.language)
		box.Add(wrapped(trf("profile.dataDir", p.u.dataDir)))
	}
	box.Add(buttons)
	return container.NewVScroll(container.NewPadded(centered(box, 760)))
}

func (p *profileForm) leave() {}

func (p *profileForm) values() assessment.Profile {
	return assessment.Profile{
		Instansi: strings.TrimSpace(p.instansi.Text),
		OPDKode:  strings.TrimSpace(p.kode.Text),
		OPDNama:  strings.TrimSpace(p.nama.Text),
		Operator: strings.TrimSpace(p.operator.Text),
	}
}

func (p *profileForm) onSave() {
	prof := p.values()
	if prof.Instansi == "" || prof.OPDKode == "" || prof.OPDNama == "" || prof.Operator == "" {
		p.problem.SetText(tr("profile.required"))
		p.problem.Show()
		return
	}
	if prof.OPDKode = p.checkKode(); prof.OPDKode == "" {
		return
	}
	p.problem.Hide()
	p.save.Disable()
	st := p.u.store
	p.u.jobs.submit(func(ctx context.Context) error {
		return st.SaveProfile(ctx, prof)
	}, func(err error) {
		p.save.Enable()
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.profile = prof
		p.u.showHome()
	})
}

func (p *profileForm) onLanguage(choice string) {
	code := langID
	if choice == "English" {
		code = langEN
	}
	if code == languageOf(p.u.prefs, "") {
		return
	}
	p.u.prefs.SetString(prefLanguage, code)
	applyLanguage(code)
	typed := p.values()
	next := newProfileForm(p.u, p.first)
	next.instansi.SetText(typed.Instansi)
	next.kode.SetText(typed.OPDKode)
	next.nama.SetText(typed.OPDNama)
	next.operator.SetText(typed.Operator)
	p.u.show(next)
}
