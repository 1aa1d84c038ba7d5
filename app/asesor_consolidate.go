package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// indexTextSize is the instansi index at the top of the consolidation:
// the one number the assessor team reports.
const indexTextSize = 40

// consolidateColumn is one column of the consolidation table.
type consolidateColumn struct {
	key   string // translation key of the header
	width float32
	text  func(c *asesorConsolidate, row assessment.ConsolidationRow) string
}

var consolidateColumns = []consolidateColumn{
	{"asesor.consolidate.colNo", 44, func(_ *asesorConsolidate, r assessment.ConsolidationRow) string {
		return strconv.Itoa(r.Indicator)
	}},
	{"asesor.consolidate.colName", 210, func(c *asesorConsolidate, r assessment.ConsolidationRow) string {
		return c.indicatorName(r.Indicator)
	}},
	{"asesor.consolidate.colValue", 56, func(_ *asesorConsolidate, r assessment.ConsolidationRow) string {
		return valueText(r.Value)
	}},
	{"asesor.consolidate.colSource", 100, func(_ *asesorConsolidate, r assessment.ConsolidationRow) string {
		return sourceText(r.Source)
	}},
	{"asesor.consolidate.colFrom", 106, func(_ *asesorConsolidate, r assessment.ConsolidationRow) string {
		return cmp.Or(r.FromOPD, "–")
	}},
	{"asesor.consolidate.colCandidates", 245, func(_ *asesorConsolidate, r assessment.ConsolidationRow) string {
		return candidatesText(r.Candidates)
	}},
}

// opdName is one OPD of the periode (from the recap).
type opdName struct{ kode, nama string }

// asesorConsolidate is the instansi's assessment of one periode: the
// index at the top, the indicators with their instansi value and the
// OPD candidates, and per indicator the settled value and who answers it.
type asesorConsolidate struct {
	u        *UI
	recap    []assessment.RecapRow
	periodes []int
	periode  int // 0 = none loaded
	cv       assessment.ConsolidationView
	cat      *assessment.Catalog
	opds     []opdName // the OPDs of the periode, by code
	sel      int       // selected indicator number, 0 = none

	pick      *widget.Select
	state     *widget.Label
	index     *canvas.Text
	predicate *widget.Label
	complete  *widget.Label
	catalog   *widget.Label
	excluded  *widget.Label // OPDs whose revoked key keeps them out
	table     *widget.Table
	exportBtn []*widget.Button
	top       *fyne.Container // laid out again when the score or state changes
	hint      *widget.Label   // where the detail shows before a row is chosen

	detail *consolidateDetail

	// the open passphrase dialog, the no-key notice and the last file
	// written (tests)
	passDlg  *dialog.FormDialog
	pass     *widget.Entry
	noKeyDlg dialog.Dialog
	exported string
}

func newAsesorConsolidate(u *UI) *asesorConsolidate {
	c := &asesorConsolidate{u: u, state: wrapped(tr("asesor.consolidate.loading"))}
	c.pick = widget.NewSelect(nil, c.onPick)
	c.pick.PlaceHolder = tr("asesor.consolidate.pickPeriode")
	c.index = canvas.NewText("–", theme.Color(theme.ColorNameForeground))
	c.index.TextSize = indexTextSize
	c.index.TextStyle.Bold = true
	c.predicate = heading("")
	c.complete = badge("", widget.MediumImportance)
	c.catalog = widget.NewLabel("")
	c.excluded = wrapped("")
	c.excluded.Importance = widget.DangerImportance
	c.excluded.Hide()
	c.hint = wrapped(tr("asesor.consolidate.pickIndicator"))
	c.hint.Importance = widget.LowImportance
	c.table = c.newTable()
	for _, f := range []struct {
		key    string
		format assessment.ExportFormat
	}{{"asesor.consolidate.exportXLSX", assessment.ExportXLSX}, {"asesor.consolidate.exportCSV", assessment.ExportCSV},
		{"asesor.consolidate.exportJSON", assessment.ExportJSON}, {"asesor.consolidate.exportPDF", assessment.ExportPDF}} {
		b := widget.NewButton(tr(f.key), func() { c.onExport(f.format) })
		b.Disable()
		c.exportBtn = append(c.exportBtn, b)
	}
	c.addPortalButton() // asesor_portal.go
	c.detail = newConsolidateDetail(c)
	c.load()
	return c
}

