package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// itemsPanel lists, for a catalog with evidence items (Pemdi 2026), the
// items of every level up to the chosen one with their state (ada /
// belum) and the files that support each, warns when the portal's cascade
// would reject the claimed level, and holds the picker that says which
// items a newly attached file supports.
type itemsPanel struct {
	q      *questionnaire
	n      int
	in     assessment.Indicator
	box    *fyne.Container
	warn   *widget.Label
	picker *widget.CheckGroup
	codeOf map[string]string // picker option → item code
	pickBx *fyne.Container
}

// newItemsPanel is nil when the indicator lists no items.
func newItemsPanel(q *questionnaire, n int, in assessment.Indicator) *itemsPanel {
	if !assessment.HasItems(in) || assessment.ExternallyValued(in) {
		return nil
	}
	p := &itemsPanel{q: q, n: n, in: in, box: container.NewVBox(), warn: wrapped("")}
	p.warn.Importance = widget.WarningImportance
	p.picker = widget.NewCheckGroup(nil, nil)
	p.pickBx = container.NewVBox(widget.NewLabel(tr("items.pick")), p.picker)
	p.render()
	return p
}

// upTo is the highest level whose items are listed: the chosen level, or
// level 1 before one is chosen.
func (p *itemsPanel) upTo() int { return max(p.q.s.answer(p.n).Level, 1) }

func (p *itemsPanel) view() fyne.CanvasObject { return p.box }

// pickerView is placed above the evidence list's add button.
func (p *itemsPanel) pickerView() fyne.CanvasObject { return p.pickBx }

// render lists the items again and resets the picker to its default.
func (p *itemsPanel) render() {
	cov := assessment.CoverItems(p.in, p.upTo(), p.q.s.evidenceOf(p.n))
	p.box.RemoveAll()
	p.box.Add(heading(trf("items.title", p.upTo())))
	if msg := cascadeMessage(p.q.s.answer(p.n).Level, cov); msg != "" && p.q.s.answer(p.n).Answered() {
		p.warn.SetText(msg)
		p.box.Add(p.warn)
	}
	names := p.fileNames()
	for _, it := range cov.Items {
		p.box.Add(p.itemRow(it, names))
	}
	p.box.Refresh()
	p.resetPicker(cov)
}

func (p *itemsPanel) fileNames() map[int64]string {
	out := map[int64]string{}
	for _, e := range p.q.s.evidenceOf(p.n) {
		out[e.ID] = e.OriginalName
	}
	return out
}

// itemRow is "I4-L1-02 · ada · sk-tim.pdf, notulen.pdf" with the item's
// text below.
func (p *itemsPanel) itemRow(it assessment.CoveredItem, names map[int64]string) fyne.CanvasObject {
	state := tr("items.missing")
	imp := widget.WarningImportance
	if it.Covered() {
		files := make([]string, 0, len(it.Files))
		for _, id := range it.Files {
			files = append(files, names[id])
		}
		state, imp = tr("items.have")+" · "+strings.Join(files, ", "), widget.SuccessImportance
	}
	head := wrapped(it.Code + " · " + state)
	head.TextStyle.Bold = true
	head.Importance = imp
	if it.Text.Missing() || strings.TrimSpace(it.Text.Text) == "" {
		return p.withAsesorNote(it.Code, head) // the code alone: the portal lists it the same way
	}
	text := wrapped(shorten(it.Text.Text, 200))
	text.SizeName = theme.SizeNameCaptionText
	return p.withAsesorNote(it.Code, container.NewVBox(head, text))
}

// itemOption is the picker's label of an item: its code and the start of
// its text.
func itemOption(it assessment.ItemOf) string {
	if it.Text.Missing() || strings.TrimSpace(it.Text.Text) == "" {
		return it.Code
	}
	return it.Code + " · " + shorten(it.Text.Text, 60)
}

// resetPicker offers the items up to the chosen level and ticks, by
// default, those of the chosen level that have no file yet — or, when the
// catalog lists none there, those of the lowest level with a gap.
func (p *itemsPanel) resetPicker(cov assessment.ItemCoverage) {
	level := p.upTo()
	if len(cov.MissingAt(level)) == 0 && cov.GapLevel > 0 && !levelHasItems(cov, level) {
		level = cov.GapLevel
	}
	var options, selected []string
	p.codeOf = map[string]string{}
	for _, it := range cov.Items {
		label := itemOption(it.ItemOf)
		p.codeOf[label] = it.Code
		options = append(options, label)
		if it.Level == level && !it.Covered() {
			selected = append(selected, label)
		}
	}
	p.picker.Options = options
	p.picker.Selected = selected
	p.picker.Refresh()
}

// levelHasItems reports whether the catalog lists items for level l.
func levelHasItems(cov assessment.ItemCoverage, l int) bool {
	for _, it := range cov.Items {
		if it.Level == l {
			return true
		}
	}
	return false
}

