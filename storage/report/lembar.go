package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// lembarRenderer draws the printable Lembar isian of a portal package:
// per indicator the level to pick on eval.spbe.go.id, the items with
// their files (or belum) and the justification to paste.
type lembarRenderer struct {
	*doc
	p    assessment.PortalPackage
	when time.Time
	cont string // the indicator continued on the next page
}

// RenderLembarIsian writes the Lembar isian PDF of p. The same package and
// time give the same bytes.
func RenderLembarIsian(w io.Writer, p assessment.PortalPackage, generatedAt time.Time) error {
	if generatedAt.IsZero() {
		return errors.New("report: waktu pembuatan (GeneratedAt) wajib diisi agar PDF dapat direproduksi")
	}
	r := &lembarRenderer{p: p, when: generatedAt}
	title := fmt.Sprintf("Lembar Isian Portal %s — %s — Periode %d", p.CatalogTitle, p.Profile.OPDNama, p.Periode)
	r.doc = newDoc(generatedAt, title, p.Profile.OPDNama)
	r.pdf.SetSubject("Paket unggah portal eval.spbe.go.id", true)
	r.pdf.SetHeaderFunc(r.header)
	r.pdf.SetFooterFunc(r.footer)
	r.pdf.AddPage()
	r.cover()
	for _, pi := range p.Indicators {
		r.indicator(pi)
	}
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return r.pdf.Output(w)
}

func (r *lembarRenderer) header() {
	right := fmt.Sprintf("%s · Periode %d", r.p.Profile.OPDKode, r.p.Periode)
	r.runningHeader("LEMBAR ISIAN PORTAL · "+r.p.CatalogShort, right, r.cont)
}

func (r *lembarRenderer) footer() {
	r.pdf.SetY(footerTop)
	r.rule(colRule, 0.3)
	r.pdf.SetXY(marginX, footTextTop)
	r.font("", 6.5)
	r.text(colMuted)
	doc := "Paket unggah portal · " + r.sourceText()
	if r.p.Provisional {
		doc += " · katalog sementara"
	}
	r.pdf.CellFormat(contentW, footLineH, r.fit(doc, contentW), "", 1, "L", false, 0, "")
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW, footLineH, fmt.Sprintf("Halaman %d dari {nb} · dibuat %s", r.pdf.PageNo(), tanggalJam(r.when)),
		"", 0, "L", false, 0, "")
}

func (r *lembarRenderer) sourceText() string {
	if r.p.Source == assessment.PortalSourceInstansi {
		return "nilai konsolidasi instansi (Tim Asesor Internal)"
	}
	return "penilaian mandiri OPD"
}

// cover is the top of page 1: letterhead, title and how to use the sheet.
func (r *lembarRenderer) cover() {
	if r.p.Source == assessment.PortalSourceInstansi {
		r.instansiKop()
	} else {
		r.kop(r.p.Profile)
	}
	r.pdf.Ln(8)
	r.font("B", 16)
	r.text(colNavy)
	r.centered(8, "LEMBAR ISIAN PORTAL")
	r.font("B", 11)
	r.centered(6, r.p.CatalogTitle)
	r.font("", 10)
	r.text(colText)
	r.centered(6, fmt.Sprintf("Periode %d · %s", r.p.Periode, r.sourceText()))
	r.pdf.Ln(4)
	r.font("", 8.5)
	r.text(colMuted)
	r.pdf.SetX(marginX)
	r.para(contentW, smallLineH+0.3, "Untuk setiap indikator di eval.spbe.go.id: pilih level yang tertera, unggah berkas dari folder "+
		"indikator itu sesuai urutan namanya (nama berkas diawali kode butir, mis. I04-L1-02_… untuk butir I4-L1-02), lalu "+
		"salin justifikasi ke kolom isian. Butir bertanda BELUM belum memiliki bukti: portal akan menolak level itu dan level "+
		"di atasnya secara otomatis.")
	if r.p.Provisional {
		r.pdf.Ln(1)
		r.text(colAmber)
		r.pdf.SetX(marginX)
		r.para(contentW, smallLineH+0.3, "Katalog sementara: teks butir dan kriteria belum dicocokkan dengan Lampiran resmi; "+
			"ikuti kode butir yang tampil di portal.")
	}
	r.pdf.Ln(4)
	r.text(colText)
	r.font("", 9)
}

