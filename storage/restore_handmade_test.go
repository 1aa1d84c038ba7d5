package storage

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// remakeArchive rebuilds a backup after fn changed its entries, with an
// honest SHA256SUMS: what a careful forger would hand over.
func remakeArchive(t testing.TB, archive []byte, fn func(files map[string][]byte)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		if f.Name == sumsName {
			continue
		}
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	fn(files)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var out, sums bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, n := range names {
		w, _ := zw.Create(n)
		w.Write(files[n])
		h := sha256.Sum256(files[n])
		sums.WriteString(hex.EncodeToString(h[:]) + "  " + n + "\n")
	}
	w, _ := zw.Create(sumsName)
	w.Write(sums.Bytes())
	zw.Close()
	return out.Bytes()
}

// alterDB runs statements on the archive's database.
func alterDB(t testing.TB, stmts ...string) func(map[string][]byte) {
	return func(files map[string][]byte) {
		p := filepath.Join(t.TempDir(), "db")
		if err := os.WriteFile(p, files[archiveDB], 0o600); err != nil {
			t.Fatal(err)
		}
		pool, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if _, err := pool.Exec(s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
		pool.Close()
		files[archiveDB], _ = os.ReadFile(p)
	}
}

// firstBlob is the name of the archive's first evidence entry.
func firstBlob(files map[string][]byte) string {
	var names []string
	for n := range files {
		if strings.HasPrefix(n, blobDirName+"/") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names[0]
}

// handMadeArchives are backups edited by hand so that every checksum
// still matches, each with the phrase its refusal must contain.
func handMadeArchives(t testing.TB, good []byte) map[string]struct {
	archive []byte
	want    string
} {
	type c = struct {
		archive []byte
		want    string
	}
	return map[string]c{
		"blob under another folder": {remakeArchive(t, good, func(files map[string][]byte) {
			n := firstBlob(files)
			files[path.Join(blobDirName, flipPrefix(path.Base(n)), path.Base(n))] = files[n]
			delete(files, n)
		}), "tidak sama dengan namanya"},
		"blob under a wrong hash": {remakeArchive(t, good, func(files map[string][]byte) {
			n := firstBlob(files)
			files[n] = append(files[n], " diubah"...)
		}), "tidak sama dengan namanya"},
		"evidence file missing": {remakeArchive(t, good, func(files map[string][]byte) {
			delete(files, firstBlob(files))
		}), "tidak ada di arsip"},
		"history triggers dropped": {remakeArchive(t, good, alterDB(t,
			`DROP TRIGGER history_no_update`, `DROP TRIGGER history_no_delete`)), "pemicu history_no_update hilang"},
		"evidence trigger emptied": {remakeArchive(t, good, alterDB(t,
			`DROP TRIGGER evidence_no_delete`,
			`CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence BEGIN SELECT 1; END`)), "pemicu evidence_no_delete diubah"},
		"extra trigger": {remakeArchive(t, good, alterDB(t,
			`CREATE TRIGGER wipe AFTER INSERT ON answer BEGIN DELETE FROM evidence; END`)), "pemicu wipe tidak dikenal"},
		"table dropped":     {remakeArchive(t, good, alterDB(t, `DROP TABLE feedback_item`)), "tabel feedback_item hilang"},
		"no schema version": {remakeArchive(t, good, alterDB(t, `PRAGMA user_version = 0`)), "user_version 0"},
	}
}

// flipPrefix returns a two-digit folder name that is not sum's own.
func flipPrefix(sum string) string {
	if strings.HasPrefix(sum, "00") {
		return "11"
	}
	return "00"
}

func TestRestoreRefusesHandMadeArchives(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	good := backupBytes(t, src)
	for name, tc := range handMadeArchives(t, good) {
		t.Run(name, func(t *testing.T) {
			dst := openTest(t)
			fill(t, dst)
			before := dumpAll(t, dst)
			files := blobFiles(t, dst)
			_, err := restore(dst, tc.archive, true)
			var ae *ArchiveError
			if !errors.As(err, &ae) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "data tidak diubah") {
				t.Fatalf("err = %v, want ArchiveError containing %q", err, tc.want)
			}
			if diff := cmp.Diff(before, dumpAll(t, dst)); diff != "" {
				t.Errorf("data changed:\n%s", diff)
			}
			if got := blobFiles(t, dst); !cmp.Equal(files, got) {
				t.Errorf("evidence files changed: %v → %v", files, got)
			}
			for _, left := range []string{".pulih-*", "sebelum-pulih-*", journalName} {
				if m, _ := filepath.Glob(filepath.Join(dst.Dir(), left)); len(m) != 0 {
					t.Errorf("left behind: %v", m)
				}
			}
		})
	}
}