func (c *asesorConsolidate) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(c.cv.Rows), len(consolidateColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(c.cv.Rows) || id.Col < 0 || id.Col >= len(consolidateColumns) {
				return
			}
			o.(*widget.Label).SetText(consolidateColumns[id.Col].text(c, c.cv.Rows[id.Row]))
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(consolidateColumns) {
			o.(*widget.Label).SetText(tr(consolidateColumns[id.Col].key))
		}
	}
	for i, col := range consolidateColumns {
		t.SetColumnWidth(i, col.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(c.cv.Rows) {
			c.selectIndicator(c.cv.Rows[id.Row].Indicator)
		}
	}
	return t
}

func (c *asesorConsolidate) view() fyne.CanvasObject {
	periode := container.NewHBox(widget.NewLabel(tr("asesor.consolidate.periode")), fixedWidth(c.pick, 130))
	exports := container.NewHBox()
	for _, b := range c.exportBtn {
		exports.Add(b)
	}
	score := container.NewHBox(container.NewVBox(widget.NewLabel(tr("asesor.consolidate.indexCaption")), c.index),
		widget.NewSeparator(), container.NewVBox(layout.NewSpacer(), c.predicate, container.NewHBox(c.complete, c.catalog)))
	c.top = container.NewVBox(asesorNav(c.u, "asesor.navConsolidate"),
		container.NewBorder(nil, nil, periode, exports, c.state), score, c.excluded, widget.NewSeparator())
	top := c.top
	right := container.NewStack(container.NewPadded(c.hint), container.NewVScroll(c.detail.box))
	split := container.NewHSplit(c.table, right)
	split.Offset = 0.66 // the table needs the width; the detail panel wraps
	return container.NewPadded(border(top, nil, nil, nil, split))
}

func (c *asesorConsolidate) leave() {}

// load reads the recap for the periodes (and each periode's OPDs) off the
// UI goroutine, then opens the newest periode.
func (c *asesorConsolidate) load() {
	w := c.u.asesor
	if w == nil {
		return
	}
	load(c.u, c.state, w.Recap, func(rows []assessment.RecapRow) {
		c.recap = rows
		c.periodes = nil
		for _, r := range rows {
			if !slices.Contains(c.periodes, r.Periode) {
				c.periodes = append(c.periodes, r.Periode)
			}
		}
		slices.SortFunc(c.periodes, func(a, b int) int { return cmp.Compare(b, a) })
		opts := make([]string, len(c.periodes))
		for i, p := range c.periodes {
			opts[i] = strconv.Itoa(p)
		}
		c.pick.SetOptions(opts)
		if len(opts) == 0 {
			c.setState(tr("asesor.consolidate.empty"))
			return
		}
		c.pick.SetSelectedIndex(0)
	})
}

func (c *asesorConsolidate) onPick(string) {
	i := c.pick.SelectedIndex()
	if i < 0 || i >= len(c.periodes) {
		return
	}
	c.periode, c.sel = c.periodes[i], 0
	c.opds = periodeOPDs(c.recap, c.periode)
	// nothing of the previous periode stays on screen, also when this
	// one cannot be consolidated
	c.cv, c.cat = assessment.ConsolidationView{Periode: c.periode}, nil
	c.table.UnselectAll()
	c.table.Refresh()
	c.showDetail(false)
	c.index.Text = "–"
	c.index.Refresh()
	c.predicate.SetText("")
	c.complete.SetText("")
	c.catalog.SetText("")
	for _, b := range c.exportBtn {
		b.Disable()
	}
	c.reload(nil)
}

// periodeOPDs lists the OPDs with an accepted bundle in periode.
func periodeOPDs(rows []assessment.RecapRow, periode int) []opdName {
	var out []opdName
	for _, r := range rows {
		if r.Periode == periode {
			out = append(out, opdName{r.OPDKode, r.OPDNama})
		}
	}
	slices.SortFunc(out, func(a, b opdName) int { return strings.Compare(a.kode, b.kode) })
	return out
}

