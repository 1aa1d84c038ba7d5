package storage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
)

// Portable mode: the program and its data on a USB stick. It is decided
// by the stick alone — a marker file next to the program, or (as in
// earlier versions) the data folder next to it — never by what the PC
// remembers.
const (
	// PortableMarker next to the program makes it portable.
	PortableMarker = "spbe-mandiri-portable.txt"
	// PortableDirName is the data folder next to a portable program.
	PortableDirName = "spbe-mandiri-data"
	// portableSettingsName holds, inside that folder, what the desktop
	// app remembers in portable mode (workspace, language), so that an
	// OPD stick opens the OPD workspace on a PC an assessor used.
	portableSettingsName = "pengaturan-aplikasi.json"
)

// PortableDir returns the data folder next to the running program and
// whether the program is portable.
func PortableDir() (string, bool) {
	exe, err := executable()
	if err != nil {
		return "", false
	}
	return portableDirFor(filepath.Dir(exe))
}

// portableDirFor is PortableDir for a program in exeDir.
func portableDirFor(exeDir string) (string, bool) {
	dir := filepath.Join(exeDir, PortableDirName)
	if fi, err := os.Stat(filepath.Join(exeDir, PortableMarker)); err == nil && fi.Mode().IsRegular() {
		return dir, true
	}
	fi, err := os.Stat(dir)
	return dir, err == nil && fi.IsDir()
}

// PortableSettings are the desktop app's remembered settings in portable
// mode, kept in the portable data folder instead of the PC's user
// profile. It implements the String/SetString subset of
// fyne.Preferences the app uses. Reading tolerates a missing or damaged
// file (the settings are a convenience: the worst case is the first-run
// defaults); every change is written at once, atomically.
type PortableSettings struct {
	path   string
	mu     sync.Mutex
	values map[string]string
}

// OpenPortableSettings reads the settings of the portable data folder dir.
func OpenPortableSettings(dir string) *PortableSettings {
	s := &PortableSettings{path: filepath.Join(dir, portableSettingsName), values: map[string]string{}}
	if b, err := os.ReadFile(s.path); err == nil && len(b) <= 64<<10 {
		_ = json.Unmarshal(b, &s.values)
	}
	return s
}

// String returns the value of key, "" when unset.
func (s *PortableSettings) String(key string) string { return s.StringWithFallback(key, "") }

// StringWithFallback returns the value of key, fallback when unset.
func (s *PortableSettings) StringWithFallback(key, fallback string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.values[key]; ok {
		return v
	}
	return fallback
}

// SetString remembers value and writes the file (best effort: a stick
// pulled out or full keeps the value for this run only).
func (s *PortableSettings) SetString(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.values[key]; ok && old == value {
		return
	}
	s.values[key] = value
	b, err := json.MarshalIndent(s.values, "", "  ")
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return
	}
	_ = atomicfile.WriteFile(s.path, append(b, '\n'), atomicfile.Options{Replace: true})
}
