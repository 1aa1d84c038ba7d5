package main

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/sheet"
)

// sheetWorkspace is an assessor workspace in a data folder with the
// DISKOMINFO bundle of periode 2025 imported and indicator 1 reviewed
// with the value 2,5.
func sheetWorkspace(t *testing.T) (data string, w app.AsesorWorkspace) {
	t.Helper()
	ctx := context.Background()
	data = t.TempDir()
	w, err := openAsesorGUI(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	key := registerOPDKey(t, w)
	usb := t.TempDir()
	if err := os.WriteFile(filepath.Join(usb, "a.spbe"), writeBundle(t, exporttest.Input(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := w.Import(ctx, []string{usb}, nil); err != nil || len(out) != 1 || out[0].Kind != intake.KindNew {
		t.Fatalf("import %+v %v", out, err)
	}
	if err := w.SaveReview(ctx, assessment.ReviewDecision{BundleID: exporttest.Input(t).BundleID, Indicator: 1, Value: "2,5",
		Status: assessment.ReviewAccepted, Note: "=HYPERLINK(\"http://contoh.invalid\",\"klik\")", Reviewer: "Asesor"}); err != nil {
		t.Fatal(err)
	}
	return data, w
}

// openWorkbook checks that path is a zip holding a workbook and opens it.
func openWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	for _, want := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s lacks %s: %q", filepath.Base(path), want, names)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s does not open as a workbook: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rawNumber is a cell's stored value, which must be a number.
func rawNumber(t *testing.T, f *excelize.File, sheetName, ref string) float64 {
	t.Helper()
	if typ, _ := f.GetCellType(sheetName, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s: type %v, want a number", sheetName, ref, typ)
	}
	raw, _ := f.GetCellValue(sheetName, ref, excelize.Options{RawCellValue: true})
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheetName, ref, raw, err)
	}
	return v
}

// `recap --xlsx FILE` writes a workbook whose index is a number.
func TestRecapXLSXCommand(t *testing.T) {
	data, w := sheetWorkspace(t)
	w.Close()
	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	if got := mustCLI(t, "recap", "--data", data, "--xlsx", out); !strings.Contains(got, out) || !strings.Contains(got, "1 baris") {
		t.Errorf("stdout %q", got)
	}
	f := openWorkbook(t, out)
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet.SheetRecap}) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue(sheet.SheetRecap, "A2"); v != "DISKOMINFO" {
		t.Errorf("A2 = %q", v)
	}
	if v := rawNumber(t, f, sheet.SheetRecap, "D2"); v != 3 {
		t.Errorf("Indeks %v, want 3", v)
	}
	// The output-path policy holds for workbooks too: an existing file is
	// kept unless --force, and nothing is written into the data folder.
	before, _ := os.ReadFile(out)
	if code, _, e := runCLI(t, "recap", "--data", data, "--xlsx", out); code != 1 || !strings.Contains(e, "--force") {
		t.Errorf("existing workbook: exit %d, %q", code, e)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Error("an existing workbook was replaced without --force")
	}
	mustCLI(t, "recap", "--data", data, "--xlsx", out, "--force")
	inside := filepath.Join(data, "rekap.xlsx")
	if code, _, e := runCLI(t, "recap", "--data", data, "--xlsx", inside, "--force"); code != 1 || storage.FileExists(inside) {
		t.Errorf("workbook into the data folder: exit %d, %q", code, e)
	}
	for _, bad := range [][]string{{"--xlsx", out, "--csv"}, {"--xlsx", out, "--json"}, {"--xlsx", filepath.Join(t.TempDir(), "rekap.csv")}} {
		if code, _, _ := runCLI(t, append([]string{"recap", "--data", data}, bad...)...); code != 2 {
			t.Errorf("recap %q: exit %d, want 2 (usage)", bad, code)
		}
	}
}

func TestConsolidateAndReviewXLSXCommands(t *testing.T) {
	data, w := sheetWorkspace(t)
	w.Close()
	dir := t.TempDir()
	kons := filepath.Join(dir, "konsolidasi.xlsx")
	mustCLI(t, "consolidate", "show", "--data", data, "--periode", "2025", "--xlsx", kons)
	f := openWorkbook(t, kons)
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet.SheetConsolidation, sheet.SheetSummary}) {
		t.Fatalf("sheets %q", got)
	}
	if v := rawNumber(t, f, sheet.SheetConsolidation, "C2"); v != 2.5 {
		t.Errorf("Nilai indikator 1 = %v, want 2.5", v)
	}
	if v, _ := f.GetCellValue(sheet.SheetConsolidation, "B2"); v == "" {
		t.Error("no indicator name")
	}

	tinj := filepath.Join(dir, "tinjauan.xlsx")
	mustCLI(t, "review", "show", "--data", data, "--bundle", exporttest.Input(t).BundleID[:13], "--xlsx", tinj)
	f = openWorkbook(t, tinj)
	if v := rawNumber(t, f, sheet.SheetReview, "H2"); v != 2.5 {
		t.Errorf("Nilai = %v, want 2.5", v)
	}
	if v, _ := f.GetCellValue(sheet.SheetReview, "K2"); !strings.HasPrefix(v, "=HYPERLINK") {
		t.Errorf("Catatan = %q", v)
	}
	if fo, _ := f.GetCellFormula(sheet.SheetReview, "K2"); fo != "" {
		t.Errorf("the note became a formula: %q", fo)
	}
	if code, _, _ := runCLI(t, "review", "--data", data, "--bundle", "x", "--indicator", "1", "--status", "diterima", "--xlsx", tinj); code != 2 {
		t.Errorf("review (not show) --xlsx: exit %d, want 2", code)
	}
}

// The GUI's exports: a new file each time for the recap and the review
// (nothing on the stick overwritten), KONSOLIDASI_<periode>.xlsx.
func TestAsesorGUIExportsXLSX(t *testing.T) {
	_, w := sheetWorkspace(t)
	ctx := context.Background()
	dest := filepath.Join(t.TempDir(), "flashdisk")
	first, err := w.ExportRecapXLSX(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	second, err := w.ExportRecapXLSX(ctx, dest)
	if err != nil || second == first || filepath.Ext(first) != ".xlsx" || !strings.HasPrefix(filepath.Base(first), "REKAP_OPD_") {
		t.Fatalf("recap exports %q %q %v", first, second, err)
	}
	openWorkbook(t, first)
	kons, err := w.ExportConsolidation(ctx, 2025, assessment.ExportXLSX, dest, nil)
	if err != nil || filepath.Base(kons) != "KONSOLIDASI_2025.xlsx" {
		t.Fatalf("consolidation export %q %v", kons, err)
	}
	openWorkbook(t, kons)
	rev, err := w.ExportReviewXLSX(ctx, exporttest.Input(t).BundleID, dest)
	if err != nil || filepath.Base(rev) != "TINJAUAN_DISKOMINFO_2025_3.xlsx" {
		t.Fatalf("review export %q %v", rev, err)
	}
	f := openWorkbook(t, rev)
	rows, _ := f.GetRows(sheet.SheetReview)
	if len(rows) < 2 || rows[1][1] == "" || rows[1][4] != "Sudah berjalan." {
		t.Errorf("review rows %q", rows[:min(len(rows), 2)])
	}
	if _, err := w.ExportReviewXLSX(ctx, exporttest.Input(t).BundleID, " "); err == nil {
		t.Error("an export without a folder succeeded")
	}
}
