package bundle

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// memLog is an in-memory export log: records are the published exports.
type memLog struct {
	mu        sync.Mutex
	records   []Exported
	pending   []Exported
	abandoned []Exported
}

func (l *memLog) Supersedes(_ context.Context, kode string, periode int) (*Supersedes, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.records) - 1; i >= 0; i-- {
		if r := l.records[i]; r.OPDKode == kode && r.Periode == periode {
			return &Supersedes{BundleID: r.BundleID, ManifestSHA256: r.ManifestSHA256}, nil
		}
	}
	return nil, nil
}

func (l *memLog) MaxSequence(_ context.Context, keyID string) (uint64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var n uint64
	for _, list := range [][]Exported{l.records, l.pending, l.abandoned} {
		for _, r := range list {
			if r.KeyID == keyID {
				n = max(n, r.Sequence)
			}
		}
	}
	return n, nil
}

func (l *memLog) Begin(_ context.Context, e Exported) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = append(l.pending, e)
	return nil
}

// take removes the pending export id.
func (l *memLog) take(id string) {
	for i, p := range l.pending {
		if p.BundleID == id {
			l.pending = append(l.pending[:i:i], l.pending[i+1:]...)
			return
		}
	}
}

func (l *memLog) Publish(_ context.Context, e Exported) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.take(e.BundleID)
	l.records = append(l.records, e)
	return nil
}

func (l *memLog) Abandon(_ context.Context, e Exported, release bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.take(e.BundleID)
	if !release {
		l.abandoned = append(l.abandoned, e)
	}
	return nil
}

func (l *memLog) Pending(context.Context) ([]Exported, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Exported(nil), l.pending...), nil
}

var (
	keyOnce sync.Once
	keyDir  string
	testK   *keys.Key
)

// exportKey is one passphrase-protected key for all export tests (scrypt
// is deliberately slow).
func exportKey(t *testing.T) (*keys.Key, keys.Dir) {
	keyOnce.Do(func() {
		keyDir, _ = os.MkdirTemp("", "spbe-keys-")
		testK, _ = keys.Open(keyDir).Create([]byte("frasa sandi uji"), fixedTime)
	})
	if testK == nil {
		t.Fatal("test key not created")
	}
	// A fresh counter folder per test, same key.
	d := keys.Open(t.TempDir())
	return testK, d
}

func TestMain(m *testing.M) {
	code := m.Run()
	if keyDir != "" {
		os.RemoveAll(keyDir)
	}
	os.Exit(code)
}

func newExporter(t *testing.T) (*Exporter, *memLog, assessment.Snapshot, func(string) (io.ReadCloser, error)) {
	k, d := exportKey(t)
	in, store := fixture(t)
	log := &memLog{}
	e := &Exporter{Key: k, Keys: d, Log: log, App: App{Name: "spbe-mandiri", Version: "test"},
		Report: func(_ assessment.Snapshot, info ReportInfo) ([]byte, string, error) { return fakeReport(info) }}
	return e, log, in.Snapshot, store.open
}

func TestExportToFolder(t *testing.T) {
	e, log, snap, open := newExporter(t)
	dir := t.TempDir()
	var last int64
	first, err := e.Export(context.Background(), snap, open, dir, func(done, total int64) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first.Path) != "SPBE_DISKOMINFO_2026_1.spbe" || first.Supersedes != nil || last == 0 {
		t.Fatalf("first export %+v (progress %d)", first, last)
	}
	second, err := e.Export(context.Background(), snap, open, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Sequence != 2 || second.Supersedes == nil || second.Supersedes.BundleID != first.BundleID ||
		second.Supersedes.ManifestSHA256 != first.ManifestSHA256 {
		t.Fatalf("second export %+v", second)
	}
	for _, ex := range []Exported{first, second} {
		data, err := os.ReadFile(ex.Path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := verifyBytes(data, Options{Keys: []ed25519.PublicKey{e.Key.PublicKey}})
		if err != nil || v.ManifestSHA256 != ex.ManifestSHA256 || int64(len(data)) != ex.Size {
			t.Fatalf("verify %s: %v", ex.Path, err)
		}
	}
	assertOnly(t, dir, "SPBE_DISKOMINFO_2026_1.spbe", "SPBE_DISKOMINFO_2026_2.spbe")
	if len(log.records) != 2 {
		t.Fatalf("log %+v", log.records)
	}
}

// failingFile fails its writes after limit bytes with err.
type failingFile struct {
	*os.File
	limit int
	err   error
}

func (f *failingFile) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		f.limit = 0
		return n, f.err
	}
	f.limit -= len(p)
	return f.File.Write(p)
}

