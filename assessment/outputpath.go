package assessment

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// OutputTarget is a file or folder the app is asked to write, as the file
// system resolves it (the mechanism in storage/atomicfile fills it): the
// rule below then needs no file system of its own.
type OutputTarget struct {
	Path     string // as the user gave it, for the messages
	Resolved string // absolute, every symlink of an existing ancestor followed
	Exists   bool   // something (file, folder, link) is already under the name
	IsDir    bool   // what exists is a folder
}

// OutputReason says why an output path is refused.
type OutputReason string

// Output path refusals.
const (
	OutputInDataFolder OutputReason = "data-folder" // the path lies inside a data folder of the app
	OutputExists       OutputReason = "exists"      // a file is there and --force was not given
	OutputIsDir        OutputReason = "is-dir"      // a file was asked for, the name is a folder
	OutputNotDir       OutputReason = "not-dir"     // a folder was asked for, the name is a file
)

// OutputPathError refuses an output path. Nothing has been written.
type OutputPathError struct {
	Path   string
	Folder string // OutputInDataFolder: the data folder it lies in
	Reason OutputReason
}

func (e *OutputPathError) Error() string {
	switch e.Reason {
	case OutputInDataFolder:
		return fmt.Sprintf("tidak menulis ke folder data SPBE Mandiri (%s): %s berada di dalamnya; pilih folder lain, misalnya flashdisk",
			e.Folder, e.Path)
	case OutputIsDir:
		return fmt.Sprintf("%s adalah folder; sebutkan nama berkas yang akan ditulis", e.Path)
	case OutputNotDir:
		return fmt.Sprintf("%s bukan folder; pilih folder tujuan", e.Path)
	}
	return fmt.Sprintf("berkas %s sudah ada; tambahkan --force untuk menimpanya", e.Path)
}

// Is makes errors.Is(err, fs.ErrExist) true for an existing file, so that
// callers which already handle "exists" keep working.
func (e *OutputPathError) Is(target error) bool {
	return e.Reason == OutputExists && target == fs.ErrExist
}

// CheckOutputFile is the output-path policy for a file: it refuses a path
// that resolves inside one of the data folders (already resolved, see
// storage/atomicfile) — the app's database, keys and evidence are never
// replaced by an export — and a file that exists unless force. A name that
// is a folder is refused always.
func CheckOutputFile(t OutputTarget, dataFolders []string, force bool) error {
	if err := checkOutsideData(t, dataFolders); err != nil {
		return err
	}
	switch {
	case t.Exists && t.IsDir:
		return &OutputPathError{Path: t.Path, Reason: OutputIsDir}
	case t.Exists && !force:
		return &OutputPathError{Path: t.Path, Reason: OutputExists}
	}
	return nil
}

// CheckOutputDir is the policy for a folder that exports write new files
// into (never over existing ones): it must lie outside the data folders.
// A folder that does not exist yet is fine (exports create it); a file is
// refused.
func CheckOutputDir(t OutputTarget, dataFolders []string) error {
	if err := checkOutsideData(t, dataFolders); err != nil {
		return err
	}
	if t.Exists && !t.IsDir {
		return &OutputPathError{Path: t.Path, Reason: OutputNotDir}
	}
	return nil
}

func checkOutsideData(t OutputTarget, dataFolders []string) error {
	if t.Resolved == "" || !filepath.IsAbs(t.Resolved) {
		return errors.New("jalur keluaran " + t.Path + " belum diselesaikan (internal)")
	}
	for _, d := range dataFolders {
		if d != "" && within(t.Resolved, d) {
			return &OutputPathError{Path: t.Path, Folder: d, Reason: OutputInDataFolder}
		}
	}
	return nil
}

// within reports whether path is dir or lies below it. Case is ignored:
// Windows and macOS file systems ignore it, and on Linux refusing a
// folder that differs from the data folder only by case costs nothing.
func within(path, dir string) bool {
	rel, err := filepath.Rel(strings.ToLower(filepath.Clean(dir)), strings.ToLower(filepath.Clean(path)))
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}
