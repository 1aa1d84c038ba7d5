package storage

import "testing"

// --data wins over $SPBE_MANDIRI_DATA, which wins over nothing; an
// installed (not portable) program keeps its settings in the PC's
// preferences.
func TestGUIStartFolders(t *testing.T) {
	t.Setenv(EnvDataDir, "/data/env")
	if f := GUIStartFolders("/data/flag"); f.DataDir != "/data/flag" {
		t.Errorf("flag: %+v", f)
	}
	f := GUIStartFolders("")
	if f.DataDir != "/data/env" {
		t.Errorf("env: %+v", f)
	}
	if _, portable := PortableDir(); !portable && (f.IsPortable || f.Settings != nil) {
		t.Errorf("not portable: %+v", f)
	}
}
