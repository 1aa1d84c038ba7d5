package report

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// summary draws the result page: headline, the table of domain and aspect
// values, the bar chart of aspects and the predicate bands.
func (r *renderer) summary() {
	r.pdf.AddPage()
	r.heading("RINGKASAN HASIL PENILAIAN MANDIRI")
	r.headline()
	r.predicateLegend()
	r.pdf.Ln(4)
	r.valueTable()
	r.pdf.Ln(5)
	r.aspectChart()
}

// valueTable lists every domain and aspect with weight, progress and value.
func (r *renderer) valueTable() {
	c := r.snap.Catalog
	name := "Domain / Aspek"
	if len(c.Domains) == 0 {
		name = "Aspek"
	}
	t := newTable(r.doc, []column{
		{"No.", 13, "L"}, {name, 89, "L"}, {"Bobot (%)", 20, "R"},
		{"Terisi", 26, "R"}, {"Indeks", 22, "R"},
	}, 8.5, 4.2)
	t.header()
	if len(c.Domains) == 0 {
		r.aspectRows(t, c.Aspects)
	}
	for _, d := range c.Domains {
		done, all := r.count(func(in assessment.Indicator) bool { return r.domainOf(in) == d.Number })
		t.row([]string{fmt.Sprintf("D%d", d.Number), "Domain " + d.Name, weight(d.Weight),
			fmt.Sprintf("%d/%d", done, all), r.value(r.score.Domains[d.Number])},
			rowStyle{bold: true, shade: &colShade})
		r.aspectRows(t, c.AspectsOfDomain(d.Number))
	}
	t.row([]string{"", "INDEKS KESELURUHAN", "100", fmt.Sprintf("%d/%d", r.score.Answered, r.score.Total),
		r.value(r.score.Index)}, rowStyle{bold: true, shade: &colShade})
	if !r.score.Complete {
		r.font("", 7.5)
		r.text(colMuted)
		r.pdf.Ln(1)
		r.para(contentW, smallLineH, "* Nilai sementara: dihitung hanya dari indikator yang sudah diisi. "+
			"Bagian tanpa indikator terisi ditandai \"–\".")
		r.text(colText)
	}
}

func (r *renderer) aspectRows(t *table, aspects []assessment.Aspect) {
	for _, a := range aspects {
		done, all := r.count(func(in assessment.Indicator) bool { return in.Aspect == a.Number })
		t.row([]string{fmt.Sprintf("A%d", a.Number), "Aspek " + a.Name, weight(a.Weight),
			fmt.Sprintf("%d/%d", done, all), r.value(r.score.Aspects[a.Number])}, rowStyle{})
	}
}

// value formats an index, starred while the assessment is incomplete.
func (r *renderer) value(x *big.Rat) string {
	if x == nil {
		return "–"
	}
	if r.score.Complete {
		return assessment.FormatDecimal(x)
	}
	return assessment.FormatDecimal(x) + "*"
}

// count returns how many of the selected indicators are answered, and how
// many there are.
func (r *renderer) count(sel func(assessment.Indicator) bool) (done, all int) {
	for _, in := range r.snap.Catalog.Indicators {
		if !sel(in) {
			continue
		}
		all++
		if r.answers[in.Number].Answered() {
			done++
		}
	}
	return done, all
}

func (r *renderer) domainOf(in assessment.Indicator) int {
	a, _ := r.snap.Catalog.Aspect(in.Aspect)
	return a.Domain
}

// weight shows a catalog weight with an Indonesian decimal comma.
func weight(n json.Number) string { return strings.Replace(string(n), ".", ",", 1) }

// Bar chart geometry.
const (
	chartLabelW = 68.0
	chartBarW   = 88.0
	chartPitch  = 6.8
	chartBarH   = 4.2
)

