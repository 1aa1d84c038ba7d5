package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
)

// The files a session writes for the user (exports, reports, key files):
// where they may go and under which free name. The policy is the pure
// assessment/outputpath.go; atomicfile enforces it and writes.

// OutputGuard is the output-path policy for a session on the data folder
// dataDir: nothing is written inside it (the assessor workspace lies in
// it too), nor inside the per-user default data folder (and the Roaming
// one of earlier versions on Windows), the one
// $SPBE_MANDIRI_DATA names or the portable one beside the program — a
// report never replaces any installation's database or key.
func OutputGuard(dataDir string) atomicfile.Guard {
	portable, _ := PortableDir()
	dirs := append(KnownDataDirs(), dataDir, os.Getenv(EnvDataDir), portable)
	return atomicfile.NewGuard(dirs...)
}

// ExportDir checks a folder that exports write into (it must lie outside
// the data folders), creates it, and returns it resolved: the names are
// then joined onto the folder that was checked.
func ExportDir(dataDir, dir string) (string, error) {
	r, err := OutputGuard(dataDir).Dir(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(r, 0o755); err != nil {
		return "", fmt.Errorf("membuat folder tujuan: %w", err)
	}
	return r, nil
}

// WriteNewFile writes data to path, a name in a folder checked by
// ExportDir, never over an existing file (also not one that appears
// meanwhile), through the one atomic writer.
func WriteNewFile(path string, data []byte, perm os.FileMode) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: perm})
}

// ReplaceFile writes data to path in a checked folder, replacing a file of
// the same meaning (the same key's public key file).
func ReplaceFile(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: 0o644, Replace: true})
}

func FileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// FreeFileName is dir/base+ext, or dir/base_2+ext and so on: the first
// name not taken, so that nothing already on the stick is overwritten.
func FreeFileName(dir, base, ext string) string {
	path := filepath.Join(dir, base+ext)
	for n := 2; FileExists(path); n++ {
		path = filepath.Join(dir, fmt.Sprintf("%s_%d%s", base, n, ext))
	}
	return path
}

// WriteFreeFile writes data under the first free name base[_N]+ext in the
// checked folder dir; a name taken between the look and the write moves
// on to the next one. The file is meant to be handed over (0644).
func WriteFreeFile(dir, base, ext string, data []byte) (string, error) {
	return WriteFreeFileMode(dir, base, ext, data, 0o644)
}

// WriteFreeFileMode is WriteFreeFile for a private file (a key backup: 0600).
func WriteFreeFileMode(dir, base, ext string, data []byte, perm os.FileMode) (path string, err error) {
	for range 100 {
		path = FreeFileName(dir, base, ext)
		if err = WriteNewFile(path, data, perm); !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return path, err
}
