package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
)

// mapPrefs stands in for the stick's settings (storage.PortableSettings).
type mapPrefs map[string]string

func (m mapPrefs) String(k string) string { return m[k] }
func (m mapPrefs) StringWithFallback(k, fb string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return fb
}
func (m mapPrefs) SetString(k, v string) { m[k] = v }

// startWith starts the GUI with this PC's preferences pc and deps d; it
// returns the UI and the folder Open was called with.
func startWith(t *testing.T, pc map[string]string, d Deps) (*UI, *string) {
	t.Helper()
	a := test.NewTempApp(t)
	for k, v := range pc {
		a.Preferences().SetString(k, v)
	}
	st, lib, opened := fakestore.New(), library(t), new(string)
	d.Open = func(dir string) (*assessment.OPDFolder, error) {
		*opened = dir
		return &assessment.OPDFolder{DataDir: dir, Store: st, Library: lib}, nil
	}
	d.OpenAsesor = func(dir string) (asesorport.Workspace, error) { *opened = dir; return &fakeAsesor{}, nil }
	d.HasAsesor = func(string) bool { return false }
	u := New(a, d, WithTestDriver())
	u.now = func() time.Time { return clock }
	u.Wait()
	t.Cleanup(u.Wait)
	return u, opened
}

// An OPD stick on a PC an assessor used opens the OPD workspace on the
// stick, and what it remembers goes to the stick, not to the PC.
func TestPortableStickIgnoresPCPreferences(t *testing.T) {
	pc := map[string]string{prefDataDir: `C:\Users\asesor\AppData\Local\spbe-mandiri`, prefWorkspace: workspaceAsesor, prefLanguage: langEN}
	stick := mapPrefs{}
	const data = `E:\SPBE Mandiri\spbe-mandiri-data`
	u, opened := startWith(t, pc, Deps{Portable: true, PortableDataDir: data, Prefs: stick})
	if *opened != data {
		t.Fatalf("opened %q, want the stick's folder", *opened)
	}
	current[*profileForm](t, u)
	for k, v := range pc {
		if got := u.app.Preferences().String(k); got != v {
			t.Errorf("PC preference %s changed to %q", k, got)
		}
	}
	if stick[prefDataDir] != data || stick[prefWorkspace] != workspaceOPD {
		t.Errorf("stick remembers %v", stick)
	}
	if got := languageOf(u.prefs, ""); got != langID {
		t.Errorf("language %q taken from the PC", got)
	}
}

// The stick's own choice of the assessor's workspace is kept.
func TestPortableStickRemembersItsWorkspace(t *testing.T) {
	stick := mapPrefs{prefWorkspace: workspaceAsesor}
	const data = `E:\spbe-mandiri-data`
	u, opened := startWith(t, nil, Deps{Portable: true, PortableDataDir: data, Prefs: stick})
	if *opened != data {
		t.Fatalf("opened %q", *opened)
	}
	current[*asesorHome](t, u)
}

// A folder remembered from the Roaming default of earlier versions opens
// the new default, where storage.DefaultDataDir has moved it.
func TestRememberedLegacyFolderOpensNewDefault(t *testing.T) {
	const legacy, def = `C:\Users\budi\AppData\Roaming\spbe-mandiri`, `C:\Users\budi\AppData\Local\spbe-mandiri`
	_, opened := startWith(t, map[string]string{prefDataDir: legacy}, Deps{LegacyDataDir: legacy, DefaultDataDir: def})
	if *opened != def {
		t.Fatalf("opened %q, want %q", *opened, def)
	}
	_, opened = startWith(t, map[string]string{prefDataDir: `D:\data`}, Deps{LegacyDataDir: legacy, DefaultDataDir: def})
	if *opened != `D:\data` {
		t.Fatalf("another remembered folder: opened %q", *opened)
	}
}
