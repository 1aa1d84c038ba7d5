// Package sheet writes the assessor's views (the recap of OPDs, the
// instansi's consolidation, the review of one bundle) as Excel workbooks
// (.xlsx, Office Open XML).
//
// Why not only CSV: Indonesian Excel reads `;` as the list separator and
// `,` as the decimal mark, so a comma-separated file with "2.5000" opens
// as one column of text. A workbook stores numbers as numbers with a
// number format ("0.00"); Excel then shows them with the reader's own
// decimal mark ("2,50" in Indonesia), sortable and summable.
//
// Every text cell is written with SetCellStr: a text that starts with
// "=", "+", "-" or "@" (an OPD can type anything into a justification) is
// stored as a string and never becomes a formula. No function here writes
// a formula or hands outside text to SetCellValue.
package sheet

import (
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Built-in number formats (ECMA-376 §18.8.30). Built-in ids follow the
// reader's locale: 2 shows 2.5 as "2,50" in Indonesian Excel, 22 as a
// local date and time.
const (
	fmtInteger  = 1  // 0
	fmtDecimal2 = 2  // 0.00
	fmtDateTime = 22 // m/d/yyyy h:mm, localised by the reader
)

// Column widths in characters: at least minWidth, at most maxWidth (a
// longer text wraps inside its cell instead).
const (
	minWidth = 8
	maxWidth = 68 // a 64-character key id fits unwrapped
)

// kind is the type of a cell.
type kind int

const (
	kindText kind = iota
	kindNumber
	kindInteger
	kindTime
	kindEmpty
)

// cell is one value of a table; the constructors below make them.
type cell struct {
	kind kind
	s    string
	f    float64
	n    int64
	t    time.Time
}

// text is a string cell (never a formula, whatever it starts with).
func text(s string) cell { return cell{kind: kindText, s: s} }

// decimal is a number cell from an exact decimal with a point ("2.7276",
// "2.5"); "" is an empty cell. A value that is not a decimal stays text,
// so nothing is lost.
func decimal(s string) cell {
	if strings.TrimSpace(s) == "" {
		return cell{kind: kindEmpty}
	}
	x, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok {
		return text(s)
	}
	return rat(x)
}

// rat is a number cell; nil is an empty cell.
func rat(x *big.Rat) cell {
	if x == nil {
		return cell{kind: kindEmpty}
	}
	f, _ := x.Float64()
	return cell{kind: kindNumber, f: f}
}

// integer is a whole-number cell.
func integer[T ~int | ~int64 | ~uint64](n T) cell { return cell{kind: kindInteger, n: int64(n)} }

// level is an indicator level; 0 (not answered) is an empty cell.
func level(l int) cell {
	if l == 0 {
		return cell{kind: kindEmpty}
	}
	return integer(l)
}

// when is a date-and-time cell in the reader's wall clock (the local
// zone, as the screens show it); the zero time is an empty cell.
func when(t time.Time) cell {
	if t.IsZero() {
		return cell{kind: kindEmpty}
	}
	return cell{kind: kindTime, t: t}
}

// yesNo is "ya" or "tidak".
func yesNo(b bool) cell {
	if b {
		return text("ya")
	}
	return text("tidak")
}

// table is one worksheet: a header row and rows of cells.
type table struct {
	name    string // the sheet's name (≤ 31 characters, Indonesian)
	headers []string
	rows    [][]cell
	keyCol  bool // the first column is the row's key: frozen as well
}

// styles are the workbook's cell styles, made once per workbook.
type styles struct {
	header, text, wrap, number, integer, time int
}

func newStyles(f *excelize.File) (styles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Family: "Calibri", Size: 11}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}}, Alignment: top},
		{Alignment: top},
		{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		{NumFmt: fmtDecimal2, Alignment: top},
		{NumFmt: fmtInteger, Alignment: top},
		{NumFmt: fmtDateTime, Alignment: top},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return styles{}, err
		}
		ids[i] = id
	}
	return styles{header: ids[0], text: ids[1], wrap: ids[2], number: ids[3], integer: ids[4], time: ids[5]}, nil
}

// write writes the tables as one workbook, one sheet each in order, the
// first one active, to out.
func write(out io.Writer, title string, tables ...table) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), t.name)
		} else {
			_, err = f.NewSheet(t.name)
		}
		if err == nil {
			err = writeTable(f, st, t)
		}
		if err != nil {
			return fmt.Errorf("lembar %s: %w", t.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "SPBE Mandiri", Language: "id-ID"}); err != nil {
		return err
	}
	return f.Write(out)
}

// writeTable fills one sheet: the header row, the cells with their
// number formats, the widths, the frozen header (and key column) and a
// filter on the header so the table sorts and filters in Excel.
func writeTable(f *excelize.File, st styles, t table) error {
	for c, h := range t.headers {
		if err := setCell(f, t.name, c, 0, text(h), st.header); err != nil {
			return err
		}
	}
	widths, wraps := measure(t)
	if err := writeRows(f, st, t, widths, wraps); err != nil {
		return err
	}
	for c, w := range widths {
		col, err := excelize.ColumnNumberToName(c + 1)
		if err == nil {
			err = f.SetColWidth(t.name, col, col, w)
		}
		if err != nil {
			return err
		}
	}
	if err := freeze(f, t); err != nil {
		return err
	}
	return pageSetup(f, t.name)
}

