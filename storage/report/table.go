package report

import "strings"

// column is one column of a table.
type column struct {
	title string
	w     float64
	align string // "L", "C" or "R"
}

// table draws rows with horizontal rules; the header row repeats after
// every page break. A row is kept on one page unless it is taller than a
// page: then it is split (see splitRow).
type table struct {
	d    *doc
	cols []column
	size float64 // font size of the body
	lh   float64 // line height of the body
	hh   float64 // height of the header row, once drawn
}

const cellPad = 1.3

func newTable(d *doc, cols []column, size, lh float64) *table {
	return &table{d: d, cols: cols, size: size, lh: lh}
}

// rowStyle is how one row looks.
type rowStyle struct {
	bold  bool
	shade *rgb
	color *rgb
}

// header draws the header row in white on navy.
func (t *table) header() {
	d := t.d
	d.font("B", t.size)
	h := t.height(t.titles(), "B")
	t.hh = h
	d.need(h + t.lh + 2*cellPad) // never leave a header alone at the bottom
	y := d.pdf.GetY()
	d.fill(colNavy)
	d.pdf.Rect(marginX, y, t.width(), h, "F")
	d.text(rgb{0xff, 0xff, 0xff})
	t.cells(t.titles(), y)
	d.pdf.SetY(y + h)
	d.text(colText)
	d.font("", t.size)
}

// row draws one body row, starting a new page (with the header) if it
// does not fit. A row taller than a whole page is split across pages
// (splitRow) rather than drawn over the footer and off the paper.
func (t *table) row(cells []string, st rowStyle) {
	d := t.d
	style := st.fontStyle()
	d.font(style, t.size)
	h := t.height(cells, style)
	if h > t.pageRoom() {
		t.splitRow(cells, st)
		return
	}
	if d.left() < h {
		d.pdf.AddPage()
		t.header()
		d.font(style, t.size)
	}
	y := d.pdf.GetY()
	t.background(st, y, h)
	t.cells(cells, y)
	t.finish(y, h)
}

func (st rowStyle) fontStyle() string {
	if st.bold {
		return "B"
	}
	return ""
}

// minChunk is the fewest lines of a split row worth starting at the bottom
// of a page; with less room the row starts on the next page.
const minChunk = 3

// pageRoom is the tallest row that fits on a fresh page below the running
// header, a continuation line and the repeated table header. (It uses the
// header height measured when the header was drawn: measuring changes the
// font, which would write to the page.)
func (t *table) pageRoom() float64 {
	return pageH - breakMargin - contentTop - contRoom - t.hh
}

// contRoom is room kept for a "(lanjutan)" line a running header may add.
const contRoom = 6

// splitRow draws a row taller than a page in page-sized chunks: each chunk
// holds the next lines of every cell, each following page repeats the
// header, and the first cell is repeated so the reader knows which row
// continues.
func (t *table) splitRow(cells []string, st rowStyle) {
	d := t.d
	style := st.fontStyle()
	d.font(style, t.size)
	lines := t.lines(cells)
	n := 0
	for _, ls := range lines {
		n = max(n, len(ls))
	}
	for k := 0; k < n; {
		room := int((d.left() - 2*cellPad) / t.lh)
		if room < minChunk {
			d.pdf.AddPage()
			t.header()
			d.font(style, t.size)
			continue
		}
		end := min(n, k+room)
		t.chunk(lines, k, end, st)
		if k = end; k < n {
			d.pdf.AddPage()
			t.header()
			d.font(style, t.size)
		}
	}
}

// chunk draws lines [from, to) of every cell as one part of a split row.
func (t *table) chunk(lines [][]string, from, to int, st rowStyle) {
	d := t.d
	y := d.pdf.GetY()
	h := float64(to-from)*t.lh + 2*cellPad
	t.background(st, y, h)
	ab, _ := d.pdf.GetAutoPageBreak()
	d.pdf.SetAutoPageBreak(false, breakMargin)
	x := marginX
	for i, c := range t.cols {
		part := window(lines[i], from, to)
		if from > 0 && i == 0 && len(part) == 0 && len(lines[i]) > 0 {
			part = lines[i][:1] // say which row continues
		}
		for j, l := range part {
			d.pdf.SetXY(x+cellPad, y+cellPad+float64(j)*t.lh)
			d.pdf.CellFormat(c.w-2*cellPad, t.lh, l, "", 0, c.align, false, 0, "")
		}
		x += c.w
	}
	d.pdf.SetAutoPageBreak(ab, breakMargin)
	t.finish(y, h)
}

// window is ls[from:to] clipped to the lines ls has.
func window(ls []string, from, to int) []string {
	if from >= len(ls) {
		return nil
	}
	return ls[from:min(to, len(ls))]
}

// lines are the wrapped lines of every cell, as height counts them.
func (t *table) lines(cells []string) [][]string {
	out := make([][]string, len(t.cols))
	for i, c := range t.cols {
		if i >= len(cells) || cells[i] == "" {
			continue
		}
		for _, part := range strings.Split(clean(cells[i]), "\n") {
			ls := t.d.pdf.SplitText(part, c.w-2*cellPad)
			if len(ls) == 0 {
				ls = []string{""}
			}
			out[i] = append(out[i], ls...)
		}
	}
	return out
}

// background shades a row and sets its text colour.
func (t *table) background(st rowStyle, y, h float64) {
	if st.shade != nil {
		t.d.fill(*st.shade)
		t.d.pdf.Rect(marginX, y, t.width(), h, "F")
	}
	if st.color != nil {
		t.d.text(*st.color)
	}
}

// finish rules off a row of height h drawn at y and restores the body style.
func (t *table) finish(y, h float64) {
	d := t.d
	d.text(colText)
	d.draw(colGrid)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginX, y+h, marginX+t.width(), y+h)
	d.pdf.SetY(y + h)
	d.font("", t.size)
}

// cells writes the texts of one row at y, each wrapped in its column.
func (t *table) cells(cells []string, y float64) {
	x := marginX
	ab, _ := t.d.pdf.GetAutoPageBreak()
	t.d.pdf.SetAutoPageBreak(false, breakMargin)
	for i, c := range t.cols {
		if i < len(cells) && cells[i] != "" {
			t.d.pdf.SetXY(x+cellPad, y+cellPad)
			t.d.pdf.MultiCell(c.w-2*cellPad, t.lh, clean(cells[i]), "", c.align, false)
		}
		x += c.w
	}
	t.d.pdf.SetAutoPageBreak(ab, breakMargin)
}

// height is the height of a row with the given texts in the given style.
func (t *table) height(cells []string, style string) float64 {
	t.d.font(style, t.size)
	n := 1
	for i, c := range t.cols {
		if i < len(cells) && cells[i] != "" {
			n = max(n, t.d.lineCount(cells[i], c.w-2*cellPad))
		}
	}
	return float64(n)*t.lh + 2*cellPad
}

func (t *table) titles() []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.title
	}
	return out
}

func (t *table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.w
	}
	return w
}
