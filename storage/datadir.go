package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// EnvDataDir names the environment variable that overrides the default
// data folder. Pointing it at a folder next to the program on a USB stick
// is portable mode: app and data travel together.
const EnvDataDir = "SPBE_MANDIRI_DATA"

// appDirName is the data folder's name inside the per-user config folder.
const appDirName = "spbe-mandiri"

// ResolveDataDir picks the data folder: flagDir (from --data) if set, else
// $SPBE_MANDIRI_DATA, else DefaultDataDir. The result is absolute.
func ResolveDataDir(flagDir string) (string, error) {
	dir := flagDir
	if dir == "" {
		dir = os.Getenv(EnvDataDir)
	}
	if dir == "" {
		d, err := DefaultDataDir()
		if err != nil {
			return "", err
		}
		dir = d
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("folder data %q tidak valid: %w", dir, err)
	}
	return abs, nil
}

// DefaultDataDir is the per-user data folder: os.UserConfigDir()/spbe-mandiri
// (%AppData%\spbe-mandiri on Windows, ~/.config/spbe-mandiri on Linux,
// ~/Library/Application Support/spbe-mandiri on macOS), falling back to
// ~/.spbe-mandiri when no config folder is known.
func DefaultDataDir() (string, error) {
	if d, err := os.UserConfigDir(); err == nil && d != "" {
		return filepath.Join(d, appDirName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", fmt.Errorf("folder data bawaan tidak dapat ditentukan (HOME/AppData tidak diketahui); pakai --data FOLDER atau %s", EnvDataDir)
	}
	return filepath.Join(home, "."+appDirName), nil
}

// DataFolderExists reports whether dir (resolved as by ResolveDataDir)
// already holds a database, without creating or locking anything.
func DataFolderExists(dir string) bool {
	d, err := ResolveDataDir(dir)
	if err != nil {
		return false
	}
	_, err = os.Stat(filepath.Join(d, dbFileName))
	return err == nil
}