// writeRows writes the cells below the header, each with its style, and
// makes rows with wrapped text tall enough for it.
func writeRows(f *excelize.File, st styles, t table, widths []float64, wraps []bool) error {
	for r, row := range t.rows {
		for c, v := range row {
			style := styleOf(st, v.kind)
			if v.kind == kindText && wraps[c] {
				style = st.wrap
			}
			if err := setCell(f, t.name, c, r+1, v, style); err != nil {
				return err
			}
		}
		if h := rowHeight(row, widths, wraps); h > 0 {
			if err := f.SetRowHeight(t.name, r+2, h); err != nil {
				return err
			}
		}
	}
	return nil
}

// pageSetup prints a sheet on A4 landscape with the header row repeated
// on every page. (Fitting all columns on one page width made the text
// unreadably small; the signed PDF reports are the documents to print.)
func pageSetup(f *excelize.File, sheet string) error {
	a4, landscape := 9, "landscape"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}

// freeze keeps the header row (and the key column) in view while
// scrolling, records the used range and puts a filter on the header.
func freeze(f *excelize.File, t table) error {
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if t.keyCol {
		panes.XSplit, panes.TopLeftCell, panes.ActivePane = 1, "B2", "bottomRight"
	}
	if err := f.SetPanes(t.name, panes); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(t.headers), len(t.rows)+1)
	if err != nil {
		return err
	}
	// The used range, which readers that stream a sheet size it by.
	if err := f.SetSheetDimension(t.name, "A1:"+last); err != nil {
		return err
	}
	return f.AutoFilter(t.name, "A1:"+last, nil)
}

func styleOf(st styles, k kind) int {
	switch k {
	case kindNumber:
		return st.number
	case kindInteger:
		return st.integer
	case kindTime:
		return st.time
	}
	return st.text
}

// setCell writes one cell by its type. Text goes through SetCellStr only:
// stored as a string whatever it starts with.
func setCell(f *excelize.File, sheet string, col, row int, v cell, style int) error {
	ref, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return err
	}
	switch v.kind {
	case kindText:
		err = f.SetCellStr(sheet, ref, v.s)
	case kindNumber:
		err = f.SetCellFloat(sheet, ref, v.f, -1, 64)
	case kindInteger:
		err = f.SetCellInt(sheet, ref, v.n)
	case kindTime:
		err = f.SetCellFloat(sheet, ref, excelTime(v.t), -1, 64)
	}
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

// excelEpoch is day 0 of Excel's 1900 date system (as Excel counts, with
// its phantom 29 February 1900, for every date after March 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelTime is t's local wall clock as an Excel serial date: days since
// the epoch, the time of day as the fraction. Excel has no time zones.
func excelTime(t time.Time) float64 {
	t = t.Local()
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return float64(wall.Unix()-excelEpoch.Unix()) / 86400
}

// measure gives each column the width of its longest line (header
// included) between minWidth and maxWidth, and says which text columns
// wrap: those with a line longer than maxWidth or a line break.
func measure(t table) (widths []float64, wraps []bool) {
	longest := make([]int, len(t.headers))
	wraps = make([]bool, len(t.headers))
	for c, h := range t.headers {
		longest[c] = utf8.RuneCountInString(h) + 3 // the filter button
	}
	for _, row := range t.rows {
		for c, v := range row {
			n, multiline := displayWidth(v)
			longest[c] = max(longest[c], n)
			if v.kind == kindText && (multiline || n > maxWidth) {
				wraps[c] = true
			}
		}
	}
	widths = make([]float64, len(longest))
	for c, n := range longest {
		widths[c] = float64(min(max(n+2, minWidth), maxWidth))
	}
	return widths, wraps
}

// Row heights in points: one line of 11-point Calibri, and Excel's
// largest row.
const (
	lineHeight = 15
	maxHeight  = 409
)

// rowHeight is the height a row with wrapped text needs, or 0 to keep the
// default. Readers do not all grow a row to its wrapped text on opening
// (LibreOffice does not), and text in a row too low for it is cut off.
func rowHeight(row []cell, widths []float64, wraps []bool) float64 {
	lines := 1
	for c, v := range row {
		if v.kind == kindText && wraps[c] {
			lines = max(lines, wrappedLines(v.s, int(widths[c])-1))
		}
	}
	if lines == 1 {
		return 0
	}
	return float64(min(lines*lineHeight, maxHeight))
}

// wrappedLines estimates the lines s takes in a column of width
// characters (rounded up per paragraph, so it errs on the tall side).
func wrappedLines(s string, width int) int {
	width = max(width, 1)
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		n += max(1, (utf8.RuneCountInString(line)+width-1)/width)
	}
	return n
}

// displayWidth is the characters of a cell's longest line as shown.
func displayWidth(v cell) (n int, multiline bool) {
	switch v.kind {
	case kindText:
		for line := range strings.SplitSeq(v.s, "\n") {
			n = max(n, utf8.RuneCountInString(line))
		}
		return n, strings.Contains(v.s, "\n")
	case kindNumber:
		return len(fmt.Sprintf("%.2f", v.f)), false
	case kindInteger:
		return len(fmt.Sprint(v.n)), false
	case kindTime:
		return len("31/12/2026 23:59"), false
	}
	return 0, false
}
