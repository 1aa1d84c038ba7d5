package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// externalChange is the history line of an agency score change.
func externalChange(c assessment.Change) string {
	none := tr("history.empty")
	old, new := c.Old, c.New
	if old == "" {
		old = none
	}
	if new == "" {
		new = none
	}
	return trf("history.external", old, new)
}

// externalPanel replaces the level cards of an indicator whose value is
// imported from another agency's index (Pemdi I5 Indeks SDI, I6 SJIG, I7
// EPSS, I18): there is no level to pick and no evidence is demanded. The
// officer may enter the agency's published score and its year and sees
// the converted value as it is typed, or leaves it empty (the evaluator
// then takes 1, as KemenPANRB assumes).
type externalPanel struct {
	q      *questionnaire
	n      int
	vb     assessment.ValuedBy
	score  *textEntry
	year   *textEntry
	result *widget.Label
}

// newExternalPanel is nil for a self-assessed indicator.
func newExternalPanel(q *questionnaire, n int, in assessment.Indicator) *externalPanel {
	if !assessment.ExternallyValued(in) {
		return nil
	}
	p := &externalPanel{q: q, n: n, vb: *in.ValuedBy, result: wrapped("")}
	p.result.TextStyle.Bold = true
	p.score, p.year = newTextEntry(false), newTextEntry(false)
	p.score.SetPlaceHolder(tr("external.scorePlaceholder"))
	p.year.SetPlaceHolder(tr("external.yearPlaceholder"))
	if e := q.s.answer(n).External; e != nil {
		p.score.SetText(strings.Replace(e.Score, ".", ",", 1))
		if e.Year != 0 {
			p.year.SetText(strconv.Itoa(e.Year))
		}
	}
	for _, f := range []*textEntry{p.score, p.year} {
		f.shortcuts = q.onShortcut
		f.onFocusLost = q.u.saver.flush
		f.OnChanged = func(string) { p.onChanged() }
	}
	p.showResult()
	return p
}

func (p *externalPanel) view() fyne.CanvasObject {
	title := heading(trf("external.title", p.vb.Index, p.vb.Agency))
	explain := wrapped(tr("external.explain"))
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(tr("external.score")), p.score,
		widget.NewLabel(tr("external.year")), p.year)
	return container.NewVBox(title, explain, instrumentText(p.vb.Note), form, p.result)
}

// typed reads the two fields: nil for an empty score; an error message
// when the score or the year cannot be stored.
func (p *externalPanel) typed() (*assessment.ExternalScore, string) {
	score := strings.TrimSpace(p.score.Text)
	year := 0
	if y := strings.TrimSpace(p.year.Text); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < assessment.MinExternalYear || n > assessment.MaxExternalYear {
			return nil, trf("external.badYear", y)
		}
		year = n
	}
	if score == "" {
		return nil, ""
	}
	canon, err := assessment.CanonicalScore(p.vb, score)
	if err != nil {
		return nil, err.Error()
	}
	return &assessment.ExternalScore{Score: canon, Year: year}, ""
}

// onChanged shows the converted value and saves the score after a pause;
// what cannot be stored is shown and not saved.
func (p *externalPanel) onChanged() {
	e, problem := p.typed()
	if problem != "" {
		p.result.SetText(problem)
		p.result.Importance = widget.DangerImportance
		p.result.Refresh()
		return
	}
	q, n := p.q, p.n
	q.s.setExternal(n, e)
	st, cat, id, op := q.u.store, q.s.cat, q.s.a.ID, q.u.profile.Operator
	q.u.saver.edit(externalKey(n), write{
		do:    func(ctx context.Context) error { return st.SetExternalScore(ctx, cat, id, n, e, op) },
		after: func() { q.afterSave(n) },
	})
	p.showResult()
	q.changed()
}

// showResult is "Nilai konversi: 2,00", or "kosong → dinilai 1,00
// (asumsi KemenPANRB)".
func (p *externalPanel) showResult() {
	p.result.SetText(externalResult(p.vb, p.q.s.answer(p.n).External))
	p.result.Importance = widget.MediumImportance
	p.result.Refresh()
}

// externalResult is the converted value of a score as the panel shows it.
func externalResult(vb assessment.ValuedBy, e *assessment.ExternalScore) string {
	v, assumed, err := assessment.ExternalValue(vb, e)
	switch {
	case assumed:
		return trf("external.empty", assessment.FormatDecimal(v))
	case err != nil:
		return tr("external.noConversion")
	}
	return trf("external.converted", assessment.FormatDecimal(v))
}

func externalKey(n int) string { return "external:" + strconv.Itoa(n) }

// setExternal updates the session's copy of an answer's agency score.
func (s *session) setExternal(n int, e *assessment.ExternalScore) {
	an := s.answer(n)
	an.External = e
	s.answers[n] = an
}

// levelSection is what the indicator pane shows under the guidance: the
// agency-score panel for an externally valued indicator, else the level
// cards. (The evidence items are listed with the evidence.)
func (p *indicatorPane) levelSection() fyne.CanvasObject {
	if p.external != nil {
		return p.external.view()
	}
	return p.levels.view()
}
