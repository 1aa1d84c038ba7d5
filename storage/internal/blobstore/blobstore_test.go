package blobstore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func put(t *testing.T, s Store, data string) (string, bool) {
	t.Helper()
	tmp, err := s.Create(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(tmp, strings.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	created, err := tmp.Publish()
	if err != nil {
		t.Fatal(err)
	}
	return tmp.Sum(), created
}

// TestLayout: a file lands under ROOT/ab/abcdef… named by the hash of
// what was written (the layout both stores' folders already have), once.
func TestLayout(t *testing.T) {
	root := t.TempDir()
	s := New(root)
	sum, created := put(t, s, "isi bukti")
	want := sha256.Sum256([]byte("isi bukti"))
	if sum != hex.EncodeToString(want[:]) || !created {
		t.Fatalf("sum %s created %v", sum, created)
	}
	if p := s.Path(sum); p != filepath.Join(root, sum[:2], sum) {
		t.Fatalf("path %s", p)
	}
	if !s.Has(sum, 9) || s.Has(sum, 8) {
		t.Fatal("Has")
	}
	if _, created := put(t, s, "isi bukti"); created {
		t.Fatal("the same content was stored twice")
	}
	f, err := s.Open(sum)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "isi bukti" {
		t.Fatalf("content %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(root, TempPrefix+"*")); len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}

func TestBadAndMissingSums(t *testing.T) {
	s := New(t.TempDir())
	for _, bad := range []string{"", "x", strings.Repeat("A", 64), strings.Repeat("a", 63), strings.Repeat("g", 64)} {
		if s.Path(bad) != "" || ValidSum(bad) {
			t.Errorf("%q accepted", bad)
		}
		if _, err := s.Open(bad); !errors.Is(err, ErrBadSum) {
			t.Errorf("Open(%q) = %v", bad, err)
		}
	}
	if _, err := s.Open(strings.Repeat("ab", 32)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}

type failSync struct{ *os.File }

func (failSync) Sync() error { return errors.New("sync gagal") }

// TestFailedSyncLeavesNothing: a file that could not be made durable is
// neither published nor left as a temporary file; RemoveTemps clears
// what a crash leaves.
func TestFailedSyncLeavesNothing(t *testing.T) {
	root := t.TempDir()
	s := New(root)
	tmp, err := s.Create(func(dir string) (File, error) {
		f, err := CreateTemp(dir)
		if err != nil {
			return nil, err
		}
		return failSync{f.(*os.File)}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tmp.Write([]byte("x"))
	if created, err := tmp.Publish(); err == nil || created {
		t.Fatalf("Publish = %v, %v", created, err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 0 {
		t.Fatalf("left: %v", entries)
	}
	os.WriteFile(filepath.Join(root, TempPrefix+"123"), []byte("setengah"), 0o600)
	s.RemoveTemps()
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Fatalf("RemoveTemps left: %v", entries)
	}
}
