package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func isDataFolderRefusal(err error) bool {
	var oe *assessment.OutputPathError
	return errors.As(err, &oe) && oe.Reason == assessment.OutputInDataFolder
}

// A second consolidation export into the same folder keeps the first
// (KONSOLIDASI_2025_2.csv); the workspace's own folder is refused.
func TestConsolidationExportKeepsEarlierFile(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	a := consolidationWorkspace(t, data)
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
	if filepath.Base(second) != "KONSOLIDASI_2025_2.csv" || !bytes.Equal(readFile(t, first), []byte("catatan asesor di berkas lama")) {
		t.Fatalf("second export %s replaced or misnamed the first", second)
	}
	for _, dir := range []string{data, a.w.Dir()} {
		if _, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dir, nil, time.Now()); !isDataFolderRefusal(err) {
			t.Errorf("export into %s: %v", dir, err)
		}
	}
}