// reload computes the consolidation off the UI goroutine and keeps the
// selected indicator; after (may be nil) runs once the new values are
// on screen.
func (c *asesorConsolidate) reload(after func()) {
	w, periode := c.u.asesor, c.periode
	c.setState(tr("asesor.consolidate.loading"))
	var (
		cv  assessment.ConsolidationView
		cat *assessment.Catalog
	)
	c.u.jobs.submit(func(ctx context.Context) error {
		var err error
		cv, cat, err = w.Consolidation(ctx, periode)
		return err
	}, func(err error) {
		if periode != c.periode { // the assessor picked another periode meanwhile
			return
		}
		if err != nil {
			c.setState(err.Error())
			c.u.showError(err)
			return
		}
		c.cv, c.cat = cv, cat
		c.showScore()
		c.table.Refresh()
		for _, b := range c.exportBtn {
			b.Enable()
		}
		c.setState(trf("asesor.consolidate.count", len(c.opds), len(c.cv.Rows)))
		c.reselect()
		if after != nil {
			after()
		}
	})
}

// setState writes the line under the periode and lays the top out again
// (the text may wrap, the score beside it changes width).
func (c *asesorConsolidate) setState(text string) {
	c.state.SetText(text)
	if c.top != nil {
		c.top.Refresh()
	}
}

// reselect selects the indicator selected before a reload again.
func (c *asesorConsolidate) reselect() {
	if c.sel == 0 {
		return
	}
	for i, r := range c.cv.Rows {
		if r.Indicator == c.sel {
			c.table.Select(widget.TableCellID{Row: i, Col: 0})
			c.selectIndicator(c.sel) // Select does nothing when already selected
			return
		}
	}
	c.sel = 0
	c.showDetail(false)
}

// showScore writes the index, predicate, completeness and catalog.
func (c *asesorConsolidate) showScore() {
	s := c.cv.Score
	c.index.Text = assessment.FormatDecimal(s.Index)
	c.index.Color = theme.Color(theme.ColorNameForeground)
	c.index.Refresh()
	c.predicate.SetText(cmp.Or(s.Predicate, tr("asesor.consolidate.noPredicate")))
	if s.Complete {
		c.complete.SetText(trf("asesor.consolidate.complete", s.Answered, s.Total))
		c.complete.Importance = widget.SuccessImportance
	} else {
		c.complete.SetText(trf("asesor.consolidate.provisional", s.Answered, s.Total))
		c.complete.Importance = widget.WarningImportance
	}
	c.complete.Refresh()
	c.catalog.SetText(trf("asesor.consolidate.catalog", c.cv.CatalogID, c.cv.CatalogVersion))
	if ex := c.cv.ExcludedRevoked; len(ex) > 0 {
		c.excluded.SetText(trf("asesor.consolidate.excludedRevoked", strings.Join(ex, ", ")))
		c.excluded.Show()
	} else {
		c.excluded.Hide()
	}
	if c.top != nil {
		c.top.Refresh()
	}
}

func (c *asesorConsolidate) row(n int) (assessment.ConsolidationRow, bool) {
	for _, r := range c.cv.Rows {
		if r.Indicator == n {
			return r, true
		}
	}
	return assessment.ConsolidationRow{}, false
}

// indicatorName is the short name in the table (the detail panel gives
// the full one).
func (c *asesorConsolidate) indicatorName(n int) string {
	if c.cat == nil {
		return ""
	}
	in, ok := c.cat.Indicator(n)
	if !ok {
		return ""
	}
	return navName(in.Name)
}

func (c *asesorConsolidate) selectIndicator(n int) {
	r, ok := c.row(n)
	if !ok {
		return
	}
	c.sel = n
	c.detail.show(r)
	c.showDetail(true)
}

// showDetail shows the detail panel, or the hint to choose a row.
func (c *asesorConsolidate) showDetail(on bool) {
	if on {
		c.hint.Hide()
		c.detail.box.Show()
	} else {
		c.detail.box.Hide()
		c.hint.Show()
	}
}

