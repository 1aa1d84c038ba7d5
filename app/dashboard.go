package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// dashboard shows progress, the live index and predicate (labelled
// "sementara" until complete), bars per aspect and per domain, and the
// "Sebelum ekspor" checklist whose items jump to the indicator concerned.
type dashboard struct {
	q         *questionnaire
	answered  *widget.Label
	bar       *widget.ProgressBar
	missing   *widget.Label
	index     *widget.Label
	predicate *widget.Label
	range_    *widget.Label
	aspects   *barChart
	domains   *barChart
	checklist *fyne.Container
	exportBtn *widget.Button
	portalBtn *widget.Button // Paket unggah portal… (portal.go); nil without the hook
	content   fyne.CanvasObject
}

func newDashboard(q *questionnaire) *dashboard {
	d := &dashboard{q: q, answered: widget.NewLabel(""), bar: widget.NewProgressBar(), checklist: container.NewVBox()}
	d.missing = wrapped("")
	d.index = widget.NewLabel("")
	d.index.TextStyle.Bold = true
	d.index.SizeName = theme.SizeNameHeadingText
	d.predicate = wrapped("")
	d.predicate.TextStyle.Bold = true
	d.range_ = wrapped("")
	d.aspects = newBarChart(nil)
	d.domains = newBarChart(nil)
	d.aspects.align, d.domains.align = d.domains, d.aspects
	d.bar.TextFormatter = func() string { return fmt.Sprintf("%.0f %%", d.bar.Value*100) }
	if q.u.opdExport() != nil {
		d.exportBtn = widget.NewButtonWithIcon(tr("export.button"), theme.UploadIcon(), q.onExport)
		d.exportBtn.Importance = widget.HighImportance
	}
	d.portalBtn = newPortalButton(q)
	d.content = d.build()
	return d
}

func (d *dashboard) build() fyne.CanvasObject {
	summary := container.NewVBox(
		heading(tr("dash.progress")), d.answered, d.bar, d.missing,
		widget.NewSeparator(),
		heading(tr("dash.index")), d.index, d.predicate, d.range_,
		widget.NewSeparator(),
		heading(tr("dash.aspects")), d.aspects,
	)
	if len(d.q.s.cat.Domains) > 0 {
		summary.Add(widget.NewSeparator())
		summary.Add(heading(tr("dash.domains")))
		summary.Add(d.domains)
	}
	right := container.NewVBox(heading(tr("dash.checklist")), wrapped(tr("dash.checklistHint")), d.checklist)
	var rightPane fyne.CanvasObject = container.NewVScroll(container.NewPadded(right))
	if btns := d.footButtons(); len(btns) > 0 {
		// Pinned under the checklist, outside its scroll: however long
		// the list of open indicators, Ekspor is on the first screen.
		foot := container.NewVBox(widget.NewSeparator(), container.NewPadded(container.NewHBox(btns...)))
		rightPane = border(nil, foot, nil, nil, rightPane)
	}
	left := container.NewVScroll(container.NewPadded(summary))
	split := container.NewHSplit(left, rightPane)
	split.Offset = 0.55
	return split
}

func (d *dashboard) view() fyne.CanvasObject { return d.content }

// refresh recomputes everything from the session.
func (d *dashboard) refresh() {
	s := d.q.s
	p := s.progress()
	sc := s.score()
	d.answered.SetText(trf("dash.answered", p.answered, p.total))
	if p.total > 0 {
		d.bar.SetValue(float64(p.answered) / float64(p.total))
	}
	d.missing.SetText(trf("dash.missing", p.noJustification, p.noEvid))
	d.refreshIndex(sc)
	d.aspects.setBars(aspectBars(s.cat, sc))
	d.domains.setBars(domainBars(s.cat, sc))
	d.refreshChecklist()
}

func (d *dashboard) refreshIndex(sc assessment.Score) {
	if sc.Index == nil {
		d.index.SetText("–")
		d.predicate.SetText(tr("dash.noIndex"))
		d.range_.SetText("")
		return
	}
	d.index.SetText(assessment.FormatDecimal(sc.Index))
	pred := sc.Predicate
	if !sc.Complete {
		pred += " — " + tr("dash.provisional")
		d.predicate.Importance = widget.WarningImportance
	} else {
		d.predicate.Importance = widget.SuccessImportance
	}
	d.predicate.SetText(pred)
	d.range_.SetText(trf("dash.range", assessment.FormatDecimal(sc.Lowest), assessment.FormatDecimal(sc.Highest)))
	if sc.Complete {
		d.range_.SetText(trf("dash.final", assessment.FormatDecimal(sc.Index)))
	}
}

func aspectBars(c *assessment.Catalog, sc assessment.Score) []bar {
	var out []bar
	for _, a := range sortedAspects(c) {
		out = append(out, bar{label: strconv.Itoa(a.Number) + ". " + a.Name, value: sc.Aspects[a.Number]})
	}
	return out
}

func domainBars(c *assessment.Catalog, sc assessment.Score) []bar {
	var out []bar
	for _, dm := range c.Domains {
		out = append(out, bar{label: strconv.Itoa(dm.Number) + ". " + dm.Name, value: sc.Domains[dm.Number]})
	}
	return out
}

// refreshChecklist lists each rule with ✓ or the indicators breaking it,
// each a button that opens that indicator.
func (d *dashboard) refreshChecklist() {
	d.checklist.RemoveAll()
	for _, c := range d.q.s.checklist() {
		d.checklist.Add(d.checkItem(c))
	}
	d.checklist.Refresh()
}

// checkShown is how many indicators a failed rule lists before "show all".
const checkShown = 5

func (d *dashboard) checkItem(c check) fyne.CanvasObject {
	if len(c.indicators) == 0 {
		ok := wrapped(tr(c.key))
		ok.Importance = widget.SuccessImportance
		return container.NewBorder(nil, nil, widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon())), nil, ok)
	}
	title := wrapped(trf(c.key+"Fail", len(c.indicators)))
	title.Importance = widget.WarningImportance
	head := container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, title)
	items := container.NewVBox(head)
	links := container.NewVBox()
	shown := checkShown
	if len(c.indicators) <= checkShown+2 {
		shown = len(c.indicators) // "show 1 more" would be silly
	}
	d.addLinks(links, c, shown)
	items.Add(links)
	if rest := len(c.indicators) - shown; rest > 0 {
		var more *widget.Button
		more = widget.NewButton(trf("dash.showAll", rest), func() {
			links.RemoveAll()
			d.addLinks(links, c, len(c.indicators))
			more.Hide()
		})
		items.Add(container.NewHBox(more))
	}
	return items
}

// addLinks lists up to max indicators of a failed rule as links that open
// them, each with the rule's detail (the missing items) when it has one.
func (d *dashboard) addLinks(box *fyne.Container, c check, max int) {
	for i, n := range c.indicators {
		if i == max {
			break
		}
		in, _ := d.q.s.cat.Indicator(n)
		num := n
		text := strconv.Itoa(n) + ". " + in.Name
		if detail := c.details[n]; detail != "" {
			text += " — " + detail
		}
		link := widget.NewHyperlink(text, nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { d.q.goTo(num) }
		box.Add(link)
	}
}
