package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// Page geometry of every document, in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginX      = 20.0
	contentW     = pageW - 2*marginX
	contentTop   = 24.0 // first line below the running header
	breakMargin  = 40.0 // reserved at the bottom for the footer
	footerTop    = pageH - 35.0
	fontFamily   = "dejavu"
	lineH        = 4.6 // body line height at 9 pt
	smallLineH   = 3.9 // line height at 7.5–8 pt
	producerName = "SPBE Mandiri"
)

// rgb is a colour of the document palette.
type rgb struct{ r, g, b int }

var (
	colText    = rgb{0x1a, 0x1a, 0x1a}
	colMuted   = rgb{0x5f, 0x63, 0x68}
	colNavy    = rgb{0x12, 0x2f, 0x55}
	colRule    = rgb{0x9a, 0xa4, 0xb1}
	colShade   = rgb{0xe9, 0xee, 0xf5}
	colRed     = rgb{0xb0, 0x1c, 0x1c}
	colRedTint = rgb{0xfb, 0xea, 0xea}
	colBar     = rgb{0x2f, 0x5d, 0x95}
	colGrid    = rgb{0xd5, 0xdb, 0xe3}
	colAmber   = rgb{0x8a, 0x5a, 0x00}
)

// doc wraps gofpdf with the house style: one embedded UTF-8 font, the
// palette above and helpers for the recurring blocks.
type doc struct {
	pdf *gofpdf.Fpdf
}

// newDoc starts a reproducible A4 document: sorted catalog, fixed dates,
// compressed streams, the embedded DejaVu Sans.
func newDoc(when time.Time, title, author string) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(when.UTC())
	pdf.SetModificationDate(when.UTC())
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular())
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold())
	pdf.SetMargins(marginX, contentTop, marginX)
	pdf.SetAutoPageBreak(true, breakMargin)
	pdf.SetCellMargin(0)
	pdf.SetTitle(clean(title), true)
	pdf.SetAuthor(clean(author), true)
	pdf.SetCreator(producerName, true)
	pdf.SetProducer(producerName, true)
	pdf.AliasNbPages("{nb}")
	d := &doc{pdf: pdf}
	d.font("", 9)
	d.text(colText)
	return d
}

func (d *doc) font(style string, size float64) { d.pdf.SetFont(fontFamily, style, size) }
func (d *doc) text(c rgb)                      { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c rgb)                      { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) draw(c rgb)                      { d.pdf.SetDrawColor(c.r, c.g, c.b) }

// left returns the remaining height above the footer on the current page.
func (d *doc) left() float64 { return pageH - breakMargin - d.pdf.GetY() }

// need starts a new page unless h millimetres are still free.
func (d *doc) need(h float64) {
	if d.left() < h {
		d.pdf.AddPage()
	}
}

// para writes wrapped text over width w starting at the current x.
func (d *doc) para(w, h float64, s string) {
	d.pdf.MultiCell(w, h, clean(s), "", "L", false)
}

// centered writes one centred line over the content width.
func (d *doc) centered(h float64, s string) {
	d.pdf.SetX(marginX)
	d.pdf.MultiCell(contentW, h, clean(s), "", "C", false)
}

// rule draws a horizontal line across the content width at the current y.
func (d *doc) rule(c rgb, width float64) {
	y := d.pdf.GetY()
	d.draw(c)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(marginX, y, marginX+contentW, y)
	d.pdf.SetLineWidth(0.2)
}

// heading writes a section title with a navy underline.
func (d *doc) heading(s string) {
	d.need(30)
	d.font("B", 12)
	d.text(colNavy)
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(contentW, 7, clean(s), "", 1, "L", false, 0, "")
	d.rule(colNavy, 0.5)
	d.pdf.Ln(3)
	d.font("", 9)
	d.text(colText)
}

// kv writes a label and a wrapped value in two columns.
func (d *doc) kv(labelW float64, label, value string, valueStyle string) {
	d.need(lineH * 1.5)
	y := d.pdf.GetY()
	d.font("", 9)
	d.text(colMuted)
	d.pdf.SetXY(marginX, y)
	d.pdf.CellFormat(labelW, lineH, clean(label), "", 0, "L", false, 0, "")
	d.font(valueStyle, 9)
	d.text(colText)
	d.pdf.SetXY(marginX+labelW, y)
	d.para(contentW-labelW, lineH, value)
	d.font("", 9)
	d.pdf.Ln(0.8)
}

// lineCount is how many lines MultiCell will need for s in width w with
// the current font.
func (d *doc) lineCount(s string, w float64) int {
	n := 0
	for _, part := range strings.Split(clean(s), "\n") {
		if part == "" {
			n++
			continue
		}
		n += max(1, len(d.pdf.SplitText(part, w)))
	}
	return max(1, n)
}

// fit shortens s with an ellipsis until it fits in width w.
func (d *doc) fit(s string, w float64) string {
	s = clean(s)
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && d.pdf.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// clean makes user and catalog text safe for the embedded font: gofpdf
// indexes glyph widths by rune and only knows the Basic Multilingual
// Plane, and control characters have no glyphs.
func clean(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t' || r == '\r':
			b.WriteRune(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			// drop other control characters
		case r > 0xffff || (r >= 0xd800 && r < 0xe000):
			b.WriteRune('\ufffd')
		case r == 0xfeff || r == 0x200b:
			// zero-width characters have no useful width
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// months are the Indonesian month names.
var months = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// tanggal formats a date the Indonesian way: "27 November 2025".
func tanggal(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// tanggalJam adds the time of day: "27 November 2025 pukul 14.05".
func tanggalJam(t time.Time) string {
	return fmt.Sprintf("%s pukul %02d.%02d", tanggal(t), t.Hour(), t.Minute())
}

// orDash shows an em dash for an empty value.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// band fills a full-width band of height h at y in tint with a thin
// accent bar on its left edge (indicator titles, warnings).
func (d *doc) band(y, h float64, tint, accent rgb) {
	d.fill(tint)
	d.pdf.Rect(marginX, y, contentW, h, "F")
	d.fill(accent)
	d.pdf.Rect(marginX, y, 1.2, h, "F")
}

// frame draws the shaded, navy-framed box of a headline (index and
// predicate) of height h at y.
func (d *doc) frame(y, h float64) {
	d.fill(colShade)
	d.draw(colNavy)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Rect(marginX, y, contentW, h, "FD")
	d.pdf.SetLineWidth(0.2)
}
