package asesorsvc_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/sheet"
)

// The GUI's exports: a new file each time for the recap and the review
// (nothing on the stick overwritten), KONSOLIDASI_<periode>.xlsx.
func TestAsesorGUIExportsXLSX(t *testing.T) {
	_, w := asesorsvctest.Reviewed(t)
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
	asesorsvctest.OpenWorkbook(t, first)
	kons, err := w.ExportConsolidation(ctx, 2025, assessment.ExportXLSX, dest, nil)
	if err != nil || filepath.Base(kons) != "KONSOLIDASI_2025.xlsx" {
		t.Fatalf("consolidation export %q %v", kons, err)
	}
	asesorsvctest.OpenWorkbook(t, kons)
	rev, err := w.ExportReviewXLSX(ctx, exporttest.Input(t).BundleID, dest)
	if err != nil || filepath.Base(rev) != "TINJAUAN_DISKOMINFO_2025_3.xlsx" {
		t.Fatalf("review export %q %v", rev, err)
	}
	f := asesorsvctest.OpenWorkbook(t, rev)
	rows, _ := f.GetRows(sheet.SheetReview)
	if len(rows) < 2 || rows[1][1] == "" || rows[1][4] != "Sudah berjalan." {
		t.Errorf("review rows %q", rows[:min(len(rows), 2)])
	}
	if _, err := w.ExportReviewXLSX(ctx, exporttest.Input(t).BundleID, " "); err == nil {
		t.Error("an export without a folder succeeded")
	}
}
