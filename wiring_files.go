package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
)

// outputGuard is the output-path policy for a session on the data folder
// dataDir: nothing is written inside it (the assessor workspace lies in
// it too), nor inside the per-user default data folder (and the Roaming
// one of earlier versions on Windows), the one
// $SPBE_MANDIRI_DATA names or the portable one beside the program — a
// report never replaces any installation's database or key.
func outputGuard(dataDir string) atomicfile.Guard {
	portable, _ := storage.PortableDir()
	dirs := append(storage.KnownDataDirs(), dataDir, os.Getenv(storage.EnvDataDir), portable)
	return atomicfile.NewGuard(dirs...)
}

// outputDeps is cli.Env.Output: every file a command writes for the user.
func outputDeps() *cli.OutputDeps {
	return &cli.OutputDeps{
		Check: func(f cli.OutputFile) error {
			_, err := outputGuard(f.DataDir).File(f.Path, f.Force)
			return err
		},
		Write: func(f cli.OutputFile, write func(io.Writer) error) (int64, error) {
			return outputGuard(f.DataDir).Write(f.Path, f.Force, filePerm(f.Public), write)
		},
		CheckDir: func(dataDir, dir string) error {
			_, err := outputGuard(dataDir).Dir(dir)
			return err
		},
	}
}

func filePerm(public bool) os.FileMode {
	if public {
		return 0o644
	}
	return 0o600
}

// exportDir checks a folder that exports write into (it must lie outside
// the data folders), creates it, and returns it resolved: the names are
// then joined onto the folder that was checked.
func exportDir(dataDir, dir string) (string, error) {
	r, err := outputGuard(dataDir).Dir(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(r, 0o755); err != nil {
		return "", fmt.Errorf("membuat folder tujuan: %w", err)
	}
	return r, nil
}

// writeNewFile writes data to path, a name in a folder checked by
// exportDir, never over an existing file (also not one that appears
// meanwhile), through the one atomic writer.
func writeNewFile(path string, data []byte, perm os.FileMode) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: perm})
}

// replaceFile writes data to path in a checked folder, replacing a file of
// the same meaning (the same key's public key file).
func replaceFile(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: 0o644, Replace: true})
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// freeFileName is dir/base+ext, or dir/base_2+ext and so on: the first
// name not taken, so that nothing already on the stick is overwritten.
func freeFileName(dir, base, ext string) string {
	path := filepath.Join(dir, base+ext)
	for n := 2; fileExists(path); n++ {
		path = filepath.Join(dir, fmt.Sprintf("%s_%d%s", base, n, ext))
	}
	return path
}

// writeFreeFile writes data under the first free name base[_N]+ext in the
// checked folder dir; a name taken between the look and the write moves
// on to the next one. The file is meant to be handed over (0644).
func writeFreeFile(dir, base, ext string, data []byte) (string, error) {
	return writeFreeFileMode(dir, base, ext, data, 0o644)
}

// writeFreeFileMode is writeFreeFile for a private file (a key backup: 0600).
func writeFreeFileMode(dir, base, ext string, data []byte, perm os.FileMode) (path string, err error) {
	for range 100 {
		path = freeFileName(dir, base, ext)
		if err = writeNewFile(path, data, perm); !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return path, err
}
