package storage

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func addBytes(t *testing.T, db *DB, id string, indicator int, name string, content []byte) (assessment.Evidence, error) {
	t.Helper()
	return db.AddEvidence(context.Background(), id, indicator, assessment.EvidenceInput{
		Name: name, Reader: bytes.NewReader(content), Level: 3, Operator: "Rina",
	})
}

// blobFiles lists every file under blobs/, temporary ones included.
func blobFiles(t *testing.T, db *DB) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(db.blobRoot(), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func countRows(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEvidenceDeduplication(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	pdf := []byte("%PDF-1.4\n" + strings.Repeat("isi dokumen ", 1000))
	e1, err := addBytes(t, db, a.ID, 1, "sk-tim.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	e2, err := addBytes(t, db, a.ID, 2, "salinan/SK Tim.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if e1.Blob.SHA256 != e2.Blob.SHA256 || e1.ID == e2.ID {
		t.Fatalf("e1 %+v e2 %+v", e1, e2)
	}
	if e2.OriginalName != "SK Tim.pdf" || e1.Blob.MediaType != "application/pdf" || e1.Blob.Size != int64(len(pdf)) {
		t.Errorf("evidence = %+v", e2)
	}
	if files := blobFiles(t, db); len(files) != 1 || files[0] != db.BlobPath(e1.Blob.SHA256) {
		t.Errorf("blob files = %v", files)
	}
	if n := countRows(t, db, "blob"); n != 1 {
		t.Errorf("blob rows = %d", n)
	}
	list, err := db.Evidence(ctx, a.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("Evidence = %v %v", list, err)
	}
	r, err := db.OpenBlob(ctx, e1.Blob.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if !bytes.Equal(got, pdf) {
		t.Error("blob content differs")
	}
}

func TestEvidenceRemoveUndoAndNote(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	e, err := addBytes(t, db, a.ID, 1, "foto.jpg", []byte("\xff\xd8\xff\xe0 jpeg"))
	if err != nil {
		t.Fatal(err)
	}
	steps := []func() error{
		func() error { return db.RemoveEvidence(ctx, e.ID, "Budi") },
		func() error { return db.RemoveEvidence(ctx, e.ID, "Budi") }, // no-op
		func() error { return db.UndoRemoveEvidence(ctx, e.ID, "Rina") },
		func() error { return db.SetEvidenceNote(ctx, e.ID, "rapat 2024", "Rina") },
	}
	for i, s := range steps {
		if err := s(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if i == 0 {
			if list, _ := db.Evidence(ctx, a.ID); len(list) != 0 {
				t.Errorf("removed evidence still listed")
			}
		}
	}
	list, _ := db.Evidence(ctx, a.ID)
	if len(list) != 1 || list[0].Note != "rapat 2024" || list[0].Blob.MediaType != "image/jpeg" {
		t.Errorf("after undo: %+v", list)
	}
	hist, _ := db.History(ctx, a.ID, 1)
	var fields []string
	for _, h := range hist {
		fields = append(fields, h.Field+":"+h.Old+"→"+h.New)
	}
	if len(hist) != 4 || hist[1].New != "" || hist[2].Old != "" || !strings.Contains(hist[0].New, "foto.jpg") {
		t.Errorf("history:\n%s", strings.Join(fields, "\n"))
	}
	if err := db.RemoveEvidence(ctx, 999, "x"); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("unknown evidence: %v", err)
	}
}

// assertNothingStored checks that no blob, temp file or row was left.
func assertNothingStored(t *testing.T, db *DB) {
	t.Helper()
	if files := blobFiles(t, db); len(files) != 0 {
		t.Errorf("files left: %v", files)
	}
	for _, table := range []string{"blob", "evidence", "history"} {
		if n := countRows(t, db, table); n != 0 {
			t.Errorf("%s has %d rows", table, n)
		}
	}
	var res string
	db.sql.QueryRow(`PRAGMA integrity_check`).Scan(&res)
	if res != "ok" {
		t.Errorf("integrity_check = %q", res)
	}
}

func TestEvidenceTooLarge(t *testing.T) {
	db := openTest(t, WithMaxEvidenceSize(1000))
	a := newAssessment(t, db)
	if _, err := addBytes(t, db, a.ID, 1, "pas.bin", make([]byte, 1000)); err != nil {
		t.Fatalf("exactly the cap: %v", err)
	}
	db2 := openTest(t, WithMaxEvidenceSize(1000))
	a2 := newAssessment(t, db2)
	_, err := addBytes(t, db2, a2.ID, 1, "video.mp4", make([]byte, 1001))
	var te *EvidenceTooLargeError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "lebih besar dari batas") {
		t.Fatalf("over the cap: %v", err)
	}
	assertNothingStored(t, db2)
}

// failingReader returns n bytes, then err.
type failingReader struct {
	n   int
	err error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, r.err
	}
	k := min(len(p), r.n)
	r.n -= k
	return k, nil
}

func TestEvidenceUnreadable(t *testing.T) {
	db := openTest(t)
	a := newAssessment(t, db)
	_, err := db.AddEvidence(context.Background(), a.ID, 1, assessment.EvidenceInput{
		Name: "scan.pdf", Reader: &failingReader{n: 700 << 10, err: syscall.EIO}, Operator: "x",
	})
	var re *EvidenceReadError
	if !errors.As(err, &re) || !errors.Is(err, syscall.EIO) || !strings.Contains(err.Error(), "tidak dapat dibaca") {
		t.Fatalf("err = %v", err)
	}
	assertNothingStored(t, db)
}

func TestEvidenceFileShrinksWhileCopying(t *testing.T) {
	db := openTest(t)
	a := newAssessment(t, db)
	src := filepath.Join(t.TempDir(), "laporan.pdf")
	os.WriteFile(src, make([]byte, 1<<20), 0o600)
	f, _ := os.Open(src)
	defer f.Close()
	r := &shrinkingFile{File: f, path: src}
	_, err := db.AddEvidence(context.Background(), a.ID, 1, assessment.EvidenceInput{Name: "laporan.pdf", Reader: r, Operator: "x"})
	var re *EvidenceReadError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v", err)
	}
	assertNothingStored(t, db)
}

// shrinkingFile truncates itself after the first read, as when another
// program rewrites the file while it is being copied.
type shrinkingFile struct {
	*os.File
	path string
	done bool
}

func (f *shrinkingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	if !f.done {
		f.done = true
		os.Truncate(f.path, int64(n))
	}
	return n, err
}

// fullDisk accepts limit bytes and then fails with ENOSPC.
type fullDisk struct {
	*os.File
	limit    int
	failSync bool
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		f.limit = 0
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: errnoDiskFull}
	}
	f.limit -= len(p)
	return f.File.Write(p)
}

