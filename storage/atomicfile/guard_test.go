package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestGuardFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	root := t.TempDir()
	data := filepath.Join(root, "data")
	stick := filepath.Join(root, "usb")
	for _, d := range []string{filepath.Join(data, "keys"), stick} {
		os.MkdirAll(d, 0o755)
	}
	os.WriteFile(filepath.Join(data, "spbe-mandiri.db"), []byte("db"), 0o600)
	os.WriteFile(filepath.Join(stick, "lama.pdf"), []byte("lama"), 0o644)
	os.Symlink(data, filepath.Join(stick, "ke-data"))                                  // folder link into the data folder
	os.Symlink(filepath.Join(data, "spbe-mandiri.db"), filepath.Join(stick, "db.pdf")) // file link
	os.Symlink(filepath.Join(data, "keys"), filepath.Join(stick, "kunci"))
	g := NewGuard(data)
	for _, c := range []struct {
		path   string
		force  bool
		reason assessment.OutputReason
	}{
		{filepath.Join(stick, "laporan.pdf"), false, ""},
		{filepath.Join(stick, "lama.pdf"), false, assessment.OutputExists},
		{filepath.Join(stick, "lama.pdf"), true, ""},
		{filepath.Join(data, "spbe-mandiri.db"), true, assessment.OutputInDataFolder},
		{filepath.Join(data, "keys", "baru.pdf"), false, assessment.OutputInDataFolder},
		{filepath.Join(stick, "ke-data", "spbe-mandiri.db"), true, assessment.OutputInDataFolder},
		{filepath.Join(stick, "ke-data", "baru", "x.pdf"), false, assessment.OutputInDataFolder},
		{filepath.Join(stick, "db.pdf"), true, assessment.OutputInDataFolder},
		// kunci/.. is the data folder itself, as the OS opens it
		{stick + "/kunci/../laporan.pdf", false, assessment.OutputInDataFolder},
		{filepath.Join(stick, "tidak-ada", "..", "x.pdf"), false, ""},
		{stick, true, assessment.OutputIsDir},
	} {
		t.Run(strings.TrimPrefix(c.path, root), func(t *testing.T) {
			_, err := g.File(c.path, c.force)
			var oe *assessment.OutputPathError
			if c.reason == "" && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if c.reason != "" && (!errors.As(err, &oe) || oe.Reason != c.reason) {
				t.Fatalf("got %v, want %s", err, c.reason)
			}
		})
	}
	// Refused means untouched.
	if err := g.WriteFile(filepath.Join(stick, "db.pdf"), []byte("%PDF"), true, 0o644); err == nil {
		t.Fatal("wrote through a link into the data folder")
	}
	if got := read(t, filepath.Join(data, "spbe-mandiri.db")); got != "db" {
		t.Fatalf("database now %q", got)
	}
}

func TestGuardDir(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	os.MkdirAll(filepath.Join(data, "asesor"), 0o755)
	g := NewGuard(data, "")
	if _, err := g.Dir(filepath.Join(data, "asesor")); err == nil {
		t.Error("workspace accepted as export folder")
	}
	if r, err := g.Dir(filepath.Join(root, "usb", "baru")); err != nil || !filepath.IsAbs(r) {
		t.Errorf("new folder: %q %v", r, err)
	}
}

func TestResolveRelative(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	r, err := Resolve("a/../b.pdf")
	want, _ := filepath.EvalSymlinks(dir)
	if err != nil || r != filepath.Join(want, "b.pdf") {
		t.Fatalf("%q %v", r, err)
	}
	if _, err := Resolve(""); err == nil {
		t.Fatal("empty path resolved")
	}
}
