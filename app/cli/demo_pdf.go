package cli

import (
	"bytes"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// demoPDFDate is the fixed creation date of the sample PDFs, so that the
// same sample document always has the same bytes (and the same hash).
var demoPDFDate = time.Date(2025, 3, 17, 9, 0, 0, 0, time.UTC)

// demoPDF renders one sample evidence document: a single A4 page with a
// "fictional sample" banner, the document title, a few body lines and a
// footer. It uses the core Helvetica font; text is translated to cp1252
// (enough for Bahasa Indonesia), and characters outside it are replaced.
func demoPDF(doc demoDoc, instansi string) ([]byte, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(demoPDFDate)
	pdf.SetModificationDate(demoPDFDate)
	pdf.SetCreator("spbe-mandiri demo", false)
	pdf.SetTitle(doc.Title, true)
	pdf.SetSubject("Dokumen contoh (fiktif) untuk demonstrasi SPBE Mandiri", true)
	pdf.SetMargins(25, 25, 25)
	pdf.SetAutoPageBreak(false, 20)
	pdf.AddPage()
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	width, _ := pdf.GetPageSize()
	textWidth := width - 50

	// Banner: nobody should mistake this for a real document.
	pdf.SetFillColor(253, 236, 200)
	pdf.SetTextColor(120, 60, 0)
	pdf.SetFont("Helvetica", "B", 9)
	pdf.CellFormat(textWidth, 7, tr("DOKUMEN CONTOH - DATA FIKTIF - hanya untuk demonstrasi SPBE Mandiri"), "", 1, "C", true, 0, "")
	pdf.Ln(8)

	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont("Helvetica", "B", 12)
	pdf.MultiCell(textWidth, 6, tr(strings.ToUpper(instansi)), "", "C", false)
	pdf.Ln(4)
	pdf.SetFont("Helvetica", "B", 14)
	pdf.MultiCell(textWidth, 7, tr(doc.Title), "", "C", false)
	pdf.Ln(2)
	pdf.SetDrawColor(0, 0, 0)
	y := pdf.GetY() + 2
	pdf.Line(25, y, width-25, y)
	pdf.Ln(8)

	pdf.SetFont("Helvetica", "", 11)
	for _, l := range doc.Lines {
		pdf.MultiCell(textWidth, 6, tr(l), "", "J", false)
		pdf.Ln(2)
	}

	pdf.SetY(-30)
	pdf.SetFont("Helvetica", "I", 8)
	pdf.SetTextColor(110, 110, 110)
	pdf.MultiCell(textWidth, 4, tr("Dibuat oleh perintah `spbe-mandiri demo`. Nomor, tanggal, nama dan isi dokumen ini rekaan; "+
		"bukan dokumen resmi "+instansi+"."), "", "C", false)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
