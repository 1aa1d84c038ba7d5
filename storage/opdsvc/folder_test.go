package opdsvc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

const testPass = "frasa sandi OPD yang panjang"

// folderOn opens a real data folder with an OPD profile, as the GUI and
// the CLI get it (OpenFolder on the embedded catalogs).
func folderOn(t *testing.T, dir, kode string) *assessment.OPDFolder {
	t.Helper()
	f, err := OpenFolder(dir, assets.Library, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	p := assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: kode,
		OPDNama: "Dinas " + kode, Operator: "Rina"}
	if err := f.Store.SaveProfile(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return f
}

// ownExport makes a folder with a key and one exported bundle; it returns
// the open folder and the bundle's path.
func ownExport(t *testing.T, kode string) (*assessment.OPDFolder, string) {
	t.Helper()
	ctx := context.Background()
	f := folderOn(t, t.TempDir(), kode)
	c, err := f.Library.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.Store.CreateAssessment(ctx, c, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Keys.Create(ctx, []byte(testPass)); err != nil {
		t.Fatal(err)
	}
	res, err := f.Export.Bundle(ctx, assessment.ExportRequest{AssessmentID: a.ID, OutDir: t.TempDir(), Passphrase: []byte(testPass)})
	if err != nil || res.Path == "" {
		t.Fatalf("export: %+v %v", res, err)
	}
	return f, res.Path
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func isDataFolderRefusal(err error) bool {
	var oe *assessment.OutputPathError
	return errors.As(err, &oe) && oe.Reason == assessment.OutputInDataFolder
}

// Class 1 of issue 11 through the folder's ports (the GUI's key screen and
// export): a folder inside the data folder is refused with the policy's
// message; nothing is written there.
func TestFolderExportsRefuseDataFolder(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	k := folderOn(t, data, "DISKOMINFO")
	pass := []byte(testPass)
	if _, err := k.Keys.Create(ctx, pass); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, data)
	keysBefore := listDir(t, filepath.Join(data, "keys"))
	for name, export := range map[string]func(dir string) error{
		"key form":   func(dir string) error { _, err := k.Keys.KeyForm(ctx, dir); return err },
		"public key": func(dir string) error { _, err := k.Keys.ExportPublic(ctx, dir); return err },
		"key backup": func(dir string) error { _, err := k.Keys.Backup(ctx, dir, pass); return err },
		"bundle": func(dir string) error {
			_, err := k.Export.Bundle(ctx, assessment.ExportRequest{AssessmentID: "x", OutDir: dir, Passphrase: pass})
			return err
		},
		"bundle (GUI)": func(dir string) error {
			_, err := k.Export.Publish(ctx, assessment.ExportRequest{AssessmentID: "x", OutDir: dir, Passphrase: pass})
			return err
		},
	} {
		for _, dir := range []string{data, filepath.Join(data, "keys"), filepath.Join(data, "baru")} {
			if err := export(dir); !isDataFolderRefusal(err) {
				t.Errorf("%s into %s: %v", name, dir, err)
			}
		}
	}
	if got := listDir(t, data); strings.Join(got, "|") != strings.Join(before, "|") {
		t.Errorf("data folder now holds %v, was %v", got, before)
	}
	if got := listDir(t, filepath.Join(data, "keys")); strings.Join(got, "|") != strings.Join(keysBefore, "|") {
		t.Errorf("keys folder now holds %v, was %v", got, keysBefore)
	}
}

// A wrong passphrase through the GUI's export and key backup is
// assessment.ErrWrongPassphrase — the error app.TestExportFailureIsShown
// stands in for.
func TestFolderWrongPassphraseIsTheDomainError(t *testing.T) {
	ctx := context.Background()
	k := folderOn(t, t.TempDir(), "DISKOMINFO")
	if _, err := k.Keys.Create(ctx, []byte(testPass)); err != nil {
		t.Fatal(err)
	}
	req := assessment.ExportRequest{AssessmentID: "tidak-dipakai", OutDir: t.TempDir(), Passphrase: []byte("bukan frasa sandinya")}
	if _, err := k.Export.Publish(ctx, req); !errors.Is(err, assessment.ErrWrongPassphrase) {
		t.Errorf("export with a wrong passphrase: %v", err)
	}
	if _, err := k.Keys.Backup(ctx, t.TempDir(), []byte("bukan frasa sandinya")); !errors.Is(err, assessment.ErrWrongPassphrase) {
		t.Errorf("key backup with a wrong passphrase: %v", err)
	}
}

// The officer's own bundle: checked with the folder's own key it is SAH,
// and Buka laporan PDF gives the signed report from inside it — copied
// once, read-only — while another OPD's bundle is not opened.
func TestOwnBundleReportAndCheck(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	svc, path := ownExport(t, "DISKOMINFO")
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
	if err != nil || !bytes.HasPrefix(got, []byte("%PDF")) || !bytes.Equal(got, zipEntry(t, path, "report.pdf")) {
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

// zipEntry is the named entry of the bundle file path.
func zipEntry(t *testing.T, path, name string) []byte {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, f := range r.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no %s in %s", name, path)
	return nil
}
