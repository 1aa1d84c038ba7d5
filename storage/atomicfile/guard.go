package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Resolve returns path absolute, with every symlink in its existing part
// followed; the part that does not exist yet is appended as given. It
// walks the names left to right, so "link/../x" is where the OS would
// open it (beside link's target), not where a lexical clean puts it.
func Resolve(path string) (string, error) {
	if path == "" {
		return "", errors.New("jalur kosong")
	}
	abs := path
	if !filepath.IsAbs(abs) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		abs = wd + string(filepath.Separator) + path // not Join: it cleans ".."
	}
	vol := filepath.VolumeName(abs)
	cur := vol + string(filepath.Separator)
	names := strings.FieldsFunc(abs[len(vol):], func(r rune) bool { return r < 128 && os.IsPathSeparator(uint8(r)) })
	for _, name := range names {
		var err error
		if cur, err = step(cur, name); err != nil {
			return "", err
		}
	}
	return cur, nil
}

// step resolves one name below the resolved folder cur.
func step(cur, name string) (string, error) {
	switch name {
	case ".":
		return cur, nil
	case "..":
		return filepath.Dir(cur), nil // cur is resolved: its parent is the real one
	}
	next := filepath.Join(cur, name)
	if _, err := os.Lstat(next); errors.Is(err, fs.ErrNotExist) {
		return next, nil
	} else if err != nil {
		return "", err
	}
	r, err := filepath.EvalSymlinks(next)
	if errors.Is(err, fs.ErrNotExist) {
		return next, nil // a dangling link: the name itself is what a rename replaces
	}
	return r, err
}

// Target describes path for the output-path policy.
func Target(path string) (assessment.OutputTarget, error) {
	r, err := Resolve(path)
	if err != nil {
		return assessment.OutputTarget{}, err
	}
	t := assessment.OutputTarget{Path: path, Resolved: r}
	if fi, err := os.Lstat(r); err == nil {
		t.Exists, t.IsDir = true, fi.IsDir()
	}
	return t, nil
}

// Guard applies the output-path policy (assessment.CheckOutputFile,
// CheckOutputDir) for the data folders it protects: every output of the
// CLI and the GUI goes through one.
type Guard struct{ dataFolders []string }

// NewGuard protects the data folders given ("" is skipped), resolved now.
func NewGuard(dataFolders ...string) Guard {
	var g Guard
	for _, d := range dataFolders {
		if d == "" {
			continue
		}
		if r, err := Resolve(d); err == nil {
			g.dataFolders = append(g.dataFolders, r)
		} else if abs, err := filepath.Abs(d); err == nil {
			g.dataFolders = append(g.dataFolders, abs)
		}
	}
	return g
}

// File checks the output file path and returns the resolved path to
// write: the one the check was made on.
func (g Guard) File(path string, force bool) (string, error) {
	t, err := Target(path)
	if err != nil {
		return "", err
	}
	if err := assessment.CheckOutputFile(t, g.dataFolders, force); err != nil {
		return "", err
	}
	return t.Resolved, nil
}

// Dir checks a folder that exports write new files into and returns it
// resolved.
func (g Guard) Dir(dir string) (string, error) {
	t, err := Target(dir)
	if err != nil {
		return "", err
	}
	if err := assessment.CheckOutputDir(t, g.dataFolders); err != nil {
		return "", err
	}
	return t.Resolved, nil
}

// Write checks path and writes it atomically; an existing file is
// replaced only with force, and then never one inside a data folder.
func (g Guard) Write(path string, force bool, perm fs.FileMode, write func(io.Writer) error) (int64, error) {
	r, err := g.File(path, force)
	if err != nil {
		return 0, err
	}
	return Write(r, Options{Perm: perm, Replace: force}, write)
}

// WriteFile is Write for bytes in memory.
func (g Guard) WriteFile(path string, data []byte, force bool, perm fs.FileMode) error {
	_, err := g.Write(path, force, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err
}
