package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOpenStopsOnAJournalItCannotSettle: a journal that is damaged, names
// folders outside the data folder, or describes a swap whose restored
// database is nowhere stops Open with *RestoreJournalError — even with
// TolerateCorrupt — and nothing is deleted.
func TestOpenStopsOnAJournalItCannotSettle(t *testing.T) {
	cases := map[string]string{
		"not json":           `{"phase":`,
		"unknown phase":      `{"phase":"maybe","staging":".pulih-1"}`,
		"staging elsewhere":  `{"phase":"staging","staging":"../../home"}`,
		"aside elsewhere":    `{"phase":"staged","staging":".pulih-1","aside":"/etc"}`,
		"unknown field":      `{"phase":"done","staging":".pulih-1","hapus":"semua"}`,
		"nothing to swap in": `{"phase":"staged","staging":".pulih-1","aside":"sebelum-pulih-20250301-080000"}`,
	}
	for name, journal := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := openAt(t, dir)
			fill(t, db)
			db.Close()
			os.Rename(filepath.Join(dir, dbFileName), filepath.Join(dir, ".pulih-1-lama.db"))
			os.MkdirAll(filepath.Join(dir, ".pulih-1", blobDirName), 0o700)
			os.WriteFile(filepath.Join(dir, journalName), []byte(journal), 0o600)
			before := snapshotTree(t, dir)
			_, err := Open(dir, TolerateCorrupt())
			var je *RestoreJournalError
			if !errors.As(err, &je) || !strings.Contains(err.Error(), "tidak ada berkas yang dihapus") {
				t.Fatalf("Open = %v, want RestoreJournalError", err)
			}
			if diff := cmp.Diff(before, snapshotTree(t, dir)); diff != "" {
				t.Errorf("folder changed (-before +after):\n%s", diff)
			}
		})
	}
}
