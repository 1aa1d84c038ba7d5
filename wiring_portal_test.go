package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
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
	assertPDFText(t, filepath.Join(out, "LEMBAR-ISIAN.pdf"), "LEMBAR ISIAN PORTAL", "DISKOMINFO", "dinilai Bappenas")

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
