package sheet

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// SheetLembar is the sheet of the portal package's Lembar isian.
const SheetLembar = "Lembar isian"

// LembarHeaders are the columns of the Lembar isian (docs/portal-package.md).
var LembarHeaders = []string{"Nomor", "Nama indikator", "Level", "Folder", "Butir bukti dukung (ada/belum)", "Justifikasi"}

// maxCellRunes is what one Excel cell holds (32 767 characters); a longer
// justification is cut with a pointer to the PDF, which prints it whole.
const maxCellRunes = 32767

// WriteLembarIsian writes the Lembar isian of a portal package: the sheet
// "Lembar isian" (one row per indicator in the portal's order: number,
// name, level, folder, the items with their state, the justification to
// paste) and "Ringkasan" (OPD, periode, instrument).
func WriteLembarIsian(out io.Writer, p assessment.PortalPackage) error {
	t := table{name: SheetLembar, headers: LembarHeaders, keyCol: true}
	for _, pi := range p.Indicators {
		t.rows = append(t.rows, []cell{integer(pi.Number), text(pi.Name), text(pi.LevelText()), text(pi.FolderText()),
			text(strings.Join(pi.ItemLines(), "\n")), text(cellText(pi.Justification))})
	}
	source := "penilaian mandiri OPD"
	if p.Source == assessment.PortalSourceInstansi {
		source = "konsolidasi instansi (Tim Asesor Internal)"
	}
	sum := summary(
		item{"Instansi", text(p.Profile.Instansi)},
		item{"OPD", text(opdOf(p))},
		item{"Periode", integer(p.Periode)},
		item{"Instrumen", text(p.CatalogTitle)},
		item{"Sumber nilai", text(source)},
		item{"Berkas bukti dalam paket", integer(p.FileCount())},
	)
	return write(out, fmt.Sprintf("Lembar isian %s %d", p.Profile.OPDKode, p.Periode), t, sum)
}

// opdOf is whose package it is: the OPD, or the instansi's assessor team.
func opdOf(p assessment.PortalPackage) string {
	if p.Source == assessment.PortalSourceInstansi {
		return p.Profile.OPDNama
	}
	return strings.TrimSpace(p.Profile.OPDKode + " " + p.Profile.OPDNama)
}

// cellText fits a text into one cell.
func cellText(s string) string {
	if utf8.RuneCountInString(s) <= maxCellRunes {
		return s
	}
	const tail = "… (terpotong; teks lengkap di Lembar isian PDF)"
	r := []rune(s)
	return string(r[:maxCellRunes-utf8.RuneCountInString(tail)]) + tail
}
