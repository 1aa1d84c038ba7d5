package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// oldOPDFolder is a copy of an OPD data folder made by the app at commit
// fcefa80 (schema 5, before evidence items; see testdata/fcefa80/README.md):
// a Pemdi 2026 assessment with indicator 4 at level 3, a file at level 1
// and one at level 3, indicator 1 at level 2.
func oldOPDFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "fcefa80", "opd"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestOldOPDFolderOpens: a data folder of the version before evidence
// items opens under the current schema with its answers and files, and
// its file attached at level 3 is the evidence of I4-L3-00 (the level
// whose official items are unknown).
func TestOldOPDFolderOpens(t *testing.T) {
	ctx := context.Background()
	db, err := Open(oldOPDFolder(t))
	if err != nil {
		t.Fatalf("old data folder does not open: %v", err)
	}
	defer db.Close()
	list, err := db.Assessments(ctx)
	if err != nil || len(list) != 1 || list[0].CatalogID != "pemdi-2026" {
		t.Fatalf("assessments %+v, %v", list, err)
	}
	answers, err := db.Answers(ctx, list[0].ID)
	if err != nil || len(answers) != 2 {
		t.Fatalf("answers %+v, %v", answers, err)
	}
	ev, err := db.Evidence(ctx, list[0].ID)
	if err != nil || len(ev) != 2 || len(ev[0].Items) != 0 {
		t.Fatalf("evidence %+v, %v", ev, err)
	}
	b, err := os.ReadFile(filepath.Join("..", "assets", "catalogs", "pemdi-2026.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("pemdi-2026.json", b)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := c.Indicator(4)
	cov := assessment.CoverItems(in, 3, ev)
	if got := cov.Items[len(cov.Items)-1]; got.Code != "I4-L3-00" || !got.Covered() {
		t.Errorf("I4-L3-00 %+v", got)
	}
	if cov.GapLevel != 1 { // the level-1 file names no item: the official L1 items are still missing
		t.Errorf("gap level %d, want 1 (missing %v)", cov.GapLevel, cov.Missing)
	}
	// It keeps working: a link can be made now.
	if err := db.SetEvidenceItems(ctx, c, ev[0].ID, []string{"I4-L1-01"}, "Rina"); err != nil {
		t.Fatalf("linking an old file: %v", err)
	}
}
