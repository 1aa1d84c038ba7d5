package report

import (
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// kop draws the letterhead of a government document: the Pemda and the
// OPD in capitals above a thick and a thin rule.
func (d *doc) kop(p assessment.Profile) {
	d.pdf.SetY(16)
	d.text(colText)
	d.font("B", 12)
	d.centered(6, strings.ToUpper(orDash(p.Instansi)))
	d.font("B", 14)
	d.centered(7, strings.ToUpper(orDash(p.OPDNama)))
	d.font("", 9)
	d.text(colMuted)
	d.centered(5, "Kode Perangkat Daerah: "+orDash(p.OPDKode))
	d.pdf.Ln(2)
	d.rule(colText, 0.8)
	d.pdf.Ln(0.9)
	d.rule(colText, 0.25)
	d.text(colText)
}

// cover draws page 1: letterhead, title, identification table and the
// headline result.
func (r *renderer) cover() {
	r.pdf.AddPage()
	c := r.snap.Catalog
	r.kop(r.snap.Profile)
	r.pdf.SetY(r.pdf.GetY() + 16)
	r.font("B", 18)
	r.text(colNavy)
	r.centered(9, "LAPORAN PENILAIAN MANDIRI")
	r.font("B", 12)
	r.centered(6, c.Title)
	r.font("", 11)
	r.text(colText)
	r.pdf.Ln(1)
	r.centered(6, fmt.Sprintf("Periode %d", r.snap.Assessment.Periode))
	r.pdf.Ln(6)
	if c.Provisional() {
		r.provisionalBadge()
	}
	r.pdf.Ln(4)
	r.coverTable()
	r.pdf.Ln(6)
	r.headline()
	r.coverNote()
}

// provisionalBadge marks a report made on a catalog that is not the
// official text.
func (r *renderer) provisionalBadge() {
	c := r.snap.Catalog
	w := 120.0
	x := marginX + (contentW-w)/2
	y := r.pdf.GetY()
	r.font("", 8)
	note := orDash(c.StatusNote)
	h := 9 + float64(r.lineCount(note, w-8))*smallLineH
	r.fill(colRedTint)
	r.draw(colRed)
	r.pdf.SetLineWidth(0.6)
	r.pdf.Rect(x, y, w, h, "FD")
	r.pdf.SetLineWidth(0.2)
	r.text(colRed)
	r.font("B", 11)
	r.pdf.SetXY(x, y+2)
	r.pdf.CellFormat(w, 5, "SEMENTARA / PROVISIONAL", "", 2, "C", false, 0, "")
	r.font("", 8)
	r.pdf.SetX(x + 4)
	r.pdf.MultiCell(w-8, smallLineH, clean(note), "", "C", false)
	r.pdf.SetY(y + h)
	r.text(colText)
}

// coverTable lists who, what and when.
func (r *renderer) coverTable() {
	p, a, c := r.snap.Profile, r.snap.Assessment, r.snap.Catalog
	rows := [][2]string{
		{"Instansi", orDash(p.Instansi)},
		{"Perangkat Daerah", fmt.Sprintf("%s — %s", orDash(p.OPDKode), orDash(p.OPDNama))},
		{"Periode penilaian", fmt.Sprintf("%d", a.Periode)},
		{"Instrumen", c.Title},
		{"Dasar hukum", c.LegalBasis.Regulation},
		{"Versi katalog", catalogVersion(c)},
		{"Status pengisian", r.progress()},
		{"Operator", orDash(p.Operator)},
		{"Tanggal dicetak", tanggal(r.foot.GeneratedAt)},
	}
	for _, row := range rows {
		r.kv(42, row[0], row[1], "")
	}
}

func catalogVersion(c *assessment.Catalog) string {
	s := fmt.Sprintf("%s versi %s", c.ID, c.Version)
	if sha := c.SHA256(); len(sha) >= 12 {
		s += " (SHA-256 " + sha[:12] + "…)"
	}
	if c.Provisional() {
		s += " — sementara"
	}
	return s
}

// progress describes how much of the instrument is answered.
func (r *renderer) progress() string {
	s := r.score
	if s.Complete {
		return fmt.Sprintf("Lengkap — %d dari %d indikator diisi", s.Answered, s.Total)
	}
	return fmt.Sprintf("Belum lengkap — %d dari %d indikator diisi (hasil sementara)", s.Answered, s.Total)
}

// headline draws the index and predicate in a framed box.
func (r *renderer) headline() {
	r.need(34)
	y := r.pdf.GetY()
	h := 26.0
	rule := r.ruleNote()
	if rule != "" {
		h += 5
	}
	r.frame(y, h)
	r.pdf.SetXY(marginX, y+3)
	r.font("", 9)
	r.text(colMuted)
	r.pdf.CellFormat(contentW, 5, clean(r.indexLabel()), "", 2, "C", false, 0, "")
	r.font("B", 20)
	r.text(colNavy)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW, 10, clean(r.indexLine()), "", 2, "C", false, 0, "")
	r.font("", 8.5)
	r.text(colText)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW, 5, clean(r.indexNote()), "", 2, "C", false, 0, "")
	if rule != "" {
		r.font("", 7.5)
		r.pdf.SetX(marginX)
		r.pdf.CellFormat(contentW, 5, clean(rule), "", 2, "C", false, 0, "")
	}
	r.pdf.SetY(y + h + 4)
}

