//go:build unix

package bundle_test

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

const exportCrashEnv = "SPBE_EXPORT_CRASH_CHILD" // "<data>\n<out>": run as the child that is killed

// TestExportCrashChild is the child of TestExportKilledAfterRename: it
// exports and SIGKILLs itself right after the rename, so nothing after it
// runs — no log update, no database close.
func TestExportCrashChild(t *testing.T) {
	env := os.Getenv(exportCrashEnv)
	if env == "" {
		t.Skip("child of TestExportKilledAfterRename")
	}
	data, out, _ := strings.Cut(env, "\n")
	ctx := context.Background()
	db, err := storage.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	exp, snap := storeExporter(t, db, data)
	bundle.SetAfterRename(exp, func() { syscall.Kill(os.Getpid(), syscall.SIGKILL) })
	exp.Export(ctx, snap, func(sha string) (io.ReadCloser, error) { return db.OpenBlob(ctx, sha) }, out, nil)
	t.Fatal("the export was not killed")
}

// storeExporter is the exporter of the store's assessment in data, with
// the key made by TestExportKilledAfterRename.
func storeExporter(t *testing.T, db *storage.DB, data string) (*bundle.Exporter, assessment.Snapshot) {
	t.Helper()
	ctx := context.Background()
	lib, a := loadSeeded(t, db)
	kd := keys.Open(data)
	key, err := kd.Unlock([]byte("frasa sandi uji"))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := bundle.LoadSnapshot(ctx, db, lib, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return &bundle.Exporter{Key: key, Keys: kd, Log: export.Log(db), App: bundle.App{Name: "spbe-mandiri", Version: "test"},
		Report: func(_ assessment.Snapshot, info bundle.ReportInfo) ([]byte, string, error) {
			return []byte("%PDF-1.7 " + info.ContentDigest), "", nil
		}}, snap
}

// loadSeeded finds the assessment seedStore made.
func loadSeeded(t *testing.T, db *storage.DB) (*assessment.Library, assessment.Assessment) {
	t.Helper()
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
	list, err := db.Assessments(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("assessments %+v %v", list, err)
	}
	return lib, list[0]
}

// A process SIGKILLed right after the bundle was renamed into place
// leaves a bundle the log knows after the next start (class 7).
func TestExportKilledAfterRename(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	db, err := storage.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	seedStore(t, db)
	db.Close()
	if _, err := keys.Open(data).Create([]byte("frasa sandi uji"), time.Now()); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestExportCrashChild$")
	cmd.Env = append(os.Environ(), exportCrashEnv+"="+data+"\n"+out)
	outb, err := cmd.CombinedOutput()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("child not killed (%v): %s", err, outb)
	}
	path := filepath.Join(out, "SPBE_BAPPEDA_2026_1.spbe")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no bundle in place: %v", err)
	}

	// The next start.
	ctx := context.Background()
	db, err = storage.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if done, err := bundle.Reconcile(ctx, export.Log(db), ""); err != nil || len(done) != 1 {
		t.Fatalf("Reconcile = %+v, %v", done, err)
	}
	last, err := db.LastExport(ctx, "BAPPEDA", 2026)
	if err != nil || last.Path != path || last.Status != storage.ExportPublished {
		t.Fatalf("log after the crash: %+v, %v", last, err)
	}
	if n, _ := keys.Open(data).LastSequence(last.KeyID); n != 1 {
		t.Fatalf("counter %d", n)
	}
}
