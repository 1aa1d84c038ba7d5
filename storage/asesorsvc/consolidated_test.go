package asesorsvc_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestExportConsolidation exports all three formats from a real
// workspace: the CSV and JSON are the CLI's bytes, the PDF is signed with
// the assessor's key (valid for pdfsig) and reproducible for the same
// time; no key and a wrong passphrase are refused and write nothing.
func TestExportConsolidation(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	a := asesorsvctest.Consolidation(t, data)
	dest := filepath.Join(t.TempDir(), "usb")
	pass := []byte("frasa sandi asesor yang panjang")
	at := time.Date(2026, 6, 1, 10, 30, 0, 0, time.FixedZone("WITA", 8*3600))

	if _, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportPDF, dest, pass, at); !errors.Is(err, asesorsvc.ErrNoAsesorKey) {
		t.Fatalf("PDF without an assessor key: %v", err)
	}
	key, err := keys.Open(a.Workspace().Dir()).Create(pass, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ExportConsolidation(ctx, 2025, assessment.ExportPDF, dest, []byte("salah")); !errors.Is(err, keys.ErrWrongPassphrase) ||
		!strings.Contains(err.Error(), "frasa sandi salah") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if files, _ := filepath.Glob(filepath.Join(dest, "*")); len(files) != 0 {
		t.Fatalf("refused exports left %v", files)
	}
	if _, err := a.ExportConsolidation(ctx, 2025, "ods", dest, nil); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := a.ExportConsolidation(ctx, 2031, assessment.ExportCSV, dest, nil); err == nil || !strings.Contains(err.Error(), "2031") {
		t.Errorf("periode without bundles: %v", err)
	}

	// Batal in the GUI cancels the context: nothing is written.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.ExportConsolidationAt(cancelled, 2025, assessment.ExportCSV, dest, pass, at); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export: %v", err)
	}
	if files, _ := filepath.Glob(filepath.Join(dest, "*")); len(files) != 0 {
		t.Fatalf("a cancelled export wrote %v", files)
	}

	paths := map[assessment.ExportFormat]string{}
	for _, f := range []assessment.ExportFormat{assessment.ExportXLSX, assessment.ExportCSV, assessment.ExportJSON, assessment.ExportPDF} {
		p, err := a.ExportConsolidationAt(ctx, 2025, f, dest, pass, at)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if filepath.Base(p) != "KONSOLIDASI_2025."+string(f) {
			t.Errorf("%s written as %s", f, p)
		}
		paths[f] = p
	}
	if left, _ := filepath.Glob(filepath.Join(dest, ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	pdf := asesorsvctest.ReadFile(t, paths[assessment.ExportPDF])
	again, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportPDF, t.TempDir(), pass, at)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, asesorsvctest.ReadFile(t, again)) {
		t.Error("the same workspace, key and time gave a different PDF")
	}
	asesorsvctest.CheckConsolidatedPDF(t, paths[assessment.ExportPDF], key.Fingerprint)

	// The CLI writes the same CSV and JSON bytes (the workspace lock is
	// released first, as the GUI does when switching away).
	a.Close()
	for f, flag := range map[assessment.ExportFormat]string{assessment.ExportCSV: "--csv", assessment.ExportJSON: "--json"} {
		out := mustCLI(t, "consolidate", "show", "--data", data, "--periode", "2025", flag)
		if out != string(asesorsvctest.ReadFile(t, paths[f])) {
			t.Errorf("%s export differs from `consolidate show %s`:\n%s\n---\n%s", f, flag, asesorsvctest.ReadFile(t, paths[f]), out)
		}
	}
	if csv := string(asesorsvctest.ReadFile(t, paths[assessment.ExportCSV])); !strings.Contains(csv, "2025,2,2.5,ditetapkan,") ||
		!strings.Contains(csv, "2025,5,3,usulan,DINKES,") || !strings.Contains(csv, "2025,40,2,usulan,BAPPEDA,") {
		t.Errorf("csv:\n%s", csv)
	}
}

// TestConsolidationExcludesRevokedKey: after DINKES's key is revoked its
// bundle counts nowhere, and every output says so: the GUI view, CSV,
// JSON and the PDF.
func TestConsolidationExcludesRevokedKey(t *testing.T) {
	ctx := context.Background()
	a := asesorsvctest.Consolidation(t, t.TempDir())
	list, err := a.Workspace().Keys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range list {
		if k.OPDKode == "DINKES" {
			if _, err := a.Workspace().RevokeKey(ctx, k.KeyID); err != nil {
				t.Fatal(err)
			}
		}
	}
	v, _, err := a.Consolidation(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(v.ExcludedRevoked, ",") != "DINKES" {
		t.Fatalf("view excluded %v", v.ExcludedRevoked)
	}
	for _, r := range v.Rows {
		for _, k := range r.Candidates {
			if k.OPDKode == "DINKES" {
				t.Fatalf("indicator %d still has DINKES as candidate", r.Indicator)
			}
		}
		if r.Indicator == 5 && (r.Value != "2" || r.FromOPD != "BAPPEDA") {
			t.Errorf("indicator 5: %q from %q, want 2 from BAPPEDA (DINKES's 3 no longer counts)", r.Value, r.FromOPD)
		}
	}
	pass := []byte("frasa sandi asesor yang panjang")
	if _, err := keys.Open(a.Workspace().Dir()).Create(pass, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	at := time.Date(2026, 6, 1, 10, 30, 0, 0, time.UTC)
	for _, f := range []assessment.ExportFormat{assessment.ExportXLSX, assessment.ExportCSV, assessment.ExportJSON, assessment.ExportPDF} {
		if _, err := a.ExportConsolidationAt(ctx, 2025, f, dest, pass, at); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if csv := string(asesorsvctest.ReadFile(t, filepath.Join(dest, "KONSOLIDASI_2025.csv"))); !strings.Contains(csv, ",opd_tidak_dihitung\n") ||
		!strings.Contains(csv, "2025,5,2,usulan,BAPPEDA,") || !strings.Contains(csv, ",DINKES\n") {
		t.Errorf("csv:\n%.400s", csv)
	}
	if js := string(asesorsvctest.ReadFile(t, filepath.Join(dest, "KONSOLIDASI_2025.json"))); !strings.Contains(js, "\"excluded_revoked\": [\n    \"DINKES\"\n  ]") {
		t.Errorf("json lacks excluded_revoked")
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	txt, err := exec.Command(bin, "-enc", "UTF-8", filepath.Join(dest, "KONSOLIDASI_2025.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(txt)), " ")
	for _, w := range []string{"1 tidak dihitung karena kunci OPD dicabut (DINKES)", "telah dicabut: DINKES", "dicabut tidak dihitung"} {
		if !strings.Contains(flat, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if strings.Contains(flat, "DINKES: tingkat") {
		t.Error("the PDF still lists DINKES as a candidate")
	}
}
