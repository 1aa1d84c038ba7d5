package bundle_test

import (
	"context"
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

type crash struct{}

// exportCrashing exports and stops dead right after the rename, before
// anything else runs (the process "dies" there).
func exportCrashing(t *testing.T, exp *bundle.Exporter, snap assessment.Snapshot, open func(string) (io.ReadCloser, error), dir string) {
	t.Helper()
	bundle.SetAfterRename(exp, func() { panic(crash{}) })
	defer func() {
		bundle.SetAfterRename(exp, nil)
		if r := recover(); r != (crash{}) {
			t.Fatalf("export did not reach the rename: %v", r)
		}
	}()
	exp.Export(context.Background(), snap, open, dir, nil)
}

// A crash right after the bundle is renamed into place, before the log
// is written, must not leave a valid bundle the OPD's log does not know
// (class 7): the next start finds it, and the next export supersedes it.
func TestCrashAfterRenameIsReconciledAtNextStart(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	db, err := storage.Open(data)
	if err != nil {
		t.Fatal(err)
	}
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
	report := func(_ assessment.Snapshot, info bundle.ReportInfo) ([]byte, string, error) {
		return []byte("%PDF-1.7 " + info.ContentDigest), "", nil
	}
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: export.Log(db), App: bundle.App{Name: "spbe-mandiri", Version: "test"}, Report: report}
	out := t.TempDir()
	exportCrashing(t, exp, snap, func(sha string) (io.ReadCloser, error) { return db.OpenBlob(ctx, sha) }, out)
	path := filepath.Join(out, "SPBE_BAPPEDA_2026_1.spbe")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the bundle is not in place: %v", err)
	}
	db.Close()

	// Next start.
	db, err = storage.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	done, err := bundle.Reconcile(ctx, export.Log(db), "")
	if err != nil || len(done) != 1 || done[0].Path != path {
		t.Fatalf("Reconcile = %+v, %v", done, err)
	}
	last, err := db.LastExport(ctx, "BAPPEDA", 2026)
	if err != nil || last.Path != path || last.Sequence != 1 || last.Status != storage.ExportPublished || last.Size == 0 {
		t.Fatalf("the log does not know the bundle: %+v, %v", last, err)
	}
	exp.Log = export.Log(db)
	next, err := exp.Export(ctx, snap, func(sha string) (io.ReadCloser, error) { return db.OpenBlob(ctx, sha) }, out, nil)
	if err != nil || next.Sequence != 2 || next.Supersedes == nil || next.Supersedes.BundleID != last.BundleID {
		t.Fatalf("next export %+v, %v", next, err)
	}
}

// A pending export whose folder is there but whose file is not (the crash
// came before the rename) is abandoned: not superseded, and its number is
// not used again, because its bytes may have been written.
func TestPendingWithoutFileIsAbandoned(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, a := seedStore(t, db)
	dir := t.TempDir()
	rec := storage.ExportRecord{BundleID: "01968f2a-5b3c-7d4e-8f90-000000000001", AssessmentID: a.ID, OPDKode: "BAPPEDA",
		Periode: 2026, Sequence: 1, KeyID: hex64('a'), ManifestSHA256: hex64('b'), ContentDigest: hex64('c'),
		Path: filepath.Join(dir, "SPBE_BAPPEDA_2026_1.spbe")}
	unplugged := rec
	unplugged.BundleID, unplugged.Sequence = "01968f2a-5b3c-7d4e-8f90-000000000002", 2
	unplugged.Path = filepath.Join(dir, "dicabut", "SPBE_BAPPEDA_2026_2.spbe")
	for _, r := range []storage.ExportRecord{rec, unplugged} {
		if err := db.BeginExport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if done, err := bundle.Reconcile(ctx, export.Log(db), ""); err != nil || len(done) != 0 {
		t.Fatalf("Reconcile = %+v, %v", done, err)
	}
	list, _ := db.Exports(ctx, a.ID)
	states := map[uint64]storage.ExportStatus{}
	for _, r := range list {
		states[r.Sequence] = r.Status
	}
	if states[1] != storage.ExportAbandoned || states[2] != storage.ExportPending {
		t.Fatalf("states %v", states)
	}
	if n, _ := db.MaxExportSequence(ctx, hex64('a')); n != 2 {
		t.Fatalf("MaxExportSequence = %d", n)
	}
	if _, err := db.LastExport(ctx, "BAPPEDA", 2026); err == nil {
		t.Fatal("an unpublished export would be superseded")
	}
}

func hex64(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
