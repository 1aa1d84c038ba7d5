package clitest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/pdftest"
)

// demoAssessment makes the demo data folder and returns it with the id of
// the assessment on catalog catalogID.
func demoAssessment(t *testing.T, catalogID string) (data, id string) {
	t.Helper()
	data = t.TempDir()
	if code, _, e := runCLI(t, "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	code, out, e := runCLI(t, "--data", data, "assessment", "list", "--json")
	if code != 0 {
		t.Fatalf("assessment list: %d %s", code, e)
	}
	var list []struct {
		ID        string `json:"id"`
		CatalogID string `json:"catalog_id"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.CatalogID == catalogID {
			return data, a.ID
		}
	}
	t.Fatalf("no %s assessment in the demo", catalogID)
	return "", ""
}

// TestPortalPackageOnRealStorage: the demo's Pemdi assessment gives a
// package whose every evidence file is named I{nn}-L{l}-{NN}_…, with the
// lembar and the steps; a second run is refused, --force replaces it,
// and the data folder is never a destination.
func TestPortalPackageOnRealStorage(t *testing.T) {
	data, id := demoAssessment(t, "pemdi-2026")
	out := filepath.Join(t.TempDir(), "stick", "paket")
	code, so, se := runCLI(t, "--data", data, "portal-package", "--assessment", id, "--out", out)
	if code != 0 || !strings.Contains(so, out) {
		t.Fatalf("portal-package: %d %s %s", code, so, se)
	}
	named := regexp.MustCompile(`^I[0-9]{2}/I[0-9]{2}-L[0-5]-[0-9]{2}_.+\.pdf$`)
	var evidence int
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		switch rel {
		case "LANGKAH-UNGGAH.txt", "LEMBAR-ISIAN.xlsx", "LEMBAR-ISIAN.pdf":
		default:
			if !named.MatchString(rel) || rel[:3] != rel[4:7] {
				t.Errorf("%s is not named by its indicator and item", rel)
			}
			evidence++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if evidence == 0 {
		t.Error("no evidence file in the package")
	}
	pdftest.AssertText(t, filepath.Join(out, "LEMBAR-ISIAN.pdf"), "LEMBAR ISIAN PORTAL", "DISKOMINFO", "dinilai Bappenas")

	if code, _, se := runCLI(t, "--data", data, "portal-package", "--assessment", id, "--out", out); code != cli.ExitError || !strings.Contains(se, "--force") {
		t.Errorf("second run: %d %s", code, se)
	}
	if code, _, se := runCLI(t, "--data", data, "portal-package", "--assessment", id, "--out", out, "--force"); code != 0 {
		t.Errorf("--force: %d %s", code, se)
	}
	inData := filepath.Join(data, "paket")
	if code, _, se := runCLI(t, "--data", data, "portal-package", "--assessment", id, "--out", inData); code != cli.ExitError || !strings.Contains(se, "folder data") {
		t.Errorf("into the data folder: %d %s", code, se)
	}
	if _, err := os.Stat(inData); !os.IsNotExist(err) {
		t.Error("a package was written inside the data folder")
	}
}

// TestPortalPackageWithItems: evidence attached to items with `answer
// --item` and an agency score with `--external-score` come out of the real
// store as files named by item code (one copy per item) and as the
// converted value on the lembar.
func TestPortalPackageWithItems(t *testing.T) {
	data, id := demoAssessment(t, "pemdi-2026")
	src := filepath.Join(t.TempDir(), "SK Tim Koordinasi.pdf")
	if err := os.WriteFile(src, []byte("%PDF-1.4 SK"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, se := runCLI(t, "--data", data, "answer", "--assessment", id, "--indicator", "4", "--level", "1",
		"--evidence", src, "--evidence-level", "1", "--item", "I4-L1-01", "--item", "I4-L1-02"); code != 0 {
		t.Fatalf("answer --item: %d %s", code, se)
	}
	if code, _, se := runCLI(t, "--data", data, "answer", "--assessment", id, "--indicator", "5",
		"--external-score", "25", "--external-year", "2025"); code != 0 {
		t.Fatalf("answer --external-score: %d %s", code, se)
	}
	out := filepath.Join(t.TempDir(), "paket")
	if code, _, se := runCLI(t, "--data", data, "portal-package", "--assessment", id, "--out", out); code != 0 {
		t.Fatalf("portal-package: %d %s", code, se)
	}
	for _, name := range []string{"I04-L1-01_SK Tim Koordinasi.pdf", "I04-L1-02_SK Tim Koordinasi.pdf"} {
		b, err := os.ReadFile(filepath.Join(out, "I04", name))
		if err != nil || string(b) != "%PDF-1.4 SK" {
			t.Errorf("I04/%s: %q %v", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "I05")); !os.IsNotExist(err) {
		t.Error("the externally valued I5 got a folder")
	}
	pdftest.AssertText(t, filepath.Join(out, "LEMBAR-ISIAN.pdf"), "I4-L1-01 ada", "I4-L1-03 belum", "dinilai Bappenas: 2,00", "25 (2025)")
	steps, _ := os.ReadFile(filepath.Join(out, "LANGKAH-UNGGAH.txt"))
	if !strings.Contains(string(steps), "Folder I04 → Indikator 4: level 1 — Merintis; 2 berkas; 1 butir belum ada bukti") {
		t.Errorf("steps:\n%s", steps)
	}
}
