package storage

import (
	"os"
	"path/filepath"
	"testing"
)

// The default data folder per OS, Windows included: Local AppData, not
// Roaming, with the Roaming folder as the one to move from.
func TestDefaultDataDirs(t *testing.T) {
	win := userDirs{goos: "windows", localAppData: `C:\Users\budi\AppData\Local`, config: `C:\Users\budi\AppData\Roaming`, home: `C:\Users\budi`}
	for _, c := range []struct {
		name        string
		u           userDirs
		dir, legacy string
	}{
		{"windows", win, `C:\Users\budi\AppData\Local\spbe-mandiri`, `C:\Users\budi\AppData\Roaming\spbe-mandiri`},
		{"windows trailing backslash", userDirs{goos: "windows", localAppData: `D:\Profil\Local\`, config: `D:\Profil\Roaming\`},
			`D:\Profil\Local\spbe-mandiri`, `D:\Profil\Roaming\spbe-mandiri`},
		{"windows without LOCALAPPDATA", userDirs{goos: "windows", config: `C:\Users\budi\AppData\Roaming`},
			`C:\Users\budi\AppData\Roaming\spbe-mandiri`, ""},
		{"linux", userDirs{goos: "linux", config: "/home/budi/.config", home: "/home/budi"}, "/home/budi/.config/spbe-mandiri", ""},
		{"linux LOCALAPPDATA ignored", userDirs{goos: "linux", localAppData: "/x", config: "/home/budi/.config"}, "/home/budi/.config/spbe-mandiri", ""},
		{"darwin", userDirs{goos: "darwin", config: "/Users/budi/Library/Application Support"}, "/Users/budi/Library/Application Support/spbe-mandiri", ""},
		{"home only", userDirs{goos: "linux", home: "/home/budi"}, "/home/budi/.spbe-mandiri", ""},
	} {
		dir, legacy, err := defaultDataDirs(c.u)
		if err != nil || dir != c.dir || legacy != c.legacy {
			t.Errorf("%s: %q %q %v, want %q %q", c.name, dir, legacy, err, c.dir, c.legacy)
		}
	}
	if _, _, err := defaultDataDirs(userDirs{goos: "windows"}); err == nil {
		t.Error("no folder known: no error")
	}
}

// The one-time move from Roaming: only a real data folder, only into a
// place that does not exist yet, and a failed move loses nothing.
func TestMoveLegacy(t *testing.T) {
	mk := func(t *testing.T, withDB bool) (legacy, dir string) {
		root := t.TempDir()
		legacy, dir = filepath.Join(root, "Roaming", "spbe-mandiri"), filepath.Join(root, "Local", "spbe-mandiri")
		if err := os.MkdirAll(filepath.Join(legacy, "blobs"), 0o700); err != nil {
			t.Fatal(err)
		}
		if withDB {
			if err := os.WriteFile(filepath.Join(legacy, dbFileName), []byte("db"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return legacy, dir
	}
	t.Run("moves", func(t *testing.T) {
		legacy, dir := mk(t, true)
		if got := moveLegacy(legacy, dir); got != dir {
			t.Fatalf("got %q", got)
		}
		if b, err := os.ReadFile(filepath.Join(dir, dbFileName)); err != nil || string(b) != "db" {
			t.Fatalf("database not moved: %q %v", b, err)
		}
		if _, err := os.Stat(legacy); !os.IsNotExist(err) {
			t.Fatalf("old folder still there: %v", err)
		}
		if got := moveLegacy(legacy, dir); got != dir { // the second start
			t.Fatalf("second start: %q", got)
		}
	})
	t.Run("new folder exists", func(t *testing.T) {
		legacy, dir := mk(t, true)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if got := moveLegacy(legacy, dir); got != dir {
			t.Fatalf("got %q", got)
		}
		if _, err := os.Stat(filepath.Join(legacy, dbFileName)); err != nil {
			t.Fatalf("old database touched: %v", err)
		}
	})
	t.Run("no database", func(t *testing.T) {
		legacy, dir := mk(t, false)
		if got := moveLegacy(legacy, dir); got != dir {
			t.Fatalf("got %q", got)
		}
		if _, err := os.Stat(legacy); err != nil {
			t.Fatalf("old folder touched: %v", err)
		}
	})
	t.Run("rename fails", func(t *testing.T) {
		legacy, dir := mk(t, true)
		// Windows refuses to rename a folder with open files (an older
		// version still running).
		old := renameDir
		renameDir = func(string, string) error { return os.ErrPermission }
		t.Cleanup(func() { renameDir = old })
		if got := moveLegacy(legacy, dir); got != legacy {
			t.Fatalf("got %q, want the old folder", got)
		}
		if _, err := os.Stat(filepath.Join(legacy, dbFileName)); err != nil {
			t.Fatalf("old database touched: %v", err)
		}
	})
}

// Portable mode is the stick's decision: a marker file or the data
// folder next to the program.
func TestPortableDirFor(t *testing.T) {
	for _, c := range []struct {
		name     string
		make     func(exeDir string) error
		portable bool
	}{
		{"nothing", func(string) error { return nil }, false},
		{"marker", func(d string) error { return os.WriteFile(filepath.Join(d, PortableMarker), []byte("x"), 0o600) }, true},
		{"data folder", func(d string) error { return os.Mkdir(filepath.Join(d, PortableDirName), 0o700) }, true},
		{"marker is a folder", func(d string) error { return os.Mkdir(filepath.Join(d, PortableMarker), 0o700) }, false},
		{"data name is a file", func(d string) error { return os.WriteFile(filepath.Join(d, PortableDirName), nil, 0o600) }, false},
	} {
		exeDir := t.TempDir()
		if err := c.make(exeDir); err != nil {
			t.Fatal(err)
		}
		dir, ok := portableDirFor(exeDir)
		if ok != c.portable || dir != filepath.Join(exeDir, PortableDirName) {
			t.Errorf("%s: %q %v", c.name, dir, ok)
		}
	}
}

// The command line follows the stick too: after --data and the
// environment variable, before the per-user folder.
func TestResolveDataDirPortable(t *testing.T) {
	exeDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(exeDir, PortableMarker), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	old := executable
	executable = func() (string, error) { return filepath.Join(exeDir, "spbe-mandiri-cli.exe"), nil }
	t.Cleanup(func() { executable = old })
	t.Setenv(EnvDataDir, "")
	if got, err := ResolveDataDir(""); err != nil || got != filepath.Join(exeDir, PortableDirName) {
		t.Fatalf("portable: %q %v", got, err)
	}
	flag := t.TempDir()
	if got, _ := ResolveDataDir(flag); got != flag {
		t.Fatalf("--data: %q", got)
	}
	env := t.TempDir()
	t.Setenv(EnvDataDir, env)
	if got, _ := ResolveDataDir(""); got != env {
		t.Fatalf("env: %q", got)
	}
}

// What the app remembers in portable mode lives in the stick's data
// folder; a damaged file reads as empty.
func TestPortableSettings(t *testing.T) {
	dir := filepath.Join(t.TempDir(), PortableDirName)
	s := OpenPortableSettings(dir)
	if s.String("workspace") != "" || s.StringWithFallback("language", "id") != "id" {
		t.Fatal("fresh settings not empty")
	}
	s.SetString("workspace", "opd")
	s.SetString("language", "en")
	again := OpenPortableSettings(dir)
	if again.String("workspace") != "opd" || again.String("language") != "en" {
		t.Fatalf("not kept: %q %q", again.String("workspace"), again.String("language"))
	}
	if err := os.WriteFile(filepath.Join(dir, portableSettingsName), []byte("{rusak"), 0o600); err != nil {
		t.Fatal(err)
	}
	if OpenPortableSettings(dir).String("workspace") != "" {
		t.Fatal("damaged file read")
	}
}
