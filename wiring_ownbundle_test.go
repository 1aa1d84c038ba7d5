package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
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

// The officer's own bundle: checked with the installation's own key it is
// SAH, and Buka laporan PDF gives the signed report from inside it —
// copied once, read-only — while another OPD's bundle is not opened.
func TestOwnBundleReportAndCheck(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	data, path := ownExport(t, "DISKOMINFO")
	svc, err := openServices(data)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	verify := func(p string) (string, error) { // the GUI's Periksa bundel text
		rep, err := svc.Export.VerifyOwn(t.Context(), p)
		var b strings.Builder
		if err == nil {
			assessment.WriteVerifyReport(&b, p, rep)
		}
		return b.String(), err
	}

	rep, err := verify(path)
	if err != nil || !strings.Contains(rep, "BUNDEL SAH") || !strings.Contains(rep, "kunci penanda tangan OPD ini") || strings.Contains(rep, "--pubkey") {
		t.Fatalf("own bundle check: %v\n%s", err, rep)
	}
	pdf, err := svc.Export.OwnReport(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(got, []byte("%PDF")) || !bytes.Equal(got, zipEntry(t, mustRead(t, path), "report.pdf")) {
		t.Fatalf("report copy %s: %.8q, %v", pdf, got, err)
	}
	if fi, _ := os.Stat(pdf); fi.Mode().Perm()&0o222 != 0 || filepath.Base(pdf) != strings.TrimSuffix(filepath.Base(path), ".spbe")+".pdf" {
		t.Errorf("report copy %s mode %v: want read-only, named after the bundle", pdf, fi.Mode())
	}
	if again, err := svc.Export.OwnReport(t.Context(), path); err != nil || again != pdf {
		t.Errorf("second open: %q, %v", again, err)
	}

	_, other := ownExport(t, "DINKES")
	if _, err := svc.Export.OwnReport(t.Context(), other); err == nil || !strings.Contains(err.Error(), "tidak ditandatangani kunci OPD ini") {
		t.Errorf("another OPD's bundle opened: %v", err)
	}
	rep, err = verify(other)
	if err != nil || !strings.Contains(rep, "TIDAK DIPERIKSA") || strings.Contains(rep, "--pubkey") {
		t.Errorf("another OPD's bundle in the GUI check: %v\n%s", err, rep)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
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
