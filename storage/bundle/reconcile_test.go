package bundle

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestResolve(t *testing.T) {
	for o, want := range map[Observation]Resolution{
		ObsUnreachable: KeepPending, // the stick is in a drawer: say nothing yet
		ObsMissing:     Abandon,
		ObsDiffers:     Abandon,
		ObsMatches:     Publish,
	} {
		if got := Resolve(o); got != want {
			t.Errorf("Resolve(%d) = %d, want %d", o, got, want)
		}
	}
}

func TestReleaseOnFailure(t *testing.T) {
	for stage, want := range map[publishStage]bool{
		stageNone: true, stageLogged: true, // nothing written anywhere
		stageWriting: false, stageRenamed: false, // signed bytes may be on the medium
	} {
		if got := releaseOnFailure(stage); got != want {
			t.Errorf("releaseOnFailure(%d) = %v, want %v", stage, got, want)
		}
	}
}

func TestObserve(t *testing.T) {
	e, _, snap, open := newExporter(t)
	dir := t.TempDir()
	ex, err := e.Export(context.Background(), snap, open, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "lain.spbe")
	os.WriteFile(other, []byte("bukan zip"), 0o644)
	for _, c := range []struct {
		name, path, sha string
		want            Observation
	}{
		{"in place", ex.Path, ex.ManifestSHA256, ObsMatches},
		{"another bundle's manifest", ex.Path, ex.ContentDigest, ObsDiffers},
		{"not a bundle", other, ex.ManifestSHA256, ObsDiffers},
		{"not there", filepath.Join(dir, "SPBE_X_2026_9.spbe"), ex.ManifestSHA256, ObsMissing},
		{"stick unplugged", filepath.Join(dir, "dicabut", "SPBE_X_2026_9.spbe"), ex.ManifestSHA256, ObsUnreachable},
		{"a folder under the name", dir, ex.ManifestSHA256, ObsDiffers},
	} {
		obs, size := Observe(c.path, c.sha)
		if obs != c.want || (obs == ObsMatches) != (size == ex.Size) {
			t.Errorf("%s: Observe = %d (%d bytes), want %d", c.name, obs, size, c.want)
		}
	}
}

// Failed exports that wrote nothing do not use up sequence numbers: after
// three failures the first real bundle is _1 (issue 12), and nothing stays
// pending.
func TestFailedExportsKeepTheSequence(t *testing.T) {
	e, log, snap, open := newExporter(t)
	good := e.Report
	e.Report = func(assessment.Snapshot, ReportInfo) ([]byte, string, error) {
		return nil, "", errors.New("font rusak")
	}
	dir := t.TempDir()
	for range 3 {
		if _, err := e.Export(context.Background(), snap, open, dir, nil); err == nil {
			t.Fatal("export without a report succeeded")
		}
	}
	e.Report = good
	ex, err := e.Export(context.Background(), snap, open, dir, nil)
	if err != nil || filepath.Base(ex.Path) != "SPBE_DISKOMINFO_2026_1.spbe" || len(log.pending)+len(log.abandoned) != 0 {
		t.Fatalf("after three failures: %+v, %v (log %+v)", ex.Path, err, log)
	}
	if n, _ := e.Keys.LastSequence(e.Key.KeyID); n != 1 {
		t.Fatalf("counter %d", n)
	}
}

// A pending export found in place under the current destination (the
// stick came back under another drive letter) is published there.
func TestReconcileLooksInTheDestination(t *testing.T) {
	e, log, snap, open := newExporter(t)
	dir := t.TempDir()
	ex, err := e.Export(context.Background(), snap, open, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	log.records = nil
	moved := ex
	moved.Path = filepath.Join(t.TempDir(), "E", filepath.Base(ex.Path)) // the old drive letter, gone
	log.pending = []Exported{moved}
	done, err := Reconcile(context.Background(), log, dir)
	if err != nil || len(done) != 1 || done[0].Path != ex.Path || len(log.records) != 1 {
		t.Fatalf("Reconcile = %+v, %v", done, err)
	}
}

// An EIO on the folder fsync after the rename: the bundle is there, so the
// message says it is saved (bundel tersimpan), and the log keeps it pending
// until the next look confirms it — never a bundle the log does not know.
func TestFolderSyncFailureKeepsTheBundleKnown(t *testing.T) {
	e, log, snap, open := newExporter(t)
	e.syncDir = func(string) error { return &os.PathError{Op: "sync", Path: "x", Err: syscall.EIO} }
	dir := t.TempDir()
	ex, err := e.Export(context.Background(), snap, open, dir, nil)
	if err == nil || !strings.Contains(err.Error(), "tersimpan") || strings.Contains(err.Error(), "tidak disimpan") {
		t.Fatalf("message %v", err)
	}
	if ex.Path == "" || len(log.pending) != 1 || log.pending[0].BundleID != ex.BundleID {
		t.Fatalf("result %+v, pending %+v", ex, log.pending)
	}
	e.syncDir = nil
	if done, err := Reconcile(context.Background(), log, ""); err != nil || len(done) != 1 {
		t.Fatalf("Reconcile = %+v, %v", done, err)
	}
	next, err := e.Export(context.Background(), snap, open, dir, nil)
	if err != nil || next.Sequence != 2 || next.Supersedes == nil || next.Supersedes.BundleID != ex.BundleID {
		t.Fatalf("next %+v, %v", next, err)
	}
}
