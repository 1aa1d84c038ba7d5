package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// damagedFolders are data folders whose database is gone or damaged in a
// way SQLite itself would take for a new database; each must give a
// *CorruptError with the restore advice and be left exactly as it was.
func damagedFolders(t *testing.T) map[string]func(dir string) {
	real := func() []byte { // a database with a few pages of data
		t.Helper()
		db := openAt(t, t.TempDir())
		fill(t, db)
		a := newAssessment(t, db)
		db.SetJustification(context.Background(), a.ID, 1, strings.Repeat("panjang ", 4000), "x")
		db.Close()
		b, err := os.ReadFile(filepath.Join(db.Dir(), dbFileName))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	write := func(p string, b []byte) {
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return map[string]func(string){
		"empty database file": func(dir string) { write(filepath.Join(dir, dbFileName), nil) },
		"empty database file beside evidence": func(dir string) {
			write(filepath.Join(dir, dbFileName), nil)
			write(filepath.Join(dir, blobDirName, "ab", strings.Repeat("ab", 32)), []byte("bukti"))
		},
		"database cut after its header": func(dir string) {
			b := real()
			write(filepath.Join(dir, dbFileName), b[:len(b)/2])
		},
		"no database beside evidence": func(dir string) {
			write(filepath.Join(dir, blobDirName, "ab", strings.Repeat("ab", 32)), []byte("bukti"))
		},
		"no database beside the signing key": func(dir string) {
			write(filepath.Join(dir, keysDirName, "signing-key.json"), []byte(`{"kunci":"rahasia"}`))
		},
		"no database beside what a restore moved aside": func(dir string) {
			write(filepath.Join(dir, "sebelum-pulih-20250301-080000", dbFileName), real())
		},
	}
}

func TestDamagedDatabaseIsNeverReinitialised(t *testing.T) {
	for name, setup := range damagedFolders(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			setup(dir)
			before := snapshotTree(t, dir)
			_, err := Open(dir)
			var ce *CorruptError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), "spbe-mandiri restore") {
				t.Fatalf("Open = %v, want CorruptError pointing at restore", err)
			}
			if diff := cmp.Diff(before, snapshotTree(t, dir)); diff != "" {
				t.Errorf("folder changed by a refused Open (-before +after):\n%s", diff)
			}
		})
	}
}

// TestRestoreOverEmptyDatabase: the advice works — restore --force over a
// 0-byte database keeps the 0-byte file aside and brings the data back.
func TestRestoreOverEmptyDatabase(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	want := dumpAll(t, src)
	archive := backupBytes(t, src)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, dbFileName), nil, 0o600)
	db, err := Open(dir, TolerateCorrupt())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := restore(db, archive, false); err == nil {
		t.Fatal("restore over a damaged folder without --force succeeded")
	}
	moved, err := restore(db, archive, true)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, dumpAll(t, db)); diff != "" {
		t.Errorf("restored data differs:\n%s", diff)
	}
	if fi, err := os.Stat(filepath.Join(moved, dbFileName)); err != nil || fi.Size() != 0 {
		t.Errorf("the empty database was not kept aside: %v %v", fi, err)
	}
}

func TestNewFolderStillInitialises(t *testing.T) {
	for name, setup := range map[string]func(string){
		"missing":     func(string) {},
		"empty":       func(dir string) { os.MkdirAll(dir, 0o700) },
		"empty blobs": func(dir string) { os.MkdirAll(filepath.Join(dir, blobDirName, "ab"), 0o700) },
		"leftover new": func(dir string) {
			os.MkdirAll(dir, 0o700)
			os.WriteFile(filepath.Join(dir, newDBPrefix+"x.db"), []byte("setengah"), 0o600)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			setup(dir)
			db := openAt(t, dir)
			newAssessment(t, db)
			if m, _ := filepath.Glob(filepath.Join(dir, newDBPrefix+"*")); len(m) != 0 {
				t.Errorf("left behind: %v", m)
			}
		})
	}
}

// snapshotTree maps every path under dir to its content ("/" for folders).
func snapshotTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == lockFileName {
			return nil // taken and released by every Open
		}
		if fi.IsDir() {
			out[rel] = "/"
			return nil
		}
		b, _ := os.ReadFile(p)
		out[rel] = string(b)
		return nil
	})
	return out
}
