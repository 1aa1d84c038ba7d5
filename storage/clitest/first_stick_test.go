package clitest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ownExport makes an installation with a key and one exported bundle;
// it returns the data folder and the bundle's path.
func ownExport(t *testing.T, kode string) (string, string) {
	t.Helper()
	data := t.TempDir()
	mustCLI(t, "init", "--data", data, "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", kode, "--opd-nama", "Dinas "+kode, "--operator", "Rina")
	var a struct{ ID string }
	json.Unmarshal([]byte(mustCLI(t, "assessment", "new", "--data", data, "--catalog", "pemdi-2026", "--periode", "2026", "--json")), &a)
	mustCLI(t, "key", "init", "--data", data, "--passphrase-file", "-")
	var ex struct{ Path string }
	json.Unmarshal([]byte(mustCLI(t, "export", "--data", data, "--assessment", a.ID, "--out", t.TempDir(), "--passphrase-file", "-", "--json")), &ex)
	if ex.Path == "" {
		t.Fatal("export named no bundle")
	}
	return data, ex.Path
}

// The assessor's first stick: an export leaves the bundle and the OPD's
// KUNCI_PUBLIK_<KODE>.json side by side; importing that folder registers
// the key as pending, imports the bundle as pending and lists the
// fingerprint to compare — the real CLI on real stores.
func TestAsesorFirstStickJustWorks(t *testing.T) {
	_, bundlePath := ownExport(t, "DISHUB")
	stick := filepath.Dir(bundlePath)
	if _, err := os.Stat(filepath.Join(stick, "KUNCI_PUBLIK_DISHUB.json")); err != nil {
		t.Fatalf("export wrote no key file beside the bundle: %v", err)
	}
	asesorData := t.TempDir()
	out := mustCLI(t, "import", "--data", asesorData, stick)
	if !strings.Contains(out, "MENUNGGU VERIFIKASI") || !strings.Contains(out, "KUNCI_PUBLIK_DISHUB.json") {
		t.Fatalf("import output:\n%s", out)
	}
	var keysOut []struct {
		Status  string `json:"status"`
		OPDKode string `json:"opd_kode"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "keys", "list", "--data", asesorData, "--json")), &keysOut); err != nil {
		t.Fatal(err)
	}
	if len(keysOut) != 1 || keysOut[0].Status != "pending" || keysOut[0].OPDKode != "DISHUB" {
		t.Errorf("registry after the first stick: %+v", keysOut)
	}
}