func TestExportDestinationFailures(t *testing.T) {
	for _, c := range []struct {
		name   string
		create func(dir, pattern string) (destFile, error)
		want   DestReason
		next   uint64 // the sequence of the next export
	}{
		{"disk full mid-write", func(dir, pattern string) (destFile, error) {
			f, err := os.CreateTemp(dir, pattern)
			return &failingFile{File: f, limit: 3000, err: &os.PathError{Op: "write", Path: f.Name(), Err: errnoDiskFull}}, err
		}, DestFull, 2},
		{"read-only medium", func(dir, pattern string) (destFile, error) {
			return nil, &os.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: errnoReadOnly}
		}, DestReadOnly, 1},
		{"permission denied", func(dir, pattern string) (destFile, error) {
			return nil, &os.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EACCES}
		}, DestDenied, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, log, snap, open := newExporter(t)
			e.create = c.create
			dir := t.TempDir()
			_, err := e.Export(context.Background(), snap, open, dir, nil)
			var de *DestinationError
			if !errors.As(err, &de) || de.Reason != c.want {
				t.Fatalf("got %v, want %s", err, c.want)
			}
			if !strings.Contains(err.Error(), destText[c.want]) {
				t.Fatalf("message %q", err)
			}
			assertOnly(t, dir) // nothing under the final name, no temp file
			if len(log.records) != 0 {
				t.Fatal("a failed export was logged")
			}
			// A number whose signed bytes may have reached the medium is
			// skipped, never reused; one that wrote nothing is used next
			// (issue 12: failed exports do not consume numbers).
			e.create = nil
			next, err := e.Export(context.Background(), snap, open, dir, nil)
			if err != nil || next.Sequence != c.next || len(log.pending) != 0 {
				t.Fatalf("export after failure: seq %d, %v", next.Sequence, err)
			}
		})
	}
}

func TestExportFolderProblems(t *testing.T) {
	e, _, snap, open := newExporter(t)
	file := filepath.Join(t.TempDir(), "bukan-folder")
	os.WriteFile(file, []byte("x"), 0o644)
	for dir, want := range map[string]DestReason{
		file:                                  DestNotFolder,
		filepath.Join(t.TempDir(), "dicabut"): DestMissing,
	} {
		_, err := e.Export(context.Background(), snap, open, dir, nil)
		var de *DestinationError
		if !errors.As(err, &de) || de.Reason != want {
			t.Errorf("%s: got %v, want %s", dir, err, want)
		}
	}
}

func TestExportNeverOverwrites(t *testing.T) {
	e, _, snap, open := newExporter(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "SPBE_DISKOMINFO_2026_1.spbe")
	os.WriteFile(existing, []byte("milik orang lain"), 0o644)
	_, err := e.Export(context.Background(), snap, open, dir, nil)
	var de *DestinationError
	if !errors.As(err, &de) || de.Reason != DestExists {
		t.Fatalf("got %v", err)
	}
	if data, _ := os.ReadFile(existing); string(data) != "milik orang lain" {
		t.Fatal("existing file overwritten")
	}
	assertOnly(t, dir, "SPBE_DISKOMINFO_2026_1.spbe")
}

func TestInterruptedExportLeavesNothing(t *testing.T) {
	e, log, snap, real := newExporter(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	open := func(sha string) (io.ReadCloser, error) {
		calls++
		if calls == 2 {
			cancel() // the user presses Batal while the second file is copied
		}
		return real(sha)
	}
	_, err := e.Export(ctx, snap, open, dir, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	assertOnly(t, dir)
	// A stored blob that no longer matches its hash is refused, too.
	changed := func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader([]byte("lain"))), nil }
	_, err = e.Export(context.Background(), snap, changed, dir, nil)
	var be *Error
	if !errors.As(err, &be) || be.Check != CheckEvidence {
		t.Fatalf("got %v", err)
	}
	assertOnly(t, dir)
	if len(log.records) != 0 {
		t.Fatal("logged")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"DISKOMINFO":       "SPBE_DISKOMINFO_2026_7.spbe",
		"dinas kominfo/..": "SPBE_DINAS-KOMINFO_2026_7.spbe",
		"":                 "SPBE_OPD_2026_7.spbe",
	} {
		if got := FileName(in, 2026, 7); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDestinationMessages (issue 11, class 13): "bundel tidak disimpan"
// only when it was not; a bundle renamed into place whose folder fsync
// failed is reported as saved.
func TestDestinationMessages(t *testing.T) {
	eio := &os.PathError{Op: "sync", Path: "/media/usb", Err: syscall.EIO}
	notSaved := destError("/media/usb", eio)
	if !strings.Contains(notSaved.Error(), "bundel tidak disimpan") {
		t.Errorf("not saved: %q", notSaved)
	}
	saved := destError("/media/usb", eio)
	saved.Path, saved.Saved = "/media/usb/SPBE_X_2026_1.spbe", true
	if msg := saved.Error(); strings.Contains(msg, "tidak disimpan") || !strings.Contains(msg, "bundel tersimpan utuh sebagai /media/usb/SPBE_X_2026_1.spbe") {
		t.Errorf("saved: %q", msg)
	}
}
