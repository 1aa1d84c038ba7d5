package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// newAssessment chooses the instrument (SPBE 2020, or Pemdi 2026 badged
// "sementara") and the periode of a new assessment.
type newAssessment struct {
	u          *UI
	instrument *widget.RadioGroup
	catalogs   map[string]*assessment.Catalog // radio option → catalog
	periode    *widget.Entry
	create     *widget.Button
	cancel     *widget.Button
	note       *widget.Label
	problem    *widget.Label
}

func newAssessmentForm(u *UI) *newAssessment {
	n := &newAssessment{u: u, catalogs: map[string]*assessment.Catalog{}}
	var options []string
	for _, e := range latestCatalogs(u.lib) {
		opt := catalogOption(e)
		options = append(options, opt)
		n.catalogs[opt] = e
	}
	n.note = wrapped("")
	n.note.Importance = widget.WarningImportance
	n.note.Hide()
	n.instrument = widget.NewRadioGroup(options, n.onInstrument)
	n.instrument.Required = true
	n.periode = widget.NewEntry()
	n.periode.SetText(strconv.Itoa(u.now().Year()))
	n.create = widget.NewButton(tr("new.create"), n.onCreate)
	n.create.Importance = widget.HighImportance
	n.cancel = widget.NewButton(tr("common.cancel"), u.showHome)
	n.problem = wrapped("")
	n.problem.Importance = widget.DangerImportance
	n.problem.Hide()
	n.instrument.SetSelected(defaultOption(options, n.catalogs))
	return n
}

// defaultOption is the first official instrument, else the first one.
func defaultOption(options []string, catalogs map[string]*assessment.Catalog) string {
	for _, o := range options {
		if !catalogs[o].Provisional() {
			return o
		}
	}
	if len(options) > 0 {
		return options[0]
	}
	return ""
}

// latestCatalogs is the newest version of each catalog in the library.
func latestCatalogs(lib *assessment.Library) []*assessment.Catalog {
	var out []*assessment.Catalog
	seen := map[string]bool{}
	for _, e := range lib.Entries() {
		if !seen[e.Catalog.ID] {
			seen[e.Catalog.ID] = true
			out = append(out, e.Catalog)
		}
	}
	return out
}

// catalogOption is "Title (PermenPANRB 59/2020, 47 indikator)" plus the
// provisional badge.
func catalogOption(c *assessment.Catalog) string {
	s := trf("new.option", c.Title, len(c.Indicators))
	if !strings.Contains(c.Title, c.LegalBasis.Short) {
		s = trf("new.optionBasis", c.Title, c.LegalBasis.Short, len(c.Indicators))
	}
	if c.Provisional() && !mentionsProvisional(c.Title) {
		s += " — " + tr("catalog.provisional")
	}
	return s
}

// mentionsProvisional: the title already says it is provisional.
func mentionsProvisional(title string) bool {
	t := strings.ToLower(title)
	return strings.Contains(t, "sementara") || strings.Contains(t, "provisional")
}

func (n *newAssessment) view() fyne.CanvasObject {
	form := container.NewVBox(
		heading(tr("new.title")),
		bold(tr("new.instrument")),
		n.instrument,
		n.note,
		bold(tr("new.periode")),
		wrapped(tr("new.periodeHint")),
		container.NewGridWrap(fyne.NewSize(160, n.periode.MinSize().Height), n.periode),
		n.problem,
		container.NewHBox(n.create, n.cancel),
	)
	return container.NewVScroll(container.NewPadded(centered(form, 900)))
}

func (n *newAssessment) leave() {}

func (n *newAssessment) onInstrument(opt string) {
	c := n.catalogs[opt]
	if c == nil || !c.Provisional() {
		n.note.Hide()
		return
	}
	n.note.SetText(tr("new.provisionalNote") + " " + c.StatusNote)
	n.note.Show()
}

func (n *newAssessment) onCreate() {
	c := n.catalogs[n.instrument.Selected]
	if c == nil {
		n.fail(tr("new.pickInstrument"))
		return
	}
	p, err := parsePeriode(n.periode.Text)
	if err != nil {
		n.fail(err.Error())
		return
	}
	n.create.Disable()
	st := n.u.store
	var a assessment.Assessment
	n.u.jobs.submit(func(ctx context.Context) error {
		a, err = st.CreateAssessment(ctx, c, p)
		return err
	}, func(err error) {
		n.create.Enable()
		if err != nil {
			n.fail(err.Error())
			return
		}
		n.u.openAssessment(a.ID)
	})
}

func (n *newAssessment) fail(msg string) {
	n.problem.SetText(msg)
	n.problem.Show()
}
