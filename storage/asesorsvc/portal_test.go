package asesorsvc_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/pdftest"
)

// TestInstansiPortalPackage: from a real assessor workspace the
// consolidation's package has the OPD layout, the consolidated values
// (indicator 2 settled at 2,5) and the evidence copied from the workspace.
func TestInstansiPortalPackage(t *testing.T) {
	a := asesorsvctest.Consolidation(t, t.TempDir())
	parent := t.TempDir()
	dir, err := a.InstansiPortalPackage(context.Background(), 2025, parent, nil)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir) != "Paket-portal_INSTANSI_2025" {
		t.Errorf("folder %s", dir)
	}
	// Indicator 1's value comes from BAPPEDA (DISKOMINFO's was sent back):
	// its SK.pdf, a general level-3 file without items.
	b, err := os.ReadFile(filepath.Join(dir, "I01", "I01-L3-00_SK.pdf"))
	if err != nil || len(b) == 0 {
		entries, _ := os.ReadDir(filepath.Join(dir, "I01"))
		t.Fatalf("I01/I01-L3-00_SK.pdf: %v (folder holds %v)", err, entries)
	}
	pdftest.AssertText(t, filepath.Join(dir, "LEMBAR-ISIAN.pdf"), "konsolidasi instansi", "2,5 (level 2", "Sudah berjalan.")
	// A second package goes beside it, never over it.
	again, err := a.InstansiPortalPackage(context.Background(), 2025, parent, nil)
	if err != nil || filepath.Base(again) != "Paket-portal_INSTANSI_2025_2" {
		t.Errorf("second package %s: %v", again, err)
	}
}
