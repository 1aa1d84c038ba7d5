package report

import (
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

const fieldLabelW = 34.0

// indicators draws every indicator of the instrument, grouped by domain
// and aspect.
func (r *renderer) indicators() {
	r.pdf.AddPage()
	r.heading("RINCIAN JAWABAN PER INDIKATOR")
	r.font("", 8)
	r.text(colMuted)
	r.pdf.SetX(marginX)
	r.para(contentW, smallLineH, "Untuk setiap indikator dicantumkan tingkat yang dipilih beserta kriteria tingkat itu, "+
		"penjelasan Perangkat Daerah, dan bukti dukung dengan nama berkas asli serta 12 karakter awal SHA-256-nya. "+
		"Indikator yang belum dijawab ditandai BELUM DIISI.")
	r.pdf.Ln(3)
	c := r.snap.Catalog
	if len(c.Domains) == 0 {
		for _, a := range c.Aspects {
			r.aspectBlock(a)
		}
		return
	}
	for _, d := range c.Domains {
		r.domainTitle(d)
		for _, a := range c.AspectsOfDomain(d.Number) {
			r.aspectBlock(a)
		}
	}
}

func (r *renderer) aspectBlock(a assessment.Aspect) {
	r.aspectTitle(a)
	for _, in := range r.snap.Catalog.IndicatorsOfAspect(a.Number) {
		r.indicator(in)
	}
}

// domainTitle is a navy band with the domain's name, weight and value.
func (r *renderer) domainTitle(d assessment.Domain) {
	r.need(60)
	y := r.pdf.GetY()
	r.fill(colNavy)
	r.pdf.Rect(marginX, y, contentW, 8, "F")
	r.text(rgb{0xff, 0xff, 0xff})
	r.font("B", 10)
	r.pdf.SetXY(marginX+2, y+1.5)
	info := fmt.Sprintf("bobot %s%% · indeks %s", weight(d.Weight), r.value(r.score.Domains[d.Number]))
	r.font("", 8.5)
	iw := r.pdf.GetStringWidth(info) + 2
	r.font("B", 10)
	r.pdf.CellFormat(contentW-4-iw, 5, r.fit(fmt.Sprintf("DOMAIN %d · %s", d.Number, strings.ToUpper(d.Name)), contentW-4-iw), "", 0, "L", false, 0, "")
	r.font("", 8.5)
	r.pdf.CellFormat(iw, 5, info, "", 0, "R", false, 0, "")
	r.pdf.SetY(y + 11)
	r.text(colText)
	r.font("", 9)
}

// aspectTitle is a bold navy line with a rule below.
func (r *renderer) aspectTitle(a assessment.Aspect) {
	r.need(50)
	info := fmt.Sprintf("bobot %s%% · indeks %s", weight(a.Weight), r.value(r.score.Aspects[a.Number]))
	r.font("", 8.5)
	iw := r.pdf.GetStringWidth(info) + 2
	r.font("B", 10)
	r.text(colNavy)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW-iw, 6, r.fit(fmt.Sprintf("Aspek %d · %s", a.Number, a.Name), contentW-iw), "", 0, "L", false, 0, "")
	r.font("", 8.5)
	r.text(colMuted)
	r.pdf.CellFormat(iw, 6, info, "", 1, "R", false, 0, "")
	r.rule(colNavy, 0.3)
	r.pdf.Ln(3)
	r.text(colText)
	r.font("", 9)
}

// indicator draws one indicator: title bar, chosen level, criterion,
// justification and evidence.
func (r *renderer) indicator(in assessment.Indicator) {
	r.need(34)
	r.indicatorTitle(in)
	r.cont = fmt.Sprintf("Indikator %d — %s", in.Number, in.Name)
	a, ok := r.answers[in.Number]
	if ok && a.Answered() {
		r.field("Tingkat dipilih", func(w float64) {
			r.font("B", 9)
			r.para(w, lineH, fmt.Sprintf("%d — %s", a.Level, orDash(r.snap.Catalog.LevelName(in, a.Level))))
		})
		r.criterion(in, a.Level)
		r.catalogNotes(in)
	} else if assessment.ExternallyValued(in) {
		r.externalScore(in, a.External)
	} else {
		r.field("Tingkat dipilih", func(w float64) {
			r.font("B", 9)
			r.text(colRed)
			r.para(w, lineH, "BELUM DIISI")
		})
		if !assessment.Justified(a.Justification) && len(r.evidence[in.Number]) == 0 {
			// nothing else to show: keep the many open indicators compact
			r.cont = ""
			r.pdf.Ln(3)
			return
		}
	}
	r.justification(a)
	r.evidenceList(in.Number)
	r.cont = ""
	r.pdf.Ln(5)
}

