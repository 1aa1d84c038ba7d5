package storage

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A key file for the assessor is readable by others, a report only by
// the officer; nothing is written inside the data folder.
func TestWriteOutputFile(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	write := func(w io.Writer) error { _, err := io.WriteString(w, "isi"); return err }
	for _, c := range []struct {
		name   string
		public bool
		perm   os.FileMode
	}{{"KUNCI_PUBLIK_DINKES.json", true, 0o644}, {"laporan.pdf", false, 0o600}} {
		path := filepath.Join(out, c.name)
		if err := CheckOutputFile(data, path, false); err != nil {
			t.Fatalf("%s: check: %v", c.name, err)
		}
		if _, err := WriteOutputFile(data, path, false, c.public, write); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		// Windows has no Unix modes (Go reports 0666 for every writable file).
		if runtime.GOOS != "windows" && fi.Mode().Perm() != c.perm {
			t.Errorf("%s: mode %v, want %v", c.name, fi.Mode().Perm(), c.perm)
		}
	}
	if err := CheckOutputFile(data, filepath.Join(data, "laporan.pdf"), false); err == nil {
		t.Error("a file inside the data folder was allowed")
	}
	if err := CheckOutputDir(data, filepath.Join(data, "ekspor")); err == nil {
		t.Error("a folder inside the data folder was allowed")
	}
}
