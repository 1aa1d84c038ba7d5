package asesor

import (
	"context"
	"os"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// A bad bundle is one ditolak; the good bundles beside it in the folder
// are imported (class 8). A sequence beyond SQLite's INTEGER — which
// aborted the whole batch before — is now refused by the verifier itself
// (hostile corpus: "sequence beyond int64"), and intake.Storable stays as the
// importer's own guard; here the bad bundle is one cut short on the stick.
func TestImportBatchSurvivesABadBundle(t *testing.T) {
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	dir := t.TempDir()
	bad, a, b := newOPD("DINKES", 21), newOPD("DISDIK", 22), newOPD("BAPPEDA", 23)
	for _, o := range []*opd{bad, a, b} {
		addKey(t, w, o, "")
	}
	badPath, _ := bad.write(t, dir, spec{seq: 1})
	if data, err := os.ReadFile(badPath); err != nil || os.WriteFile(badPath, data[:len(data)/2], 0o644) != nil {
		t.Fatal(err)
	}
	a.write(t, dir, spec{seq: 1})
	b.write(t, dir, spec{seq: 1})
	res, err := w.Import(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatalf("Import aborted the batch: %v", err)
	}
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	for _, r := range res {
		switch {
		case r.Path == badPath:
			if r.Kind != intake.KindRejected || r.Reason == "" {
				t.Errorf("bad bundle: %+v", r)
			}
		case r.Kind != intake.KindNew:
			t.Errorf("good bundle %s: %s %s", r.Path, r.Kind, r.Reason)
		}
	}
	if n, _, _, _, _ := counts(t, w); n != 2 {
		t.Errorf("%d bundles stored, want 2", n)
	}
}
