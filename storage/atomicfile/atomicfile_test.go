package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// names lists dir, so a test sees any temp file left behind.
func names(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range es {
		n = append(n, e.Name())
	}
	return strings.Join(n, " ")
}

func TestWriteFile(t *testing.T) {
	for _, c := range []struct {
		name     string
		existing bool
		replace  bool
		want     string // content afterwards
		exists   bool   // the write fails with fs.ErrExist
	}{
		{"new file", false, false, "baru", false},
		{"new file, replace allowed", false, true, "baru", false},
		{"existing kept", true, false, "lama", true},
		{"existing replaced", true, true, "baru", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "laporan.pdf")
			if c.existing {
				os.WriteFile(path, []byte("lama"), 0o644)
			}
			err := WriteFile(path, []byte("baru"), Options{Replace: c.replace})
			if c.exists != errors.Is(err, fs.ErrExist) || (!c.exists && err != nil) {
				t.Fatalf("err %v", err)
			}
			if got := read(t, path); got != c.want {
				t.Fatalf("content %q, want %q", got, c.want)
			}
			if got := names(t, dir); got != "laporan.pdf" {
				t.Fatalf("folder holds %q", got)
			}
		})
	}
}

func TestWriteMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no modes")
	}
	dir := t.TempDir()
	for perm, name := range map[fs.FileMode]string{0: "rahasia", 0o644: "bundel"} {
		p := filepath.Join(dir, name)
		if err := WriteFile(p, []byte("x"), Options{Perm: perm}); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(p)
		want := perm
		if want == 0 {
			want = 0o600
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", name, fi.Mode().Perm(), want)
		}
	}
}

// A stick may carry symlinks (or files) under every name an earlier
// writer used for its temp file; none of them is opened or followed.
func TestPlantedTempNamesCannotRedirect(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	outside := filepath.Join(t.TempDir(), "korban.txt")
	os.WriteFile(outside, []byte("asli"), 0o644)
	stick := t.TempDir()
	final := filepath.Join(stick, "KUNCI_PUBLIK_X.json")
	planted := []string{".KUNCI_PUBLIK_X.json.partial", ".KUNCI_PUBLIK_X.json.tmp", ".KUNCI_PUBLIK_X.json.tmp-1",
		".KUNCI_PUBLIK_X.json.0.partial", ".KUNCI_PUBLIK_X.json.1.tmp"}
	for _, n := range planted {
		if err := os.Symlink(outside, filepath.Join(stick, n)); err != nil {
			t.Fatal(err)
		}
	}
	for _, replace := range []bool{false, true} {
		if err := WriteFile(final, []byte("kunci"), Options{Replace: replace}); err != nil && !errors.Is(err, fs.ErrExist) {
			t.Fatal(err)
		}
	}
	if got := read(t, outside); got != "asli" {
		t.Fatalf("the file outside the stick became %q", got)
	}
	if got := read(t, final); got != "kunci" {
		t.Fatalf("final %q", got)
	}
	for _, n := range planted {
		if fi, err := os.Lstat(filepath.Join(stick, n)); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("planted %s was touched", n)
		}
	}
}

// The temp file is opened with O_EXCL (and O_NOFOLLOW on Unix): the
// flags themselves are the guarantee, checked here.
func TestTempFlags(t *testing.T) {
	var flags int
	_, err := Create(filepath.Join(t.TempDir(), "x"), Options{Open: func(name string, flag int, perm fs.FileMode) (File, error) {
		flags = flag
		if !strings.HasSuffix(name, ".partial") || len(filepath.Base(name)) < len(".x.0123456789abcdef.partial") {
			t.Errorf("temp name %q is not random", name)
		}
		return nil, fs.ErrPermission
	}})
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("open error lost: %v", err)
	}
	if flags&os.O_EXCL == 0 || flags&os.O_CREATE == 0 || flags&os.O_TRUNC != 0 || flags&noFollow != noFollow {
		t.Fatalf("flags %#x", flags)
	}
}

// A file created while the temp file is written is kept when no
// overwrite was asked.
func TestNoReplaceKeepsFileCreatedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "SPBE_X_2025_1.spbe")
	_, err := Write(path, Options{}, func(w io.Writer) error {
		os.WriteFile(path, []byte("orang lain"), 0o644)
		_, err := w.Write([]byte("bundel"))
		return err
	})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("got %v", err)
	}
	if got := read(t, path); got != "orang lain" {
		t.Fatalf("replaced: %q", got)
	}
	if got := names(t, dir); got != "SPBE_X_2025_1.spbe" {
		t.Fatalf("temp left: %q", got)
	}
}

// failing wraps a temp file and fails its writes (a full stick).
type failing struct{ *os.File }

func (f failing) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

func TestFailuresLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cadangan.zip")
	full := Options{Open: func(name string, flag int, perm fs.FileMode) (File, error) {
		f, err := os.OpenFile(name, flag, perm)
		return failing{f}, err
	}}
	if _, err := Write(path, full, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("disk full lost: %v", err)
	}
	if _, err := Write(path, Options{}, func(io.Writer) error { return errors.New("gagal") }); err == nil {
		t.Fatal("no error")
	}
	if got := names(t, dir); got != "" {
		t.Fatalf("left %q", got)
	}
	if err := WriteFile(filepath.Join(dir, "tidak-ada", "x"), nil, Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing folder: %v", err)
	}
}

func TestTempCommitTwice(t *testing.T) {
	tmp, err := Create(filepath.Join(t.TempDir(), "x"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tmp.Commit(); err != nil {
		t.Fatal(err)
	}
	tmp.Abort() // no-op after Commit
	if err := tmp.Commit(); err == nil {
		t.Fatal("second commit accepted")
	}
}

// BenchmarkWriteFile is the cost of one 100 KB output (a report PDF):
// create, write, fsync, link or rename, folder fsync.
func BenchmarkWriteFile(b *testing.B) {
	dir := b.TempDir()
	data := make([]byte, 100<<10)
	n := 0 // fresh names across the benchmark's runs
	for _, replace := range []bool{false, true} {
		name := map[bool]string{false: "no-overwrite", true: "replace"}[replace]
		b.Run(name, func(b *testing.B) {
			for range b.N {
				p := filepath.Join(dir, name)
				if n++; !replace {
					p += "-" + strconv.Itoa(n)
				}
				if err := WriteFile(p, data, Options{Replace: replace}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