func (f *fullDisk) Sync() error {
	if f.failSync {
		return &os.PathError{Op: "sync", Path: f.Name(), Err: errnoDiskFull}
	}
	return f.File.Sync()
}

func injectFullDisk(t *testing.T, limit int, failSync bool) {
	old := createTemp
	createTemp = func(dir string) (blobFile, error) {
		f, err := os.CreateTemp(dir, tempPrefix+"*")
		if err != nil {
			return nil, err
		}
		return &fullDisk{File: f, limit: limit, failSync: failSync}, nil
	}
	t.Cleanup(func() { createTemp = old })
}

func TestEvidenceDiskFull(t *testing.T) {
	for _, tc := range []struct {
		name     string
		limit    int
		failSync bool
	}{{"write", 300 << 10, false}, {"sync", 1 << 30, true}} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			a := newAssessment(t, db)
			injectFullDisk(t, tc.limit, tc.failSync)
			_, err := addBytes(t, db, a.ID, 1, "besar.pdf", make([]byte, 1<<20))
			var de *DiskFullError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), "disk penuh") {
				t.Fatalf("err = %v", err)
			}
			assertNothingStored(t, db)
			// The store keeps working once space is back.
			createTemp = func(dir string) (blobFile, error) { return os.CreateTemp(dir, tempPrefix+"*") }
			if _, err := addBytes(t, db, a.ID, 1, "kecil.pdf", []byte("%PDF-1.4 ok")); err != nil {
				t.Fatalf("after disk full: %v", err)
			}
		})
	}
}

func TestEvidenceProgressAndBadInput(t *testing.T) {
	db := openTest(t)
	a := newAssessment(t, db)
	var last int64
	_, err := db.AddEvidence(context.Background(), a.ID, 1, assessment.EvidenceInput{
		Name: "data.csv", Reader: bytes.NewReader(make([]byte, 600<<10)), Operator: "x",
		Progress: func(n int64) { last = n },
	})
	if err != nil || last != 600<<10 {
		t.Fatalf("err %v progress %d", err, last)
	}
	var ie *assessment.InputError
	if _, err := addBytes(t, db, a.ID, 77, "x.pdf", []byte("x")); !errors.As(err, &ie) {
		t.Errorf("unknown indicator: %v", err)
	}
	if _, err := db.AddEvidence(context.Background(), a.ID, 1, assessment.EvidenceInput{Name: "x", Reader: strings.NewReader("x"), Level: 9}); !errors.As(err, &ie) {
		t.Errorf("level 9: %v", err)
	}
	if db.BlobPath("../../etc/passwd") != "" {
		t.Error("BlobPath accepted a path")
	}
}

func TestSniffMediaType(t *testing.T) {
	cases := []struct {
		head, name, want string
	}{
		{"%PDF-1.7", "a.bin", "application/pdf"},
		{"PK\x03\x04rest", "laporan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"no,nama\n1,a\n", "data.CSV", "text/csv; charset=utf-8"},
		{"\x89PNG\r\n\x1a\n", "foto.jpg", "image/png"},
		{"\x00\x01\x02", "x", "application/octet-stream"},
	}
	for _, c := range cases {
		if got := sniffMediaType([]byte(c.head), c.name); got != c.want {
			t.Errorf("%q %s: got %q want %q", c.head, c.name, got, c.want)
		}
	}
}