// ruleNote says, for a provisional index under the Pemdi rule, that the
// headline counts indicators without a value as 1, and gives the mean of
// the answered ones; "" otherwise.
func (r *renderer) ruleNote() string {
	s := r.score
	if s.Complete || s.Index == nil || s.Headline != assessment.HeadlineMissingAsOne {
		return ""
	}
	return "Indikator tanpa nilai dihitung 1, seperti yang diterbitkan KemenPANRB; rata-rata indikator yang diisi: " +
		assessment.FormatDecimal(s.Extrapolated) + "."
}

// indexLabel is "Indeks hasil penilaian mandiri" plus "(sementara)".
func (r *renderer) indexLabel() string {
	if r.score.Complete {
		return "Indeks hasil penilaian mandiri"
	}
	return "Indeks hasil penilaian mandiri (SEMENTARA)"
}

// indexLine is "2,95 — Baik", or a dash when nothing is answered.
func (r *renderer) indexLine() string {
	s := r.score
	if s.Index == nil {
		return "— (belum ada indikator yang diisi)"
	}
	return assessment.FormatDecimal(s.Index) + " — " + orDash(s.Predicate)
}

// resultLine is the index with its completeness in one line.
func (r *renderer) resultLine() string {
	s := r.score
	switch {
	case s.Index == nil:
		return r.indexLine()
	case s.Complete:
		return fmt.Sprintf("%s (seluruh %d indikator diisi)", r.indexLine(), s.Total)
	}
	return fmt.Sprintf("%s (SEMENTARA: %d dari %d indikator diisi)", r.indexLine(), s.Answered, s.Total)
}

// indexNote explains a provisional index.
func (r *renderer) indexNote() string {
	s := r.score
	if s.Complete {
		return fmt.Sprintf("Seluruh %d indikator telah diisi.", s.Total)
	}
	return fmt.Sprintf("Sementara: %d dari %d indikator diisi; indeks akhir berada antara %s dan %s.",
		s.Answered, s.Total, assessment.FormatDecimal(s.Lowest), assessment.FormatDecimal(s.Highest))
}

// coverNote tells the reader how to check the document.
func (r *renderer) coverNote() {
	r.font("", 8)
	r.text(colMuted)
	note := "Laporan ini dihasilkan oleh aplikasi SPBE Mandiri dari data penilaian mandiri Perangkat Daerah. " +
		"Nilai indeks dihitung dari bobot dan tingkat yang dipilih; pembulatan dua desimal hanya untuk tampilan. "
	if r.digest != nil {
		note += "Setiap halaman memuat digest isi, sidik jari kunci penanda tangan, dan kode QR yang mengikat halaman itu ke bundel ekspor; " +
			"cocokkan dengan bundel yang diterima sebelum menandatangani."
	} else {
		note += "Cetakan ini belum diekspor sebagai bundel bertanda tangan dan hanya untuk pemeriksaan internal."
	}
	r.pdf.SetX(marginX)
	r.para(contentW, smallLineH, note)
	r.text(colText)
	r.font("", 9)
}
