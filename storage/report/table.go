package report

// column is one column of a table.
type column struct {
	title string
	w     float64
	align string // "L", "C" or "R"
}

// table draws rows with horizontal rules; the header row repeats after
// every page break, and a row is never split across pages.
type table struct {
	d    *doc
	cols []column
	size float64 // font size of the body
	lh   float64 // line height of the body
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
// does not fit.
func (t *table) row(cells []string, st rowStyle) {
	d := t.d
	style := ""
	if st.bold {
		style = "B"
	}
	d.font(style, t.size)
	h := t.height(cells, style)
	if d.left() < h {
		d.pdf.AddPage()
		t.header()
		d.font(style, t.size)
	}
	y := d.pdf.GetY()
	if st.shade != nil {
		d.fill(*st.shade)
		d.pdf.Rect(marginX, y, t.width(), h, "F")
	}
	if st.color != nil {
		d.text(*st.color)
	}
	t.cells(cells, y)
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
