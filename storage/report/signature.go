package report

import (
	"strings"
)

// Signature block geometry.
const (
	sigColW   = 78.0
	sigSpace  = 26.0 // room for the wet signature and the stamp
	sigLineH  = lineH + 0.4
	sigRightX = marginX + contentW - sigColW
	blankName = "(..................................................................)"
	blankNIP  = "NIP. ..............................................."
	blankDate = "..............................., ........................ 20...."
)

// signatory is one column of a signature block.
type signatory struct {
	above []string // lines above the signature space
	name  string   // printed in bold; blank gives a dotted line
	nip   string   // the line below the name; may be empty
	hint  string   // grey text in the signature space
}

// approval draws the statement and the wet-signature block of the
// operator and the Kepala OPD, kept together on one page.
func (r *renderer) approval() {
	r.need(100)
	r.pdf.Ln(4)
	r.heading("PENGESAHAN")
	p := r.snap.Profile
	r.font("", 9)
	r.pdf.SetX(marginX)
	r.para(contentW, lineH, "Dengan ini kami menyatakan bahwa jawaban, penjelasan, dan bukti dukung dalam laporan penilaian mandiri ini "+
		"telah diperiksa, sesuai dengan keadaan yang sebenarnya, dan dapat dipertanggungjawabkan.")
	r.pdf.Ln(3)
	r.kv(42, "Hasil penilaian", r.resultLine(), "B")
	r.pdf.Ln(6)
	r.signatures(
		signatory{above: []string{"", "Disiapkan oleh,", "Operator SPBE Mandiri"}, name: p.Operator, nip: blankNIP},
		signatory{above: []string{blankDate, "Mengetahui dan mengesahkan,", "Kepala " + orDash(p.OPDNama)},
			nip: blankNIP, hint: "(tanda tangan dan cap dinas)"})
}

// signatures draws two signatories side by side with their signature
// spaces and names on common lines.
func (d *doc) signatures(left, right signatory) {
	d.font("", 9)
	y := d.pdf.GetY()
	rows := max(d.aboveLines(left), d.aboveLines(right))
	top := y + float64(rows)*sigLineH
	for i, s := range []signatory{left, right} {
		x := []float64{marginX, sigRightX}[i]
		d.signatory(s, x, y, top)
	}
	d.pdf.SetY(top + sigSpace + 2*sigLineH + 2)
}

func (d *doc) aboveLines(s signatory) int {
	n := 0
	for _, l := range s.above {
		n += d.lineCount(l, sigColW)
	}
	return n
}

// signatory draws one column: the lines above from y, the signature space
// from top, then name and NIP.
func (d *doc) signatory(s signatory, x, y, top float64) {
	d.font("", 9)
	d.text(colText)
	d.pdf.SetXY(x, y)
	for _, l := range s.above {
		d.pdf.SetX(x)
		d.pdf.MultiCell(sigColW, sigLineH, clean(l), "", "L", false)
	}
	if s.hint != "" {
		d.font("", 7)
		d.text(colRule)
		d.pdf.SetXY(x, top+sigSpace/2-2)
		d.pdf.CellFormat(sigColW, 4, s.hint, "", 0, "C", false, 0, "")
		d.text(colText)
	}
	d.pdf.SetXY(x, top+sigSpace)
	if name := strings.TrimSpace(s.name); name != "" {
		d.font("B", 9)
		d.pdf.CellFormat(sigColW, sigLineH, d.fit(name, sigColW), "", 2, "L", false, 0, "")
	} else {
		d.font("", 9)
		d.pdf.CellFormat(sigColW, sigLineH, blankName, "", 2, "L", false, 0, "")
	}
	d.font("", 9)
	if s.nip != "" {
		d.pdf.SetX(x)
		d.pdf.CellFormat(sigColW, sigLineH, s.nip, "", 2, "L", false, 0, "")
	}
}