// canonicalValue checks a value typed by the assessor (plain decimal,
// 1 to 5) and writes it the one way it is stored (assessment.CanonicalValue).
func canonicalValue(s string) (string, bool) {
	c, err := assessment.CanonicalValue(s)
	return c, err == nil
}

// valueText writes a stored value ("2.5") the Indonesian way ("2,5").
func valueText(v string) string {
	if v == "" {
		return "–"
	}
	return commaDecimal(v)
}

func sourceText(s string) string {
	switch s {
	case assessment.SourceSettled:
		return tr("asesor.consolidate.sourceSettled")
	case assessment.SourceProposal:
		return tr("asesor.consolidate.sourceProposal")
	}
	return "–"
}

// candidateText is "DINKES: tingkat 3 · diterima · 3".
func candidateText(k assessment.ConsolidationCandidate) string {
	level := tr("asesor.consolidate.notAnswered")
	if k.Level > 0 {
		level = trf("review.levelShort", k.Level)
	}
	status := tr("review.notReviewed")
	if k.ReviewStatus != "" {
		status = tr(statusKey(k.ReviewStatus))
	}
	return fmt.Sprintf("%s: %s · %s · %s", k.OPDKode, level, status, valueText(k.Value))
}

// candidatesText is the table's compact form: "DINKES 3→3, DISDIK 2→–".
func candidatesText(cs []assessment.ConsolidationCandidate) string {
	if len(cs) == 0 {
		return "–"
	}
	parts := make([]string, len(cs))
	for i, k := range cs {
		level := "–"
		if k.Level > 0 {
			level = strconv.Itoa(k.Level)
		}
		parts[i] = fmt.Sprintf("%s %s→%s", k.OPDKode, level, valueText(k.Value))
	}
	return strings.Join(parts, ", ")
}

// onExport asks for the destination folder (and for a PDF the
// passphrase of the assessor's signing key), then exports.
func (c *asesorConsolidate) onExport(format assessment.ExportFormat) {
	if c.periode == 0 {
		return
	}
	if format == assessment.ExportPDF {
		c.exportSigned()
		return
	}
	c.u.paths.PickFolder(c.u.win, func(dir string, ok bool) {
		if ok {
			c.runExport(format, dir, nil)
		}
	})
}

// exportSigned checks, off the UI goroutine, that the assessor's key
// exists before asking anything: the PDF export signs with it but never
// creates it (the first feedback export does, with the passphrase asked
// twice). Without a key the assessor is told how to make one.
func (c *asesorConsolidate) exportSigned() {
	loadAsesorKey(c.u, func(key assessment.AsesorKeyInfo, exists bool) {
		if !exists {
			c.noKeyDlg = dialog.NewInformation(tr("asesor.consolidate.noKeyTitle"), tr("asesor.consolidate.noKey"), c.u.win)
			c.noKeyDlg.Show()
			return
		}
		c.u.paths.PickFolder(c.u.win, func(dir string, ok bool) {
			if ok {
				c.askPassphrase(dir, key)
			}
		})
	})
}

