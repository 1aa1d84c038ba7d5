package bundle_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestExportFromStore runs the whole export on the real store: profile,
// assessment, answers and evidence in SQLite, key in <data>/keys, bundle
// into a folder, export log back in SQLite.
func TestExportFromStore(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	db, err := storage.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lib, a := seedStore(t, db)

	kd := keys.Open(data)
	key, err := kd.Create([]byte("frasa sandi uji"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	snap, err := bundle.LoadSnapshot(ctx, db, lib, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: export.Log(db), App: bundle.App{Name: "spbe-mandiri", Version: "test"},
		Report: func(_ assessment.Snapshot, info bundle.ReportInfo) ([]byte, string, error) {
			return []byte("%PDF-1.7 " + info.ContentDigest), "", nil
		}}
	open := func(sha string) (io.ReadCloser, error) { return db.OpenBlob(ctx, sha) }
	out := t.TempDir()
	first, err := exp.Export(ctx, snap, open, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := exp.Export(ctx, snap, open, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Sequence != first.Sequence+1 || second.Supersedes == nil || second.Supersedes.ManifestSHA256 != first.ManifestSHA256 {
		t.Fatalf("second %+v", second)
	}
	b, err := os.ReadFile(second.Path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := bundle.Verify(bytes.NewReader(b), int64(len(b)), bundle.Options{Keys: []ed25519.PublicKey{key.PublicKey}})
	if err != nil {
		t.Fatal(err)
	}
	if v.Manifest.OPD.Kode != "BAPPEDA" || len(v.Answers.Answers) != 4 || len(v.Answers.Answers[0].Evidence) != 1 || !v.Answers.Score.Complete {
		t.Fatalf("verified %+v", v.Answers)
	}
	log, err := db.Exports(ctx, a.ID)
	if err != nil || len(log) != 2 || log[0].Path != second.Path {
		t.Fatalf("export log %+v %v", log, err)
	}
	if got, _ := db.Assessment(ctx, a.ID); got.Status != assessment.AssessmentExported {
		t.Fatalf("status %q", got.Status)
	}
	if filepath.Base(first.Path) != "SPBE_BAPPEDA_2026_1.spbe" {
		t.Fatalf("name %s", first.Path)
	}
}

func seedStore(t testing.TB, db *storage.DB) (*assessment.Library, assessment.Assessment) {
	ctx := context.Background()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("catalog.json", raw)
	if err != nil {
		t.Fatal(err)
	}
	lib := &assessment.Library{}
	if err := lib.Add(c, assessment.OriginImported, "catalog.json"); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveProfile(ctx, assessment.Profile{Instansi: "Pemerintah Kota Palu", OPDKode: "BAPPEDA",
		OPDNama: "Badan Perencanaan", Operator: "Andi"}); err != nil {
		t.Fatal(err)
	}
	a, err := db.CreateAssessment(ctx, c, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range c.Indicators {
		if err := db.SetLevel(ctx, a.ID, in.Number, 2+in.Number%3, "Andi"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.AddEvidence(ctx, a.ID, c.Indicators[0].Number, assessment.EvidenceInput{
		Name: "Perwal SPBE.pdf", Reader: bytes.NewReader([]byte("%PDF perwal")), Level: 3, Operator: "Andi",
	}); err != nil {
		t.Fatal(err)
	}
	return lib, a
}
