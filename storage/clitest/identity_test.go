package clitest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// TestInitRefusesUnusableOPDCode: `init --opd-kode "dinas kominfo"` used
// to save a profile with which every export then failed (the QR text
// refuses the space). It is refused before the data folder is touched,
// with the allowed characters and a suggestion; a lower-case code is
// stored canonical.
func TestInitRefusesUnusableOPDCode(t *testing.T) {
	t.Setenv(storage.EnvDataDir, "")
	for _, kode := range []string{"dinas kominfo", "DISK\u041eMINFO", "DISKOMINFO\u200b", "DINAS_KOMINFO"} {
		dir := filepath.Join(t.TempDir(), "data")
		r := run(t, "--data", dir, "init", "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", kode,
			"--opd-nama", "Dinas Komunikasi dan Informatika", "--operator", "Rina")
		if r.code != 1 || !strings.Contains(r.stderr, "huruf A–Z, angka 0–9 dan tanda hubung (-)") {
			t.Errorf("%q: exit %d\n%s", kode, r.code, r.stderr)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%q: the data folder was created (%v)", kode, err)
		}
	}
	r := run(t, "init", "--instansi", "x", "--opd-kode", "dinas kominfo", "--opd-nama", "y", "--operator", "z", "--data", t.TempDir())
	if !strings.Contains(r.stderr, "mungkin maksudnya DINAS-KOMINFO") {
		t.Errorf("no suggestion: %s", r.stderr)
	}
	dir := t.TempDir()
	out := mustRun(t, "--data", dir, "init", "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", " diskominfo ",
		"--opd-nama", "Dinas Komunikasi dan Informatika", "--operator", "Rina")
	if !strings.Contains(out, "(DISKOMINFO)") {
		t.Errorf("stored code not canonical: %s", out)
	}
}
