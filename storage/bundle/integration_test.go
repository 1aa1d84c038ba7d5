package bundle_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// storeLog adapts the storage export table to bundle.Log (as main does).
type storeLog struct{ db *storage.DB }

func (l storeLog) Supersedes(ctx context.Context, kode string, periode int) (*bundle.Supersedes, error) {
	r, err := l.db.LastExport(ctx, kode, periode)
	if errors.Is(err, assessment.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &bundle.Supersedes{BundleID: r.BundleID, ManifestSHA256: r.ManifestSHA256}, nil
}

func (l storeLog) MaxSequence(ctx context.Context, keyID string) (uint64, error) {
	return l.db.MaxExportSequence(ctx, keyID)
}

func (l storeLog) Begin(ctx context.Context, e bundle.Exported) error {
	return l.db.BeginExport(ctx, storage.ExportRecord{BundleID: e.BundleID, AssessmentID: e.AssessmentID,
		OPDKode: e.OPDKode, Periode: e.Periode, Sequence: e.Sequence, KeyID: e.KeyID,
		ManifestSHA256: e.ManifestSHA256, ContentDigest: e.ContentDigest, Path: e.Path, Size: e.Size})
}

func (l storeLog) Publish(ctx context.Context, e bundle.Exported) error {
	return l.db.PublishExport(ctx, e.BundleID, e.Path, e.Size)
}

func (l storeLog) Abandon(ctx context.Context, e bundle.Exported, release bool) error {
	return l.db.AbandonExport(ctx, e.BundleID, release)
}

func (l storeLog) Pending(ctx context.Context) ([]bundle.Exported, error) {
	list, err := l.db.PendingExports(ctx)
	out := make([]bundle.Exported, 0, len(list))
	for _, r := range list {
		out = append(out, bundle.Exported{Result: bundle.Result{BundleID: r.BundleID, Sequence: r.Sequence, KeyID: r.KeyID,
			ManifestSHA256: r.ManifestSHA256, ContentDigest: r.ContentDigest, Size: r.Size},
			AssessmentID: r.AssessmentID, OPDKode: r.OPDKode, Periode: r.Periode, Path: r.Path})
	}
	return out, err
}

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
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: storeLog{db}, App: bundle.App{Name: "spbe-mandiri", Version: "test"},
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
