package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// indicatorPane shows one indicator: number, name, question, guidance
// (collapsible), the five levels, the justification, the evidence, the
// history, and previous/next.
type indicatorPane struct {
	q      *questionnaire
	n      int
	in     assessment.Indicator
	status *widget.Label
	// statusRow holds the status beside the weight; laid out again when
	// the status text changes, or a longer one is cut at the window edge.
	statusRow *fyne.Container
	levels    *levelCards
	just      *justificationEditor
	evidence  *evidenceList
	history   *historyView
	prev      *widget.Button
	next      *widget.Button
	scroll    *container.Scroll
	// note holds the assessor's note on this indicator ("Catatan
	// asesor"), empty and hidden when there is none.
	note *fyne.Container
	// items lists the evidence items (nil for catalogs without them);
	// external replaces the levels of an externally valued indicator.
	items    *itemsPanel
	external *externalPanel
}

func newIndicatorPane(q *questionnaire, n int) *indicatorPane {
	p := &indicatorPane{q: q, n: n}
	p.in, _ = q.s.cat.Indicator(n)
	p.status = widget.NewLabel("")
	p.status.TextStyle.Bold = true
	p.levels = newLevelCards(q.s.cat, p.in, q.s.answer(n).Level, &q.u.levelsShowAll, q.pickLevel)
	p.just = newJustificationEditor(q, n)
	p.levels.onCollapse = p.onCollapse
	p.levels.applyCompact()
	p.evidence = newEvidenceList(q, n)
	p.items, p.external = newItemsPanel(q, n, p.in), newExternalPanel(q, n, p.in)
	p.evidence.setItems(p.items)
	p.history = newHistoryView(q, n)
	p.prev = widget.NewButtonWithIcon(tr("q.prev"), theme.NavigateBackIcon(), func() { q.step(-1) })
	p.next = widget.NewButtonWithIcon(tr("q.next"), theme.NavigateNextIcon(), func() { q.step(1) })
	p.next.IconPlacement = widget.ButtonIconTrailingText
	if _, ok := q.s.neighbour(n, -1); !ok {
		p.prev.Disable()
	}
	if _, ok := q.s.neighbour(n, 1); !ok {
		p.next.Disable()
	}
	p.note = container.NewVBox()
	p.refreshStatus()
	p.showNote()
	p.history.load()
	return p
}

// onCollapse hides the justification's hint with the level cards
// collapsed, and lays the page out again.
func (p *indicatorPane) onCollapse(collapsed bool) {
	if collapsed {
		p.just.hint.Hide()
	} else {
		p.just.hint.Show()
	}
	if p.scroll != nil {
		p.scroll.Refresh()
	}
}

// showNote shows the assessor's note from the navigator's notes (loaded
// when the assessment opened).
func (p *indicatorPane) showNote() {
	p.note.RemoveAll()
	n, ok := p.q.nav.note(p.n)
	if !ok {
		p.note.Hide()
		return
	}
	p.note.Add(notesPanel(p.q.nav.notes, n))
	p.note.Show()
	p.showItemNotes(n)
	if p.scroll != nil {
		p.scroll.Refresh() // the notes arrive after the page was laid out: make room
	}
}

func (p *indicatorPane) view() fyne.CanvasObject {
	body := container.NewVBox(
		p.header(),
		p.note,
		widget.NewSeparator(),
		bold(tr("ind.question")),
		instrumentText(p.in.Question),
		p.guidance(),
		p.catalogNotes(), // the sources' conflicts (indicator_notes.go)
		widget.NewSeparator(),
		p.levelSection(),
		widget.NewSeparator(),
		p.just.view(),
		p.copyRow(), // Salin (portal.go)
		widget.NewSeparator(),
		p.evidence.view(),
		widget.NewSeparator(),
		p.history.view(),
	)
	p.scroll = newInViewPage(container.NewPadded(body), p.levels.inViews).scroll
	p.just.page = p.scroll
	hint := widget.NewLabel(tr("q.navHint"))
	hint.SizeName = theme.SizeNameCaptionText
	hint.Alignment = fyne.TextAlignCenter
	hint.Truncation = fyne.TextTruncateEllipsis
	nav := border(nil, nil, p.prev, p.next, hint)
	return border(nil, nav, nil, nil, p.scroll)
}

// header: "Indikator 3 dari 47 · Domain … · Aspek …", the name, the status.
func (p *indicatorPane) header() fyne.CanvasObject {
	c := p.q.s.cat
	pos := 0
	for i, m := range p.q.s.order {
		if m == p.n {
			pos = i + 1
		}
	}
	where := trf("ind.position", pos, len(p.q.s.order))
	if a, ok := c.Aspect(p.in.Aspect); ok {
		if d, ok := c.Domain(a.Domain); ok {
			where += " · " + trf("nav.domain", d.Number, d.Name)
		}
		where += " · " + trf("nav.aspect", a.Number, a.Name)
	}
	crumb := wrapped(where)
	name := heading(trf("ind.title", p.n, p.in.Name))
	name.Wrapping = fyne.TextWrapWord
	meta := wrapped(trf("ind.weight", commaDecimal(p.in.Weight.String()), scaleName(c, p.in)))
	p.statusRow = border(nil, nil, nil, p.status, meta)
	return container.NewVBox(crumb, name, p.statusRow)
}

func scaleName(c *assessment.Catalog, in assessment.Indicator) string {
	if s, ok := c.Scale(in.Scale); ok {
		return s.Name
	}
	return in.Scale
}

// guidance is the collapsible explanation from the Pedoman Teknis.
func (p *indicatorPane) guidance() fyne.CanvasObject {
	box := container.NewVBox(
		bold(tr("ind.guidance")), instrumentText(p.in.Guidance),
		bold(tr("ind.assessmentNote")), instrumentText(p.in.AssessmentNote),
		bold(tr("ind.evidenceGeneral")), instrumentText(p.in.EvidenceGeneral),
	)
	acc := widget.NewAccordion(widget.NewAccordionItem(tr("ind.guidanceTitle"), box))
	return acc
}

func (p *indicatorPane) refreshStatus() {
	st := p.q.s.status(p.n)
	p.status.SetText(st.label())
	switch st {
	case statusDone:
		p.status.Importance = widget.SuccessImportance
	case statusEmpty:
	default:
		p.status.Importance = widget.WarningImportance
	}
	p.status.Refresh()
	if p.statusRow != nil {
		p.statusRow.Refresh() // the status's width changes ("Belum diisi" → "Bukti kurang")
	}
}