// picked are the item codes ticked in the picker, sorted.
func (p *itemsPanel) picked() []string {
	var out []string
	for _, label := range p.picker.Selected {
		if c, ok := p.codeOf[label]; ok {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// pickItems sets the picker's ticks (tests, and a keyboard user's choice).
func (p *itemsPanel) pickItems(codes []string) {
	var sel []string
	for label, c := range p.codeOf {
		if slices.Contains(codes, c) {
			sel = append(sel, label)
		}
	}
	p.picker.SetSelected(sel)
}

// highestLevel is the level a file supports when it is attached to items:
// the highest level among them, a synthetic item's included (0 = general
// when none).
func highestLevel(codes []string) int { return assessment.ItemsLevel(codes) }

// cascadeMessage is the warning of the portal's cascade for a claimed
// level: "Level 3 diklaim, tetapi I4-L1-02 belum ada bukti — portal akan
// menolak otomatis level 2 dan 3", or the plain missing-item warning when
// only the claimed level lacks an item; "" when nothing is missing.
func cascadeMessage(claimed int, cov assessment.ItemCoverage) string {
	code := cov.FirstGap()
	switch {
	case claimed < 1 || code == "":
		return ""
	case len(cov.AutoRejected) == 0:
		return trf("items.missingAt", claimed, code)
	}
	return trf("items.cascade", claimed, code, joinLevels(cov.AutoRejected))
}

// joinLevels writes levels as "2", "2 dan 3", "2, 3 dan 4".
func joinLevels(levels []int) string {
	s := make([]string, len(levels))
	for i, l := range levels {
		s[i] = strconv.Itoa(l)
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + tr("items.and") + s[len(s)-1]
}

// refreshItems redraws the items of the open indicator (after a level or
// an evidence change).
func (q *questionnaire) refreshItems(n int) {
	if q.pane != nil && q.pane.n == n && q.pane.items != nil {
		q.pane.items.render()
	}
}

// setEvidenceItems updates the session's copy of a file's items.
func (s *session) setEvidenceItems(id int64, items []string) {
	for i := range s.evidence {
		if s.evidence[i].ID == id {
			s.evidence[i].Items = items
		}
	}
}

// itemsLabel is the "· butir I4-L1-01, I4-L1-02" part of a file's detail.
func itemsLabel(ev assessment.Evidence) string {
	if len(ev.Items) == 0 {
		return ""
	}
	return " · " + trf("evidence.supportsItems", strings.Join(ev.Items, ", "))
}

// onEditItems lets the officer change which items an attached file
// supports: every item of the indicator, the file's own ticked.
func (e *evidenceList) onEditItems(ev assessment.Evidence) {
	in, _ := e.q.s.cat.Indicator(e.n)
	codeOf := map[string]string{}
	var options, selected []string
	for _, it := range assessment.IndicatorItems(in) {
		if assessment.IsSyntheticItem(it.Code) {
			continue // reached by the file's level, not a link to change here
		}
		label := itemOption(it)
		codeOf[label] = it.Code
		options = append(options, label)
		if slices.Contains(ev.Items, it.Code) {
			selected = append(selected, label)
		}
	}
	group := widget.NewCheckGroup(options, nil)
	group.Selected = selected
	body := container.NewVScroll(group)
	body.SetMinSize(fyne.NewSize(560, 320))
	d := dialog.NewCustomConfirm(trf("items.editTitle", ev.OriginalName), tr("items.save"), tr("common.cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		var codes []string
		for _, label := range group.Selected {
			codes = append(codes, codeOf[label])
		}
		slices.Sort(codes)
		e.q.saveEvidenceItems(ev, codes)
	}, e.q.u.win)
	e.itemsDlg, e.itemsGroup = d, group
	d.Show()
}

// saveEvidenceItems stores a file's items off the UI goroutine.
func (q *questionnaire) saveEvidenceItems(ev assessment.Evidence, codes []string) {
	st, cat, op := q.u.store, q.s.cat, q.u.profile.Operator
	q.u.saver.flush()
	q.u.jobs.submit(func(ctx context.Context) error {
		return st.SetEvidenceItems(ctx, cat, ev.ID, codes, op)
	}, func(err error) {
		if err != nil {
			q.u.showError(err)
			return
		}
		q.s.setEvidenceItems(ev.ID, codes)
		q.evidenceChanged(ev.Indicator)
	})
}

// linkItems links a just-added file to its items; it runs on the upload's
// worker goroutine right after the file is stored.
func linkItems(ctx context.Context, st assessment.Store, cat *assessment.Catalog, ev *assessment.Evidence, codes []string, op string) error {
	if len(codes) == 0 {
		return nil
	}
	if err := st.SetEvidenceItems(ctx, cat, ev.ID, codes, op); err != nil {
		return err
	}
	ev.Items = codes
	return nil
}

// missingItemsHint is the navigator's "(kurang I4-L1-02 +1) " in front of
// an answered indicator's name whose items up to the chosen level are not
// all supported; "" otherwise.
func (s *session) missingItemsHint(n int) string {
	an := s.answer(n)
	in, ok := s.cat.Indicator(n)
	if !ok || !an.Answered() || !assessment.HasItems(in) || assessment.ExternallyValued(in) {
		return ""
	}
	m := assessment.CoverItems(in, an.Level, s.evidenceOf(n)).Missing
	switch len(m) {
	case 0:
		return ""
	case 1:
		return trf("nav.missingItem", m[0]) + " "
	}
	return trf("nav.missingItems", m[0], len(m)-1) + " "
}

// lacksItems: the indicator is answered, its catalog lists items, and an
// item up to the chosen level has no file (what the portal calls "belum
// diunggah").
func (s *session) lacksItems(n int) bool {
	an := s.answer(n)
	in, ok := s.cat.Indicator(n)
	if !ok || !an.Answered() || !assessment.HasItems(in) || assessment.ExternallyValued(in) {
		return false
	}
	return len(assessment.CoverItems(in, an.Level, s.evidenceOf(n)).Missing) > 0
}

// setItems ties the evidence list to the item panel and renders the rows
// again with their item buttons.
func (e *evidenceList) setItems(p *itemsPanel) {
	e.items = p
	if p != nil && len(e.q.s.evidenceOf(e.n)) > 0 { // rows gain their item buttons
		e.render()
	}
}
