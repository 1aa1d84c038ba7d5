package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// EnvDataDir names the environment variable that overrides the default
// data folder. Pointing it at a folder next to the program on a USB stick
// is portable mode: app and data travel together.
const EnvDataDir = "SPBE_MANDIRI_DATA"

// appDirName is the data folder's name inside the per-user folder.
const appDirName = "spbe-mandiri"

// executable and renameDir are os.Executable and os.Rename (tests
// replace them).
var (
	executable = os.Executable
	renameDir  = os.Rename
)

// ResolveDataDir picks the data folder: flagDir (from --data) if set, else
// $SPBE_MANDIRI_DATA, else the portable folder when the program is
// portable (PortableDir), else DefaultDataDir. The result is absolute.
func ResolveDataDir(flagDir string) (string, error) {
	dir := flagDir
	if dir == "" {
		dir = os.Getenv(EnvDataDir)
	}
	if dir == "" {
		if p, ok := PortableDir(); ok {
			dir = p
		}
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

// userDirs are the per-user folders the default data folder is chosen
// from; empty when unknown.
type userDirs struct {
	goos         string
	localAppData string // %LOCALAPPDATA% (Windows)
	config       string // os.UserConfigDir(): %APPDATA% (Roaming) on Windows
	home         string
}

// defaultDataDirs is the rule, kept pure so that Linux tests cover
// Windows: on Windows %LOCALAPPDATA%\spbe-mandiri (evidence can be
// gigabytes, and a Roaming profile on a domain PC would copy it to the
// server at every logon), with the Roaming folder of earlier versions as
// legacy; elsewhere the config folder (~/.config/spbe-mandiri, macOS
// ~/Library/Application Support/spbe-mandiri); ~/.spbe-mandiri when no
// such folder is known. legacy is "" when there is nothing to move.
func defaultDataDirs(u userDirs) (dir, legacy string, err error) {
	// macOS and Linux, also when the tests run elsewhere.
	join := func(a, b string) string { return path.Join(a, b) }
	if u.goos == "windows" {
		// Built for Linux tests too: join with the Windows separator.
		join = func(a, b string) string { return strings.TrimRight(a, `\`) + `\` + b }
	}
	switch {
	case u.goos == "windows" && u.localAppData != "":
		if u.config != "" {
			legacy = join(u.config, appDirName)
		}
		return join(u.localAppData, appDirName), legacy, nil
	case u.config != "":
		return join(u.config, appDirName), "", nil
	case u.home != "":
		return join(u.home, "."+appDirName), "", nil
	}
	return "", "", fmt.Errorf("folder data bawaan tidak dapat ditentukan (HOME/AppData tidak diketahui); pakai --data FOLDER atau %s", EnvDataDir)
}

// DefaultDataDir is the per-user data folder: %LOCALAPPDATA%\spbe-mandiri
// on Windows, os.UserConfigDir()/spbe-mandiri elsewhere (see
// defaultDataDirs). On Windows a data folder that an earlier version kept
// in %APPDATA% (Roaming) is moved there once (moveLegacy).
func DefaultDataDir() (string, error) {
	dir, legacy, err := defaultDataDirs(currentUserDirs())
	if err != nil || legacy == "" {
		return dir, err
	}
	return moveLegacy(legacy, dir), nil
}

// LegacyDataDir is the default data folder of earlier versions that
// DefaultDataDir moves away from (%APPDATA%\spbe-mandiri on Windows), ""
// elsewhere: a remembered folder equal to it means DefaultDataDir now.
// It moves nothing.
func LegacyDataDir() string {
	_, legacy, _ := defaultDataDirs(currentUserDirs())
	return legacy
}

// KnownDataDirs are the per-user default data folder and the legacy one
// (those that are known), without moving anything: for the output-path
// guard, which must not write into either.
func KnownDataDirs() []string {
	dir, legacy, _ := defaultDataDirs(currentUserDirs())
	return []string{dir, legacy}
}

func currentUserDirs() userDirs {
	u := userDirs{goos: runtime.GOOS, localAppData: os.Getenv("LOCALAPPDATA")}
	u.config, _ = os.UserConfigDir()
	u.home, _ = os.UserHomeDir()
	return u
}

// moveLegacy moves the old data folder legacy to dir once and returns the
// folder to use. It moves only a folder that holds a database, and only
// when dir does not exist yet (so it never merges or replaces anything).
// A rename that fails — the old folder open in an older version still
// running, another volume — leaves everything where it was: legacy is
// used, and the move is tried again at the next start.
func moveLegacy(legacy, dir string) string {
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		return dir
	}
	if _, err := os.Stat(filepath.Join(legacy, dbFileName)); err != nil {
		return dir
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return legacy
	}
	if err := renameDir(legacy, dir); err != nil {
		return legacy
	}
	return dir
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