// indicatorTitle is a shaded bar with number, name and weight.
func (r *renderer) indicatorTitle(in assessment.Indicator) {
	const numW, wW = 29.0, 24.0
	nameW := contentW - numW - wW
	r.font("B", 9.5)
	h := float64(r.lineCount(in.Name, nameW-2))*lineH + 3
	y := r.pdf.GetY()
	r.band(y, h, colShade, colNavy)
	r.text(colNavy)
	r.pdf.SetXY(marginX+3, y+1.5)
	r.pdf.CellFormat(numW-3, lineH, fmt.Sprintf("Indikator %d", in.Number), "", 0, "L", false, 0, "")
	r.text(colText)
	r.pdf.SetXY(marginX+numW, y+1.5)
	r.para(nameW-2, lineH, in.Name)
	r.font("", 8)
	r.text(colMuted)
	r.pdf.SetXY(marginX+numW+nameW, y+1.5)
	r.pdf.CellFormat(wW-2, lineH, "bobot "+weight(in.Weight)+"%", "", 0, "R", false, 0, "")
	r.pdf.SetY(y + h + 2)
	r.text(colText)
	r.font("", 9)
}

// field draws a muted label and lets body draw the value at its right.
func (r *renderer) field(label string, body func(w float64)) {
	r.need(lineH * 2)
	y := r.pdf.GetY()
	r.font("", 8.5)
	r.text(colMuted)
	r.pdf.SetXY(marginX, y)
	r.pdf.CellFormat(fieldLabelW, lineH, label, "", 0, "L", false, 0, "")
	r.font("", 9)
	r.text(colText)
	r.pdf.SetXY(marginX+fieldLabelW, y)
	body(contentW - fieldLabelW)
	r.font("", 9)
	r.text(colText)
	r.pdf.Ln(1.2)
}

// criterion shows the catalog's text for the chosen level, with its
// provenance when it is not the official text.
func (r *renderer) criterion(in assessment.Indicator, level int) {
	t := in.Level(level).Criterion
	r.field(fmt.Sprintf("Kriteria tingkat %d", level), func(w float64) {
		if t.Missing() {
			r.text(colAmber)
			r.para(w, lineH, "(teks kriteria tidak tersedia)")
			return
		}
		r.para(w, lineH, t.Text)
		if note := provenanceNote(t.Source); note != "" {
			r.pdf.SetX(marginX + fieldLabelW)
			r.font("", 8)
			r.text(colAmber)
			r.para(w, smallLineH, note)
		}
	})
}

// catalogNotes prints the catalog's notes on the indicator beside the
// chosen level: for Pemdi I9 and I11 the sources disagree on the order of
// the levels, which whoever reads the claimed level must see.
func (r *renderer) catalogNotes(in assessment.Indicator) {
	for _, n := range in.Notes {
		if n.Missing() {
			continue
		}
		r.field("Catatan katalog", func(w float64) {
			r.text(colAmber)
			r.para(w, lineH, n.Text)
			if note := provenanceNote(n.Source); note != "" {
				r.pdf.SetX(marginX + fieldLabelW)
				r.font("", 8)
				r.para(w, smallLineH, note)
			}
		})
	}
}

// provenanceNote labels text that is not verbatim official text.
func provenanceNote(p assessment.Provenance) string {
	switch p {
	case assessment.FromParaphrase:
		return "(parafrase, bukan teks resmi)"
	case assessment.FromSecondary:
		return "(transkripsi sekunder, belum dicocokkan dengan teks resmi)"
	}
	return ""
}

// justification prints the OPD's explanation, flowing across pages.
func (r *renderer) justification(a assessment.Answer) {
	r.field("Penjelasan", func(w float64) {
		text := strings.TrimSpace(a.Justification)
		if !assessment.Justified(text) {
			// An untouched inserted template says nothing: print what
			// the assessor needs to know, not its empty headings.
			r.text(colMuted)
			r.para(w, lineH, noJustification(text))
			return
		}
		r.para(w, lineH, text)
		if !a.UpdatedAt.IsZero() || a.Operator != "" {
			r.pdf.SetX(marginX + fieldLabelW)
			r.font("", 7.5)
			r.text(colMuted)
			r.para(w, smallLineH, lastChange(a))
		}
	})
}

func lastChange(a assessment.Answer) string {
	s := "Terakhir diubah"
	if !a.UpdatedAt.IsZero() {
		s += " " + tanggal(a.UpdatedAt)
	}
	if a.Operator != "" {
		s += " oleh " + a.Operator
	}
	return s
}

// noJustification is what the report prints for an answer without an
// explanation of the officer's own.
func noJustification(text string) string {
	if text == "" {
		return "(belum ada penjelasan)"
	}
	return "(belum ada penjelasan: templat belum diisi)"
}
