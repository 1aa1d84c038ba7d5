package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// lembarPackage is the portal package of a Pemdi self-assessment: I1 at
// level 2 with one of its items, I4 with a file for two items and one
// without an item, I5 valued by SDI (25 → 2,00).
func lembarPackage(t testing.TB) assessment.PortalPackage {
	s := pemdiSnapshot(t)
	s.Answers = append(s.Answers,
		assessment.Answer{Indicator: 4, Level: 1, Justification: "FAKTA:\n- SK Tim Koordinasi Pemdi Nomor 12/2026\nJUSTIFIKASI LEVEL:\n- Level 1 karena tim ditetapkan."},
		assessment.Answer{Indicator: 5, External: &assessment.ExternalScore{Score: "25", Year: 2025}},
		assessment.Answer{Indicator: 8, Justification: assessment.JustificationTemplate(nil, "")})
	s.Evidence = []assessment.Evidence{
		{ID: 1, Indicator: 1, Blob: blob("rencana", 1200), OriginalName: "Rencana Aksi Pemdi.pdf", Level: 1, Items: []string{"I1-L1-01"}},
		{ID: 2, Indicator: 4, Blob: blob("sk", 900), OriginalName: "SK Tim Koordinasi.pdf", Level: 1, Items: []string{"I4-L1-01", "I4-L1-02"}},
		{ID: 3, Indicator: 4, Blob: blob("foto", 300), OriginalName: "foto rapat.jpg", Level: 1},
	}
	p, err := assessment.PlanPortalPackage(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func renderLembar(t testing.TB, p assessment.PortalPackage) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderLembarIsian(&buf, p, genAt); err != nil {
		t.Fatal(err)
	}
	if *keepOut != "" {
		writeOut(t, "lembar-isian.pdf", buf.Bytes())
	}
	return buf.Bytes()
}

func TestLembarIsianText(t *testing.T) {
	pdf := renderLembar(t, lembarPackage(t))
	text := pdfText(t, pdf)
	for _, w := range []string{
		"LEMBAR ISIAN PORTAL", "Periode 2026", "penilaian mandiri OPD", "Katalog sementara",
		"Indikator 1", "2 — Membangun", "I1-L1-01 ada: I01-L1-01_Rencana Aksi Pemdi.pdf", "I1-L2-01 belum",
		"I4-L1-01 ada: I04-L1-01_SK Tim Koordinasi.pdf", "I4-L1-02 ada: I04-L1-02_SK Tim Koordinasi.pdf",
		"tanpa butir: I04-L1-00_foto rapat.jpg", "SK Tim Koordinasi Pemdi Nomor 12/2026",
		"dinilai Bappenas: 2,00", "25 (2025)", "(templat belum diisi)", "Indikator 20", "(belum ada justifikasi)", "Halaman",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("lembar lacks %q", w)
		}
	}
	if strings.Contains(text, "{nb}") {
		t.Error("page-count alias left unreplaced")
	}
	if again := renderLembar(t, lembarPackage(t)); !bytes.Equal(again, pdf) {
		t.Error("the same package gives different bytes")
	}
}

func TestLembarIsianNeedsTime(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderLembarIsian(&buf, lembarPackage(t), time.Time{}); err == nil || buf.Len() > 0 {
		t.Errorf("a lembar without a time: %v, %d bytes", err, buf.Len())
	}
}

// The instansi's lembar has the Pemda and its assessor team on the
// letterhead and says whose values it carries.
func TestLembarIsianInstansi(t *testing.T) {
	c := pemdiSnapshot(t).Catalog
	p, err := assessment.PlanInstansiPortalPackage(assessment.InstansiPortal{Catalog: c, Periode: 2026, Instansi: "Pemerintah Kabupaten Sigi",
		Rows: []assessment.InstansiPortalRow{{Indicator: 4, Value: "1.3", Answer: assessment.Answer{Justification: "Tim sudah ditetapkan."}}}})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, renderLembar(t, p))
	for _, w := range []string{"PEMERINTAH KABUPATEN SIGI", "TIM ASESOR INTERNAL", "nilai konsolidasi instansi", "1,3 (level 1 — Merintis)", "Tim sudah ditetapkan."} {
		if !strings.Contains(text, w) {
			t.Errorf("instansi lembar lacks %q", w)
		}
	}
	if strings.Contains(text, "Kode Perangkat Daerah") {
		t.Error("the instansi lembar names an OPD code")
	}
}
