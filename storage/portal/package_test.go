package portal

import (
	"os"
	"path/filepath"
	"testing"
)

// A new package never replaces what is in the folder the officer picked:
// base, then base_2, base_3 … — a file of that name counts as taken.
func TestFreeFolder(t *testing.T) {
	dir := t.TempDir()
	if got := FreeFolder(dir, "Paket-portal_DINKES_2026"); got != filepath.Join(dir, "Paket-portal_DINKES_2026") {
		t.Fatalf("empty folder: %s", got)
	}
	if err := os.Mkdir(filepath.Join(dir, "Paket-portal_DINKES_2026"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Paket-portal_DINKES_2026_2"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := FreeFolder(dir, "Paket-portal_DINKES_2026"); got != filepath.Join(dir, "Paket-portal_DINKES_2026_3") {
		t.Fatalf("taken names: %s", got)
	}
}