// aspectChart draws one horizontal bar per aspect on a 0–5 scale.
func (r *renderer) aspectChart() {
	aspects := r.snap.Catalog.Aspects
	h := 12 + float64(len(aspects))*chartPitch
	r.need(min(h, pageH-breakMargin-contentTop-10))
	r.font("B", 10)
	r.text(colNavy)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW, 6, "Grafik indeks per aspek", "", 1, "L", false, 0, "")
	r.pdf.Ln(1)
	r.chartAxis()
	for _, a := range aspects {
		r.need(chartPitch)
		r.chartBar(a)
	}
	r.font("", 9)
	r.text(colText)
}

// chartAxis writes the scale 0–5 above the bars.
func (r *renderer) chartAxis() {
	x0, y := marginX+chartLabelW, r.pdf.GetY()
	r.font("", 7)
	r.text(colMuted)
	for i := 0; i <= 5; i++ {
		x := x0 + float64(i)*chartBarW/5
		r.pdf.SetXY(x-5, y)
		r.pdf.CellFormat(10, 3.5, fmt.Sprint(i), "", 0, "C", false, 0, "")
	}
	r.pdf.SetY(y + 4.5)
}

// chartBar draws the label, the grid and the bar of one aspect.
func (r *renderer) chartBar(a assessment.Aspect) {
	x0, y := marginX+chartLabelW, r.pdf.GetY()
	r.font("", 7.5)
	r.text(colText)
	label := fmt.Sprintf("A%d  %s", a.Number, a.Name)
	lines := r.pdf.SplitText(clean(label), chartLabelW-3)
	if len(lines) > 2 {
		lines = []string{lines[0], r.fit(strings.Join(lines[1:], " "), chartLabelW-3)}
	}
	ly := y + (chartPitch-float64(len(lines))*3.2)/2
	for i, l := range lines {
		r.pdf.SetXY(marginX, ly+float64(i)*3.2)
		r.pdf.CellFormat(chartLabelW-3, 3.2, l, "", 0, "L", false, 0, "")
	}
	r.draw(colGrid)
	r.pdf.SetLineWidth(0.15)
	for i := 0; i <= 5; i++ {
		x := x0 + float64(i)*chartBarW/5
		r.pdf.Line(x, y, x, y+chartPitch)
	}
	by := y + (chartPitch-chartBarH)/2
	v := r.score.Aspects[a.Number]
	if v == nil {
		r.text(colMuted)
		r.pdf.SetXY(x0+2, by)
		r.pdf.CellFormat(40, chartBarH, "belum diisi", "", 0, "L", false, 0, "")
	} else {
		f, _ := v.Float64()
		r.fill(colBar)
		r.pdf.Rect(x0, by, chartBarW*f/5, chartBarH, "F")
		r.font("B", 7.5)
		r.pdf.SetXY(x0+chartBarW+2, by)
		r.pdf.CellFormat(contentW-chartLabelW-chartBarW-2, chartBarH, r.value(v), "", 0, "L", false, 0, "")
	}
	r.pdf.SetY(y + chartPitch)
}

// predicateLegend lists the predicate bands of the instrument.
func (r *renderer) predicateLegend() {
	var parts []string
	for _, p := range r.snap.Catalog.Predicates {
		parts = append(parts, p.Name+" "+band(p))
	}
	r.need(12)
	r.font("B", 8)
	r.text(colText)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(22, smallLineH, "Predikat:", "", 0, "L", false, 0, "")
	r.font("", 8)
	r.para(contentW-22, smallLineH, strings.Join(parts, "  ·  "))
	r.font("", 9)
}

// band writes a predicate band like "3,50 – < 4,20".
func band(p assessment.Predicate) string {
	lo, _ := new(big.Rat).SetString(string(p.Min))
	hi, _ := new(big.Rat).SetString(string(p.Max))
	s := ""
	if !p.MinInclusive {
		s = "> "
	}
	s += assessment.FormatDecimal(lo) + " – "
	if !p.MaxInclusive {
		s += "< "
	}
	return s + assessment.FormatDecimal(hi)
}