func (c *asesorConsolidate) askPassphrase(dir string, key assessment.AsesorKeyInfo) {
	c.pass = widget.NewPasswordEntry()
	c.pass.Validator = func(s string) error {
		if s == "" {
			return errors.New(tr("asesor.consolidate.needPassphrase"))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem("", wrapped(trf("asesor.consolidate.passphraseHint", groupFingerprint(key.Fingerprint)))),
		widget.NewFormItem(tr("asesor.consolidate.passphrase"), c.pass),
	}
	pass := c.pass
	c.passDlg = dialog.NewForm(tr("asesor.consolidate.exportPDF"), tr("asesor.consolidate.exportConfirm"), tr("common.cancel"),
		items, func(ok bool) {
			if ok && pass.Text != "" {
				c.runExport(assessment.ExportPDF, dir, []byte(pass.Text))
			}
		}, c.u.win)
	c.passDlg.Resize(fyne.NewSize(560, 260))
	c.passDlg.Show()
	c.u.win.Canvas().Focus(c.pass)
}

// runExport writes the export off the UI goroutine behind a busy dialog
// (it can be cancelled) and names the file written.
func (c *asesorConsolidate) runExport(format assessment.ExportFormat, dir string, passphrase []byte) {
	u, w, periode := c.u, c.u.asesor, c.periode
	act := widget.NewActivity()
	act.Start()
	busy := showProgress(u.win, tr("asesor.consolidate.exportTitle"),
		container.NewVBox(act, wrapped(trf("asesor.consolidate.exporting", strings.ToUpper(string(format)), dir))))
	ctx := busy.ctx
	var path string
	u.jobs.submit(func(context.Context) error {
		var err error
		path, err = w.ExportConsolidation(ctx, periode, format, dir, passphrase)
		return err
	}, func(err error) {
		// The assessor pressed Batal: whatever came of it is not news
		// any more, a failure (most likely the cancellation) as much as
		// a file written before the export saw the cancellation.
		cancelled := busy.end()
		act.Stop()
		if cancelled && (err != nil || path == "") {
			return // Batal: nothing was written
		}
		// Batal pressed after the file was already written: say so rather
		// than leave a file on the stick the assessor thinks is not there.
		if err != nil {
			u.showError(err)
			return
		}
		c.exported = path
		dialog.ShowInformation(tr("asesor.consolidate.exportTitle"), trf("asesor.consolidate.exported", path), u.win)
	})
}

// consolidateDetail is the panel of the selected indicator: its instansi
// value with the trail, the candidates, the settle form and the OPDs
// responsible for it.
type consolidateDetail struct {
	c   *asesorConsolidate
	row assessment.ConsolidationRow
	box *fyne.Container

	title     *widget.Label
	current   *widget.Label
	trail     *widget.Label
	evidence  *fyne.Container
	cands     *fyne.Container
	value     *widget.Entry
	from      *widget.Select
	fromIDs   []string // the bundle of each option of from ("" = none)
	note      *widget.Entry
	settleBtn *widget.Button
	clearBtn  *widget.Button
	msg       *widget.Label

	resp     *widget.CheckGroup
	respKode map[string]string // option label → OPD code
	respNow  *widget.Label
	respBtn  *widget.Button
	respMsg  *widget.Label
}

func newConsolidateDetail(c *asesorConsolidate) *consolidateDetail {
	d := &consolidateDetail{c: c, title: heading(""), current: bold(""), trail: wrapped(""),
		evidence: container.NewVBox(), cands: container.NewVBox(), msg: wrapped(""), respNow: wrapped(""), respMsg: wrapped("")}
	d.title.Wrapping = fyne.TextWrapWord
	d.value = widget.NewEntry()
	d.value.SetPlaceHolder(tr("asesor.consolidate.valueHint"))
	d.from = widget.NewSelect(nil, nil)
	d.note = widget.NewMultiLineEntry()
	d.note.Wrapping = fyne.TextWrapWord
	d.note.SetMinRowsVisible(2)
	d.settleBtn = widget.NewButton(tr("asesor.consolidate.settle"), d.onSettle)
	d.settleBtn.Importance = widget.HighImportance
	d.clearBtn = widget.NewButton(tr("asesor.consolidate.clear"), d.onClear)
	d.resp = widget.NewCheckGroup(nil, nil)
	d.respBtn = widget.NewButton(tr("asesor.consolidate.saveResp"), d.onResponsible)
	form := widget.NewForm(
		widget.NewFormItem(tr("asesor.consolidate.value"), d.value),
		widget.NewFormItem(tr("asesor.consolidate.from"), d.from),
		widget.NewFormItem(tr("asesor.consolidate.note"), d.note),
	)
	d.box = container.NewVBox(d.title, d.current, d.trail, d.evidence, widget.NewSeparator(),
		bold(tr("asesor.consolidate.candidates")), d.cands, widget.NewSeparator(),
		bold(tr("asesor.consolidate.settleTitle")), form, container.NewHBox(d.settleBtn, d.clearBtn), d.msg,
		widget.NewSeparator(), bold(tr("asesor.consolidate.respTitle")), wrapped(tr("asesor.consolidate.respHint")),
		d.resp, d.respNow, container.NewHBox(d.respBtn), d.respMsg)
	d.box.Hide()
	return d
}

// show fills the panel with row and the editors with its current state.
func (d *consolidateDetail) show(r assessment.ConsolidationRow) {
	d.row = r
	name := ""
	if d.c.cat != nil {
		in, _ := d.c.cat.Indicator(r.Indicator)
		name = in.Name
	}
	d.title.SetText(trf("asesor.consolidate.indicator", r.Indicator, name))
	d.showValue(r)
	d.cands.RemoveAll()
	if len(r.Candidates) == 0 {
		d.cands.Add(wrapped(tr("asesor.consolidate.noCandidates")))
	}
	for _, k := range r.Candidates {
		d.cands.Add(wrapped(candidateText(k)))
	}
	d.fillForm(r)
	d.fillResponsible(r)
	d.say(d.msg, widget.SuccessImportance, "")
	d.say(d.respMsg, widget.SuccessImportance, "")
}

// showValue writes the instansi value and where it came from.
func (d *consolidateDetail) showValue(r assessment.ConsolidationRow) {
	switch r.Source {
	case "":
		d.current.SetText(tr("asesor.consolidate.noValue"))
		d.current.Importance = widget.WarningImportance
	default:
		d.current.SetText(trf("asesor.consolidate.current", valueText(r.Value), sourceText(r.Source), cmp.Or(r.FromOPD, "–")))
		d.current.Importance = widget.MediumImportance
	}
	d.current.Refresh()
	switch r.Source {
	case assessment.SourceSettled:
		t := trf("asesor.consolidate.settledBy", cmp.Or(r.SetBy, "–"), formatTime(r.SetAt))
		if r.Note != "" {
			t += "\n" + trf("asesor.consolidate.noteShown", r.Note)
		}
		d.trail.SetText(t)
	case assessment.SourceProposal:
		d.trail.SetText(tr("asesor.consolidate.proposalWhy"))
	default:
		d.trail.SetText(tr("asesor.consolidate.noValueWhy"))
	}
	d.evidence.RemoveAll()
	for _, e := range r.Evidence {
		l := wrapped(trf("review.evidenceItem", e.Name, e.Level))
		open := widget.NewButton(tr("review.openEvidence"), func() { openBlobInViewer(d.c.u, e.SHA256, e.Name) })
		d.evidence.Add(container.NewBorder(nil, nil, nil, open, l))
	}
}

// fillForm prefills the settle form with the current value, so that
// settling the proposal as it is takes one click.
func (d *consolidateDetail) fillForm(r assessment.ConsolidationRow) {
	opts := []string{tr("asesor.consolidate.fromNone")}
	d.fromIDs = []string{""}
	chosen := 0
	for _, k := range r.Candidates {
		if k.BundleID == "" {
			continue
		}
		if k.BundleID == r.FromBundle {
			chosen = len(opts)
		}
		opts = append(opts, fmt.Sprintf("%s (%s)", k.OPDKode, valueText(k.Value)))
		d.fromIDs = append(d.fromIDs, k.BundleID)
	}
	if r.FromBundle != "" && chosen == 0 { // settled from an OPD no longer responsible
		chosen = len(opts)
		opts = append(opts, cmp.Or(r.FromOPD, r.FromBundle))
		d.fromIDs = append(d.fromIDs, r.FromBundle)
	}
	d.from.SetOptions(opts)
	d.from.SetSelectedIndex(chosen)
	d.value.SetText(commaDecimal(r.Value))
	d.note.SetText("")
	if r.Source == assessment.SourceSettled {
		d.note.SetText(r.Note)
		d.clearBtn.Enable()
	} else {
		d.clearBtn.Disable()
	}
}

// fillResponsible ticks the OPDs answering the indicator: all of them
// when the matrix has no rows for it (the default).
func (d *consolidateDetail) fillResponsible(r assessment.ConsolidationRow) {
	opds := slices.Clone(d.c.opds)
	for _, k := range r.Responsible { // responsible, but without a bundle yet
		if !slices.ContainsFunc(opds, func(o opdName) bool { return o.kode == k }) {
			opds = append(opds, opdName{kode: k})
		}
	}
	d.respKode = map[string]string{}
	var opts, ticked []string
	for _, o := range opds {
		label := o.kode
		if o.nama != "" {
			label += " — " + o.nama
		}
		d.respKode[label] = o.kode
		opts = append(opts, label)
		if len(r.Responsible) == 0 || slices.Contains(r.Responsible, o.kode) {
			ticked = append(ticked, label)
		}
	}
	d.resp.Options = opts
	d.resp.SetSelected(ticked)
	d.resp.Refresh()
	if len(r.Responsible) == 0 {
		d.respNow.SetText(tr("asesor.consolidate.respAll"))
	} else {
		d.respNow.SetText(trf("asesor.consolidate.respSome", strings.Join(r.Responsible, ", ")))
	}
}

func (d *consolidateDetail) onSettle() {
	v := strings.TrimSpace(d.value.Text)
	if v == "" {
		d.say(d.msg, widget.DangerImportance, tr("asesor.consolidate.needValue"))
		return
	}
	canon, ok := canonicalValue(v)
	if !ok {
		d.say(d.msg, widget.DangerImportance, trf("asesor.consolidate.badValue", v))
		return
	}
	from := ""
	if i := d.from.SelectedIndex(); i > 0 && i < len(d.fromIDs) {
		from = d.fromIDs[i]
	}
	d.settle(assessment.SettleRequest{Periode: d.c.periode, Indicator: d.row.Indicator,
		Value: canon, FromBundle: from, Note: strings.TrimSpace(d.note.Text)},
		tr("asesor.consolidate.settled"))
}

// onClear removes the settled value: the proposal applies again.
func (d *consolidateDetail) onClear() {
	d.settle(assessment.SettleRequest{Periode: d.c.periode, Indicator: d.row.Indicator,
		Note: strings.TrimSpace(d.note.Text)}, tr("asesor.consolidate.cleared"))
}

// settle records req off the UI goroutine, then reloads the whole
// consolidation (the index changes with every value).
func (d *consolidateDetail) settle(req assessment.SettleRequest, done string) {
	w, u := d.c.u.asesor, d.c.u
	d.busy(true)
	d.say(d.msg, widget.MediumImportance, tr("asesor.consolidate.saving"))
	u.jobs.submit(func(ctx context.Context) error {
		return w.Settle(ctx, req)
	}, func(err error) {
		d.busy(false)
		if err != nil {
			d.say(d.msg, widget.DangerImportance, err.Error())
			u.showError(err)
			return
		}
		d.c.reload(func() { d.say(d.msg, widget.SuccessImportance, done) })
	})
}

func (d *consolidateDetail) onResponsible() {
	if len(d.resp.Selected) == 0 {
		d.say(d.respMsg, widget.DangerImportance, tr("asesor.consolidate.needResp"))
		return
	}
	var kodes []string // nil when all are ticked: the default, which also covers OPDs imported later
	if len(d.resp.Selected) < len(d.resp.Options) {
		for _, label := range d.resp.Selected {
			kodes = append(kodes, d.respKode[label])
		}
		slices.Sort(kodes)
	}
	w, u, periode, n := d.c.u.asesor, d.c.u, d.c.periode, d.row.Indicator
	d.busy(true)
	d.say(d.respMsg, widget.MediumImportance, tr("asesor.consolidate.saving"))
	u.jobs.submit(func(ctx context.Context) error {
		return w.SetResponsible(ctx, periode, n, kodes)
	}, func(err error) {
		d.busy(false)
		if err != nil {
			d.say(d.respMsg, widget.DangerImportance, err.Error())
			u.showError(err)
			return
		}
		d.c.reload(func() { d.say(d.respMsg, widget.SuccessImportance, tr("asesor.consolidate.respSaved")) })
	})
}

// busy disables the save buttons while a save runs.
func (d *consolidateDetail) busy(on bool) {
	for _, b := range []*widget.Button{d.settleBtn, d.respBtn} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on || d.row.Source != assessment.SourceSettled {
		d.clearBtn.Disable()
	} else {
		d.clearBtn.Enable()
	}
}

// say shows a message under a form: refused input and failures in red,
// a done save in green. The panel is laid out again: the message may wrap.
func (d *consolidateDetail) say(l *widget.Label, imp widget.Importance, text string) {
	l.Importance = imp
	l.SetText(text)
	d.box.Refresh()
}
