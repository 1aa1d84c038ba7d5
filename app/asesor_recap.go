package app

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// recapColumn is one column of the recap table.
type recapColumn struct {
	key   string // translation key of the header
	width float32
	text  func(assessment.RecapRow) string
	cmp   func(a, b assessment.RecapRow) int
}

// recapColumns: kode, nama, periode, indeks, predikat, kelengkapan,
// status kunci, nomor urut, tanggal, catatan. The widths fill a 1366-pixel
// laptop screen, the name getting what the short columns leave.
var recapColumns = []recapColumn{
	{"recap.colKode", 105, func(r assessment.RecapRow) string { return r.OPDKode },
		func(a, b assessment.RecapRow) int { return strings.Compare(a.OPDKode, b.OPDKode) }},
	{"recap.colNama", 250, func(r assessment.RecapRow) string { return r.OPDNama },
		func(a, b assessment.RecapRow) int {
			return strings.Compare(strings.ToLower(a.OPDNama), strings.ToLower(b.OPDNama))
		}},
	{"recap.colPeriode", 80, func(r assessment.RecapRow) string { return strconv.Itoa(r.Periode) },
		func(a, b assessment.RecapRow) int { return cmp.Compare(a.Periode, b.Periode) }},
	{"recap.colIndex", 75, func(r assessment.RecapRow) string { return recapIndex(r.Index) },
		func(a, b assessment.RecapRow) int { return cmp.Compare(indexValue(a.Index), indexValue(b.Index)) }},
	{"recap.colPredicate", 115, func(r assessment.RecapRow) string { return r.Predicate },
		func(a, b assessment.RecapRow) int { return strings.Compare(a.Predicate, b.Predicate) }},
	{"recap.colComplete", 110, completeness,
		func(a, b assessment.RecapRow) int { return cmp.Compare(ratio(a), ratio(b)) }},
	{"recap.colKey", 175, func(r assessment.RecapRow) string { l, _ := keyStatusBadge(r.KeyStatus); return l },
		func(a, b assessment.RecapRow) int { return strings.Compare(string(a.KeyStatus), string(b.KeyStatus)) }},
	{"recap.colSequence", 80, func(r assessment.RecapRow) string { return strconv.FormatUint(r.Sequence, 10) },
		func(a, b assessment.RecapRow) int { return cmp.Compare(a.Sequence, b.Sequence) }},
	{"recap.colDate", 155, func(r assessment.RecapRow) string { return formatTime(r.Imported) },
		func(a, b assessment.RecapRow) int { return a.Imported.Compare(b.Imported) }},
	{"asesor.recap.colNote", 190, recapNote,
		func(a, b assessment.RecapRow) int { return strings.Compare(recapNote(a), recapNote(b)) }},
}

// recapNote is what needs the assessor's attention in a row: an index
// the OPD claimed otherwise than its answers give on the catalog, and
// conflicts to settle.
func recapNote(r assessment.RecapRow) string {
	var notes []string
	if r.IndexMismatch {
		notes = append(notes, trf("asesor.recap.claimed", recapIndex(r.ClaimedIndex), r.ClaimedPredicate))
	}
	if r.Conflicts > 0 {
		notes = append(notes, trf("asesor.recap.conflicts", r.Conflicts))
	}
	if r.Reviewed > 0 {
		notes = append(notes, trf("asesor.recap.reviewed", recapIndex(r.ReviewedIndex), r.ReviewedPredicate, r.Reviewed))
	}
	return strings.Join(notes, " · ")
}

// recapAttention colours the cells that need a look.
func recapAttention(col int, r assessment.RecapRow) widget.Importance {
	switch recapColumns[col].key {
	case "recap.colIndex":
		if r.IndexMismatch {
			return widget.WarningImportance
		}
	case "asesor.recap.colNote":
		if r.IndexMismatch || r.Conflicts > 0 {
			return widget.WarningImportance
		}
	}
	return widget.MediumImportance
}

// asesorRecap is the table of OPDs, sortable by clicking a header.
type asesorRecap struct {
	u     *UI
	table *widget.Table
	state *widget.Label
	rows  []assessment.RecapRow
	pick  int // selected row, -1 = none
	open  *widget.Button
	col   int  // sort column, -1 for the workspace's order
	desc  bool // descending

	root     *fyne.Container // relaid out when warn shows or hides
	warn     *widget.Label   // index mismatches and conflicts, when any
	settle   *widget.Button  // settles the selected row's konflik
	xlsx     *widget.Button  // exports the recap as an Excel workbook (offered first)
	csv      *widget.Button  // exports the recap as CSV (for scripts)
	conflict *asesorConflict
}

func newAsesorRecap(u *UI) *asesorRecap {
	r := &asesorRecap{u: u, col: -1, pick: -1, state: wrapped(tr("recap.loading"))}
	r.open = widget.NewButton(tr("recap.review"), r.onReview)
	r.open.Disable()
	r.settle = widget.NewButton(tr("asesor.conflict.settle"), r.onSettle)
	r.settle.Importance = widget.WarningImportance
	r.settle.Disable()
	r.xlsx = widget.NewButton(tr("asesor.recap.exportXLSX"), r.onExportXLSX)
	r.csv = widget.NewButton(tr("asesor.recap.exportCSV"), r.onExportCSV)
	r.warn = wrapped("")
	r.warn.Importance = widget.WarningImportance
	r.warn.Hide()
	r.table = widget.NewTable(
		func() (int, int) { return len(r.rows), len(recapColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(r.rows) || id.Col < 0 || id.Col >= len(recapColumns) {
				return
			}
			l := o.(*widget.Label)
			l.Importance = recapAttention(id.Col, r.rows[id.Row])
			l.SetText(recapColumns[id.Col].text(r.rows[id.Row]))
		})
	r.table.ShowHeaderRow = true
	r.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(recapColumns) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		col := id.Col
		b.SetText(r.headerText(col))
		b.OnTapped = func() { r.sortBy(col) }
	}
	r.table.OnSelected = func(id widget.TableCellID) {
		r.pick = id.Row
		if id.Row >= 0 && id.Row < len(r.rows) {
			r.open.Enable()
			if r.rows[id.Row].Conflicts > 0 {
				r.settle.Enable()
			} else {
				r.settle.Disable()
			}
		}
	}
	for i, c := range recapColumns {
		r.table.SetColumnWidth(i, c.width)
	}
	r.load()
	return r
}

