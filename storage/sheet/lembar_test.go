package sheet

import (
	"io"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func portalPackage() assessment.PortalPackage {
	return assessment.PortalPackage{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Contoh", OPDKode: "DISKOMINFO", OPDNama: "Dinas Kominfo"},
		Periode: 2026, CatalogTitle: "Indeks Pemerintah Digital", Source: assessment.PortalSourceOPD,
		Indicators: []assessment.PortalIndicator{
			{Number: 4, Name: "Tingkat Kematangan Kolaborasi Pemerintah Digital", Folder: "I04", Level: 2, LevelName: "Membangun",
				Justification: "=FAKTA: SK Bupati 12/2026\nANALISIS: …",
				Items:         []assessment.PortalItem{{Code: "I4-L1-01", Level: 1, Files: []string{"I04-L1-01_SK.pdf"}}, {Code: "I4-L1-02", Level: 1}},
				Files:         []assessment.PortalFile{{Name: "I04-L1-01_SK.pdf", Item: "I4-L1-01", Level: 1}}},
			{Number: 5, Name: "Tingkat Kematangan Tata Kelola Data",
				External: &assessment.PortalExternal{Agency: "Bappenas", Index: "Indeks SDI", Score: "25", Year: 2025, Value: big.NewRat(2, 1)}},
		},
	}
}

func TestLembarWorkbook(t *testing.T) {
	f, data := open(t, func(w io.Writer) error { return WriteLembarIsian(w, portalPackage()) })
	parts(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetLembar, SheetSummary}) {
		t.Fatalf("sheets %q", got)
	}
	if got := row(t, f, SheetLembar, 1); !slices.Equal(got, LembarHeaders) {
		t.Errorf("header %q", got)
	}
	want := []string{"4", "Tingkat Kematangan Kolaborasi Pemerintah Digital", "2 — Membangun", "I04",
		"I4-L1-01 ada: I04-L1-01_SK.pdf\nI4-L1-02 belum", "=FAKTA: SK Bupati 12/2026\nANALISIS: …"}
	if got := row(t, f, SheetLembar, 2); !slices.Equal(got, want) {
		t.Errorf("row of I4:\n got  %q\n want %q", got, want)
	}
	ext := row(t, f, SheetLembar, 3)
	if ext[2] != "dinilai Bappenas: 2,00" || ext[3] != "— (tanpa unggah bukti)" || !strings.Contains(ext[4], "skor Indeks SDI: 25 (2025)") {
		t.Errorf("row of I5: %q", ext)
	}
	// A justification starting with "=" stays text.
	if typ, _ := f.GetCellType(SheetLembar, "F2"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("F2 type %v, want a string", typ)
	}
	assertNumber(t, f, SheetLembar, "A2", 4, fmtInteger)
	assertFrozen(t, f, SheetLembar, true)
	name, _ := f.GetColWidth(SheetLembar, "B")
	num, _ := f.GetColWidth(SheetLembar, "A")
	if name <= num || name > maxWidth {
		t.Errorf("widths: nama %v, nomor %v", name, num)
	}
	if h, _ := f.GetRowHeight(SheetLembar, 2); h < 2*lineHeight {
		t.Errorf("row 2 is %v pt high; its two item lines need %d", h, 2*lineHeight)
	}
	if got := row(t, f, SheetSummary, 4); !slices.Equal(got, []string{"Periode", "2026"}) {
		t.Errorf("summary %q", got)
	}
}

func TestCellText(t *testing.T) {
	long := strings.Repeat("a", maxCellRunes+10)
	got := cellText(long)
	if n := len([]rune(got)); n != maxCellRunes || !strings.HasSuffix(got, "Lembar isian PDF)") {
		t.Errorf("%d runes, ends %q", n, got[len(got)-30:])
	}
	if cellText("pendek") != "pendek" {
		t.Error("a short text changed")
	}
}