// instansiKop is the letterhead of the instansi's package: the Pemda and
// its Tim Asesor Internal (no OPD code).
func (r *lembarRenderer) instansiKop() {
	r.pdf.SetY(16)
	r.text(colText)
	r.font("B", 12)
	r.centered(6, strings.ToUpper(orDash(r.p.Profile.Instansi)))
	r.font("B", 14)
	r.centered(7, "TIM ASESOR INTERNAL")
	r.pdf.Ln(2)
	r.rule(colText, 0.8)
	r.pdf.Ln(0.9)
	r.rule(colText, 0.25)
}

// indicator draws one indicator's block.
func (r *lembarRenderer) indicator(pi assessment.PortalIndicator) {
	r.need(30)
	r.title(pi)
	r.cont = fmt.Sprintf("Indikator %d — %s", pi.Number, pi.Name)
	r.row("Level", "B", pi.LevelText())
	if pi.External == nil {
		r.row("Folder", "", pi.FolderText())
	}
	r.items(pi)
	just := strings.TrimSpace(pi.Justification)
	switch {
	case just == "":
		r.rowColour("Justifikasi", "", "(belum ada justifikasi)", colMuted)
	case !assessment.Justified(just):
		// An untouched inserted template: printed, so nobody wonders
		// where the text went, but flagged before it reaches the portal.
		r.rowColour("Justifikasi", "", "(templat belum diisi)", colRed)
		r.row("", "", just)
	default:
		r.row("Justifikasi", "", just)
	}
	r.cont = ""
	r.pdf.Ln(4)
}

// title is a shaded bar with the indicator's number and name.
func (r *lembarRenderer) title(pi assessment.PortalIndicator) {
	const numW = 29.0
	nameW := contentW - numW
	r.font("B", 9.5)
	h := float64(r.lineCount(pi.Name, nameW-2))*lineH + 3
	y := r.pdf.GetY()
	r.band(y, h, colShade, colNavy)
	r.text(colNavy)
	r.pdf.SetXY(marginX+3, y+1.5)
	r.pdf.CellFormat(numW-3, lineH, fmt.Sprintf("Indikator %d", pi.Number), "", 0, "L", false, 0, "")
	r.text(colText)
	r.pdf.SetXY(marginX+numW, y+1.5)
	r.para(nameW-2, lineH, pi.Name)
	r.pdf.SetY(y + h + 2)
	r.font("", 9)
}

// items lists the items, those needing attention (belum, no item) in red.
func (r *lembarRenderer) items(pi assessment.PortalIndicator) {
	first := "Butir bukti"
	if pi.External != nil {
		first = "Indeks instansi"
	}
	for i, line := range pi.Lines() {
		label := ""
		if i == 0 {
			label = first
		}
		c := colText
		if line.Attention {
			c = colRed
		}
		r.rowColour(label, "", line.Text, c)
		if line.Detail != "" {
			r.detail(line.Detail)
		}
	}
}

// detail is an item's wording, small and muted under its line.
func (r *lembarRenderer) detail(s string) {
	r.pdf.SetY(r.pdf.GetY() - 0.6)
	r.pdf.SetX(marginX + fieldLabelW + 3)
	r.font("", 7.5)
	r.text(colMuted)
	r.para(contentW-fieldLabelW-3, smallLineH, s)
	r.font("", 9)
	r.text(colText)
	r.pdf.Ln(0.8)
}

func (r *lembarRenderer) row(label, style, value string) { r.rowColour(label, style, value, colText) }

// rowColour writes a muted label and the value beside it, flowing over
// pages.
func (r *lembarRenderer) rowColour(label, style, value string, c rgb) {
	r.need(lineH * 1.5)
	y := r.pdf.GetY()
	r.font("", 8.5)
	r.text(colMuted)
	r.pdf.SetXY(marginX, y)
	r.pdf.CellFormat(fieldLabelW, lineH, label, "", 0, "L", false, 0, "")
	r.font(style, 9)
	r.text(c)
	r.pdf.SetXY(marginX+fieldLabelW, y)
	r.para(contentW-fieldLabelW, lineH, value)
	r.font("", 9)
	r.text(colText)
	r.pdf.Ln(0.8)
}
