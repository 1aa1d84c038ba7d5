package asesorsvc_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
)

// A second consolidation export into the same folder keeps the first
// (KONSOLIDASI_2025_2.csv); the workspace's own folder is refused.
func TestConsolidationExportKeepsEarlierFile(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	a := asesorsvctest.Consolidation(t, data)
	dest := t.TempDir()
	first, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dest, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(first, []byte("catatan asesor di berkas lama"), 0o644)
	second, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dest, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(second) != "KONSOLIDASI_2025_2.csv" || !bytes.Equal(asesorsvctest.ReadFile(t, first), []byte("catatan asesor di berkas lama")) {
		t.Fatalf("second export %s replaced or misnamed the first", second)
	}
	for _, dir := range []string{data, a.Workspace().Dir()} {
		if _, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dir, nil, time.Now()); !isDataFolderRefusal(err) {
			t.Errorf("export into %s: %v", dir, err)
		}
	}
}
