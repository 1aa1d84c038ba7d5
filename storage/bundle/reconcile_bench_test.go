package bundle_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// BenchmarkExportLogged is one small export on the real store: pending
// row, counter, bundle, published row (what the export log costs).
func BenchmarkExportLogged(b *testing.B) {
	ctx := context.Background()
	data := b.TempDir()
	db, err := storage.Open(data)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	lib, a := seedStore(b, db)
	kd := keys.Open(data)
	key, err := kd.Create([]byte("frasa sandi uji"), time.Now())
	if err != nil {
		b.Fatal(err)
	}
	snap, err := bundle.LoadSnapshot(ctx, db, lib, a.ID)
	if err != nil {
		b.Fatal(err)
	}
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: export.Log(db), App: bundle.App{Name: "spbe-mandiri", Version: "test"},
		Report: func(_ assessment.Snapshot, info bundle.ReportInfo) ([]byte, string, error) {
			return []byte("%PDF-1.7 " + info.ContentDigest), "", nil
		}}
	open := func(sha string) (io.ReadCloser, error) { return db.OpenBlob(ctx, sha) }
	out := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		if _, err := exp.Export(ctx, snap, open, out, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReconcileNothingPending is what every start pays.
func BenchmarkReconcileNothingPending(b *testing.B) {
	db, err := storage.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if _, err := bundle.Reconcile(context.Background(), export.Log(db), ""); err != nil {
			b.Fatal(err)
		}
	}
}