func (r *asesorRecap) view() fyne.CanvasObject {
	top := container.NewVBox(asesorNav(r.u, "asesor.navRecap"),
		container.NewBorder(nil, nil, nil, container.NewHBox(r.xlsx, r.csv, r.settle, r.open), r.state), r.warn)
	r.root = border(top, nil, nil, nil, r.table)
	return container.NewPadded(r.root)
}

func (r *asesorRecap) leave() {}

// onReview opens the review of the selected row's accepted bundle.
func (r *asesorRecap) onReview() {
	if r.pick < 0 || r.pick >= len(r.rows) {
		return
	}
	r.u.show(newAsesorReview(r.u, r.rows[r.pick].BundleID))
}

// onExportXLSX writes the recap as an Excel workbook (the same as `recap
// --xlsx`) into a folder the assessor picks and names the file.
func (r *asesorRecap) onExportXLSX() {
	if w := r.u.asesor; w != nil {
		exportIntoFolder(r.u, r.xlsx, "asesor.recap.exportedTitle", "asesor.recap.exported", w.ExportRecapXLSX)
	}
}

// onExportCSV writes the recap as CSV (the same as `recap --csv`) into a
// folder the assessor picks and names the file.
func (r *asesorRecap) onExportCSV() {
	if w := r.u.asesor; w != nil {
		exportIntoFolder(r.u, r.csv, "asesor.recap.exportedTitle", "asesor.recap.exported", w.ExportRecapCSV)
	}
}

// onSettle opens the side-by-side choice for the selected row's konflik;
// the recap reloads once a choice was saved.
func (r *asesorRecap) onSettle() {
	if r.pick < 0 || r.pick >= len(r.rows) || r.rows[r.pick].Conflicts == 0 {
		return
	}
	r.conflict = showConflict(r.u, r.rows[r.pick], func() {
		r.unpick()
		r.load()
	})
}

// load reads the recap off the UI goroutine.
func (r *asesorRecap) load() {
	w := r.u.asesor
	if w == nil {
		return
	}
	load(r.u, r.state, w.Recap, func(rows []assessment.RecapRow) {
		r.rows = rows
		r.applySort()
		if len(rows) == 0 {
			r.state.SetText(tr("recap.empty"))
		} else {
			r.state.SetText(trf("recap.count", len(rows)))
		}
		r.showWarning()
		r.table.Refresh()
	})
}

// showWarning says above the table how many rows need a look and why.
func (r *asesorRecap) showWarning() {
	mismatch, conflicts := 0, 0
	for _, row := range r.rows {
		if row.IndexMismatch {
			mismatch++
		}
		if row.Conflicts > 0 {
			conflicts++
		}
	}
	var parts []string
	if mismatch > 0 {
		parts = append(parts, trf("asesor.recap.mismatchWarning", mismatch))
	}
	if conflicts > 0 {
		parts = append(parts, trf("asesor.recap.conflictWarning", conflicts, tr("asesor.conflict.settle")))
	}
	if len(parts) == 0 {
		r.warn.Hide()
	} else {
		r.warn.SetText(strings.Join(parts, "\n"))
		r.warn.Show()
	}
	if r.root != nil {
		r.root.Refresh() // the table moves down or up with the warning
	}
}

// sortBy sorts by column col; clicking the same header again reverses.
func (r *asesorRecap) sortBy(col int) {
	if col == r.col {
		r.desc = !r.desc
	} else {
		r.col, r.desc = col, false
	}
	r.applySort()
	r.unpick()
	r.table.Refresh()
}

// unpick forgets the selected row (its position changed).
func (r *asesorRecap) unpick() {
	r.pick = -1
	r.table.UnselectAll()
	r.open.Disable()
	r.settle.Disable()
}

func (r *asesorRecap) applySort() {
	if r.col < 0 || r.col >= len(recapColumns) {
		return
	}
	c := recapColumns[r.col].cmp
	slices.SortStableFunc(r.rows, func(a, b assessment.RecapRow) int {
		if r.desc {
			return c(b, a)
		}
		return c(a, b)
	})
}

func (r *asesorRecap) headerText(col int) string {
	t := tr(recapColumns[col].key)
	if col == r.col {
		if r.desc {
			return t + " ▼"
		}
		return t + " ▲"
	}
	return t
}

// recapIndex writes the bundle's exact index ("2.7276") as the rest of
// the app does: two decimals, half-up, decimal comma ("2,73"); "" is "–".
func recapIndex(s string) string {
	if s == "" {
		return "–"
	}
	x, ok := new(big.Rat).SetString(s)
	if !ok {
		return commaDecimal(s)
	}
	return assessment.FormatDecimal(x)
}

// indexValue orders indexes; a missing one sorts first.
func indexValue(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return v
}

func ratio(r assessment.RecapRow) float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Answered) / float64(r.Total)
}

// completeness is "47/47" or "12/47 (sementara)".
func completeness(r assessment.RecapRow) string {
	s := fmt.Sprintf("%d/%d", r.Answered, r.Total)
	if !r.Complete {
		s += " " + tr("score.provisional")
	}
	return s
}
