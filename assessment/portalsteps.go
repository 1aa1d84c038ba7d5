package assessment

import (
	"fmt"
	"strings"
)

// File names at the top of a portal package folder, beside the indicator
// folders (they sort after I01 … I47).
const (
	PortalStepsFile  = "LANGKAH-UNGGAH.txt"
	PortalLembarXLSX = "LEMBAR-ISIAN.xlsx"
	PortalLembarPDF  = "LEMBAR-ISIAN.pdf"
)

// PortalSteps is the text of LANGKAH-UNGGAH.txt: short Indonesian steps
// for eval.spbe.go.id and, per indicator, what to upload from which
// folder. Lines end in CRLF so that every Notepad shows them as lines.
func PortalSteps(p PortalPackage) string {
	lines := []string{
		"PAKET UNGGAH PORTAL — " + p.CatalogTitle,
		fmt.Sprintf("%s · Periode %d", strings.TrimSpace(p.Profile.OPDKode+" "+p.Profile.OPDNama), p.Periode),
		"",
		"Langkah di eval.spbe.go.id:",
		"1. Masuk ke eval.spbe.go.id dan buka indikator yang sama nomornya dengan folder (folder I04 = Indikator 4).",
		"2. Pilih level seperti tertulis di LEMBAR-ISIAN (xlsx atau pdf).",
		"3. Unggah berkas dari folder itu sesuai urutan namanya. Awal nama berkas adalah kode butir:",
		"   I04-L1-02_… diunggah pada butir I4-L1-02 (angka indikator tanpa nol di depan).",
		"   Berkas …-00_… belum dikaitkan dengan butir: pilih butirnya sendiri, atau kaitkan dulu di aplikasi.",
		"   Pada level yang butir resminya belum diketahui (LEMBAR-ISIAN: \"butir resmi belum diketahui\"),",
		"   berkas …-00_… adalah bukti level itu: unggah pada butir level tersebut yang ditampilkan portal.",
		"4. Salin justifikasi indikator itu dari LEMBAR-ISIAN ke kolom isian portal",
		"   (di aplikasi: tombol Salin pada layar indikator).",
		"5. Butir bertanda \"belum\" belum memiliki bukti: portal menolak level itu dan level di atasnya otomatis.",
		"6. Indikator yang dinilai dari indeks instansi lain (tanpa folder) tidak perlu diunggah buktinya.",
		"",
		"Isi paket:",
	}
	for _, pi := range p.Indicators {
		lines = append(lines, stepLine(pi))
	}
	lines = append(lines, "",
		"Paket ini salinan: bukti asli tetap tersimpan di aplikasi SPBE Mandiri. Buat paket baru setelah ada perubahan.")
	return strings.Join(lines, "\r\n") + "\r\n"
}

func stepLine(pi PortalIndicator) string {
	if pi.External != nil {
		return fmt.Sprintf("- Indikator %d: dinilai %s (%s), tanpa unggah bukti; nilai %s", pi.Number,
			pi.External.Agency, pi.External.Index, pi.External.ValueText())
	}
	missing := 0
	for _, it := range pi.Items {
		if !it.Present() {
			missing++
		}
	}
	s := fmt.Sprintf("- Indikator %d: belum ada berkas; level %s", pi.Number, pi.LevelText())
	if len(pi.Files) > 0 {
		s = fmt.Sprintf("- Folder %s → Indikator %d: level %s; %d berkas", pi.Folder, pi.Number, pi.LevelText(), len(pi.Files))
	}
	if missing > 0 {
		s += fmt.Sprintf("; %d butir belum ada bukti", missing)
	}
	if n := len(pi.Unlinked()); n > 0 {
		s += fmt.Sprintf("; %d berkas tanpa butir", n)
	}
	return s
}
