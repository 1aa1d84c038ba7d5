package report

import (
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestExternalText(t *testing.T) {
	vb := assessment.ValuedBy{Agency: "Bappenas", Index: "Indeks SDI", ScaleMin: "0", ScaleMax: "100", Conversion: []assessment.ConversionBand{
		{From: "12.5", To: "37.5", ValueFrom: "1.5", ValueTo: "2.5"}}}
	for _, tc := range []struct {
		e    *assessment.ExternalScore
		want string
	}{
		{&assessment.ExternalScore{Score: "25", Year: 2025}, "Indeks SDI (Bappenas): skor 25 (2025) → nilai konversi 2,00"},
		{nil, "Indeks SDI (Bappenas): skor belum diisi → dinilai 1,00 (asumsi KemenPANRB)"},
		{&assessment.ExternalScore{Score: "80"}, "Indeks SDI (Bappenas): skor 80 (konversi tidak tersedia di katalog)"},
	} {
		if got := externalText(vb, tc.e); got != tc.want {
			t.Errorf("externalText(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

// The report names a file's evidence items and shows an agency score
// with its converted value instead of "BELUM DIISI".
func TestRenderExternalAndItems(t *testing.T) {
	snap := pemdiSnapshot(t)
	snap.Answers = append(snap.Answers, assessment.Answer{Indicator: 5, External: &assessment.ExternalScore{Score: "25", Year: 2025}})
	snap.Evidence = []assessment.Evidence{{ID: 1, Indicator: 1, Blob: blob("sk", 1200), OriginalName: "SK Tim.pdf", Level: 1,
		Items: []string{"I1-L1-01"}}}
	text := pdfText(t, render(t, snap, testFooter))
	// (pdftotext keeps the report's line breaks)
	for _, w := range []string{"Butir: I1-L1-01", "skor 25 (2025) → nilai", "konversi 2,00", "skor belum diisi"} {
		if !strings.Contains(text, w) {
			t.Errorf("report text lacks %q", w)
		}
	}
}

// The sources' conflict on the order of I9's levels is printed beside
// the level claimed, so whoever reads the report sees it.
func TestRenderCatalogNotes(t *testing.T) {
	snap := pemdiSnapshot(t)
	snap.Answers = append(snap.Answers, assessment.Answer{Indicator: 9, Level: 3})
	text := strings.Join(strings.Fields(pdfText(t, render(t, snap, testFooter))), " ")
	for _, w := range []string{"Catatan katalog", "Konflik urutan tingkat"} {
		if !strings.Contains(text, w) {
			t.Errorf("report text lacks %q", w)
		}
	}
}
