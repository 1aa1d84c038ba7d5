package asesor

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// The fixtures in ../testdata/fcefa80 were made by the app at commit
// fcefa80, before evidence items (workspace schema 5, answers.json
// format 1; see its README.md): DISKOMINFO's Pemdi 2026 bundle with I4 at
// level 3 (a file at level 1, one at level 3) and I1 at level 2, imported
// and I1 reviewed diterima.
const oldFixtures = "../testdata/fcefa80"

// TestOldWorkspaceOpens: the old workspace opens under the current schema
// with its bundle and review, and I4's item review has I4-L3-00 backed by
// the file the OPD attached at level 3 — judged and computed like any
// item.
func TestOldWorkspaceOpens(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), DirName)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(oldFixtures, "ws", DirName))); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir, WithLibrary(library(t, testCatalog(t))))
	if err != nil {
		t.Fatalf("old workspace does not open: %v", err)
	}
	defer w.Close()
	recap, err := w.Recap(ctx)
	if err != nil || len(recap) != 1 || recap[0].OPDKode != "DISKOMINFO" {
		t.Fatalf("recap %+v, %v", recap, err)
	}
	id := recap[0].BundleID
	reviews, err := w.Reviews(ctx, id)
	if err != nil || len(reviews) != 1 || reviews[0].Indicator != 1 || reviews[0].Status != ReviewAccepted {
		t.Fatalf("reviews %+v, %v", reviews, err)
	}
	items, err := w.Items(ctx, id, 4)
	if err != nil {
		t.Fatal(err)
	}
	l3, ok := items.Review.Item("I4-L3-00")
	if !ok || !l3.Linked {
		t.Fatalf("I4-L3-00 %+v (found %v) in %+v", l3, ok, items.Review.Items)
	}
	for _, s := range items.Review.Items {
		if _, err := w.ReviewItem(ctx, ItemReviewInput{BundleID: id, Indicator: 4, Code: s.Code, Status: ReviewAccepted, Reviewer: "Budi"}); err != nil {
			t.Fatalf("%s: %v", s.Code, err)
		}
	}
	if items, _ = w.Items(ctx, id, 4); items.Review.Computed != "3" {
		t.Errorf("computed %q, want 3", items.Review.Computed)
	}
}

// TestOldBundleImports: the old bundle (answers.json format 1, no item
// links) verifies and imports into a current workspace.
func TestOldBundleImports(t *testing.T) {
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	if _, _, err := w.AddKeyFile(context.Background(), filepath.Join(oldFixtures, "stick", "KUNCI_PUBLIK_DISKOMINFO.json"), "DISKOMINFO"); err != nil {
		t.Fatal(err)
	}
	res := importOne(t, w, filepath.Join(oldFixtures, "stick", "SPBE_DISKOMINFO_2026_1.spbe"))
	if res.Kind != intake.KindNew || res.OPDKode != "DISKOMINFO" {
		t.Fatalf("old bundle: %+v", res)
	}
}
