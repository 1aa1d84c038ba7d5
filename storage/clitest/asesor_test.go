package clitest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/sheet"
)

// The recap CSV from the GUI is the CLI's `recap --csv`, written as a new
// dated file each time.
func TestAsesorGUIRecapCSV(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	w, err := openAsesorGUI(data)
	if err != nil {
		t.Fatal(err)
	}
	key := asesorsvctest.RegisterOPDKey(t, w)
	usb := t.TempDir()
	if err := os.WriteFile(filepath.Join(usb, "a.spbe"), asesorsvctest.WriteBundle(t, exporttest.Input(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := w.Import(ctx, []string{usb}, nil); err != nil || len(out) != 1 || out[0].Kind != intake.KindNew {
		t.Fatalf("import %+v %v", out, err)
	}
	dest := filepath.Join(t.TempDir(), "flashdisk")
	first, err := w.ExportRecapCSV(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	second, err := w.ExportRecapCSV(ctx, dest)
	if err != nil || second == first {
		t.Fatalf("second export %q %v overwrote %q", second, err, first)
	}
	got := string(asesorsvctest.ReadFile(t, first))
	w.Close()
	if want := mustCLI(t, "recap", "--data", data, "--csv"); got != want {
		t.Errorf("GUI recap CSV differs from `recap --csv`:\n%s\n---\n%s", got, want)
	}
	if !strings.Contains(got, "kode,nama,instansi,periode") || strings.Count(got, "\n") != 2 {
		t.Errorf("recap CSV:\n%s", got)
	}
}

// TestConsolidatePDFCommandWiring runs `consolidate --pdf` through the
// real CLI and workspace.
func TestConsolidatePDFCommandWiring(t *testing.T) {
	data := t.TempDir()
	a := asesorsvctest.Consolidation(t, data)
	pass := "frasa sandi asesor yang panjang"
	key, err := keys.Open(a.Workspace().Dir()).Create([]byte(pass), time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	passFile := filepath.Join(t.TempDir(), "frasa")
	os.WriteFile(passFile, []byte(pass+"\n"), 0o600)
	out := filepath.Join(t.TempDir(), "konsolidasi.pdf")
	env := realEnv(os.Stdin, os.Stdout, os.Stderr)
	var stdout, stderr bytes.Buffer
	env.Stdout, env.Stderr, env.Stdin = &stdout, &stderr, strings.NewReader("")
	if code := cli.Run(env, []string{"consolidate", "--data", data, "--periode", "2025", "--pdf", out, "--passphrase-file", passFile}); code != cli.ExitOK {
		t.Fatalf("consolidate --pdf: %d %s", code, stderr.String())
	}
	if s := stdout.String(); !strings.Contains(s, out) || !strings.Contains(s, key.Fingerprint) || !strings.Contains(s, "47/47") {
		t.Errorf("output %s", s)
	}
	asesorsvctest.CheckConsolidatedPDF(t, out, key.Fingerprint)
	stderr.Reset()
	os.WriteFile(passFile, []byte("bukan frasanya\n"), 0o600)
	if code := cli.Run(env, []string{"consolidate", "--data", data, "--periode", "2025", "--pdf", out + ".2", "--passphrase-file", passFile}); code != cli.ExitError ||
		!strings.Contains(stderr.String(), "frasa sandi salah") {
		t.Errorf("wrong passphrase: %d %s", code, stderr.String())
	}
	if _, err := os.Stat(out + ".2"); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
}

// TestConsolidatePDFNoKeyNoPrompt: without an assessor key `consolidate
// --pdf` says how to make one (feedback export) and never asks for a
// passphrase or writes a file.
func TestConsolidatePDFNoKeyNoPrompt(t *testing.T) {
	data := t.TempDir()
	asesorsvctest.Consolidation(t, data).Close()
	env := realEnv(os.Stdin, os.Stdout, os.Stderr)
	var prompts []string
	env.ReadPassword = func(p string) ([]byte, error) { prompts = append(prompts, p); return []byte("x"), nil }
	var stdout, stderr bytes.Buffer
	env.Stdout, env.Stderr, env.Stdin = &stdout, &stderr, strings.NewReader("")
	out := filepath.Join(t.TempDir(), "k.pdf")
	if code := cli.Run(env, []string{"consolidate", "--data", data, "--periode", "2025", "--pdf", out}); code != cli.ExitError {
		t.Fatalf("exit %d", code)
	}
	if s := stderr.String(); !strings.Contains(s, "belum ada kunci asesor") || !strings.Contains(s, "feedback export") || len(prompts) != 0 {
		t.Errorf("stderr %q, prompts %q", s, prompts)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
	if strings.Contains(asesorsvc.ErrNoAsesorKey.Error(), "layar Umpan balik") || !strings.Contains(asesorsvc.ErrNoAsesorKey.Error(), "Tinjau") {
		t.Errorf("GUI message names a screen that does not exist: %v", asesorsvc.ErrNoAsesorKey)
	}
}

// `recap --xlsx FILE` writes a workbook whose index is a number.
func TestRecapXLSXCommand(t *testing.T) {
	data, w := asesorsvctest.Reviewed(t)
	w.Close()
	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	if got := mustCLI(t, "recap", "--data", data, "--xlsx", out); !strings.Contains(got, out) || !strings.Contains(got, "1 baris") {
		t.Errorf("stdout %q", got)
	}
	f := asesorsvctest.OpenWorkbook(t, out)
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet.SheetRecap}) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue(sheet.SheetRecap, "A2"); v != "DISKOMINFO" {
		t.Errorf("A2 = %q", v)
	}
	if v := asesorsvctest.RawNumber(t, f, sheet.SheetRecap, "D2"); v != 3 {
		t.Errorf("Indeks %v, want 3", v)
	}
	// The output-path policy holds for workbooks too: an existing file is
	// kept unless --force, and nothing is written into the data folder.
	before, _ := os.ReadFile(out)
	if code, _, e := runCLI(t, "recap", "--data", data, "--xlsx", out); code != 1 || !strings.Contains(e, "--force") {
		t.Errorf("existing workbook: exit %d, %q", code, e)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Error("an existing workbook was replaced without --force")
	}
	mustCLI(t, "recap", "--data", data, "--xlsx", out, "--force")
	inside := filepath.Join(data, "rekap.xlsx")
	if code, _, e := runCLI(t, "recap", "--data", data, "--xlsx", inside, "--force"); code != 1 || storage.FileExists(inside) {
		t.Errorf("workbook into the data folder: exit %d, %q", code, e)
	}
	for _, bad := range [][]string{{"--xlsx", out, "--csv"}, {"--xlsx", out, "--json"}, {"--xlsx", filepath.Join(t.TempDir(), "rekap.csv")}} {
		if code, _, _ := runCLI(t, append([]string{"recap", "--data", data}, bad...)...); code != 2 {
			t.Errorf("recap %q: exit %d, want 2 (usage)", bad, code)
		}
	}
}

func TestConsolidateAndReviewXLSXCommands(t *testing.T) {
	data, w := asesorsvctest.Reviewed(t)
	w.Close()
	dir := t.TempDir()
	kons := filepath.Join(dir, "konsolidasi.xlsx")
	mustCLI(t, "consolidate", "show", "--data", data, "--periode", "2025", "--xlsx", kons)
	f := asesorsvctest.OpenWorkbook(t, kons)
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet.SheetConsolidation, sheet.SheetSummary}) {
		t.Fatalf("sheets %q", got)
	}
	if v := asesorsvctest.RawNumber(t, f, sheet.SheetConsolidation, "C2"); v != 2.5 {
		t.Errorf("Nilai indikator 1 = %v, want 2.5", v)
	}
	if v, _ := f.GetCellValue(sheet.SheetConsolidation, "B2"); v == "" {
		t.Error("no indicator name")
	}

	tinj := filepath.Join(dir, "tinjauan.xlsx")
	mustCLI(t, "review", "show", "--data", data, "--bundle", exporttest.Input(t).BundleID[:13], "--xlsx", tinj)
	f = asesorsvctest.OpenWorkbook(t, tinj)
	if v := asesorsvctest.RawNumber(t, f, sheet.SheetReview, "H2"); v != 2.5 {
		t.Errorf("Nilai = %v, want 2.5", v)
	}
	if v, _ := f.GetCellValue(sheet.SheetReview, "K2"); !strings.HasPrefix(v, "=HYPERLINK") {
		t.Errorf("Catatan = %q", v)
	}
	if fo, _ := f.GetCellFormula(sheet.SheetReview, "K2"); fo != "" {
		t.Errorf("the note became a formula: %q", fo)
	}
	if code, _, _ := runCLI(t, "review", "--data", data, "--bundle", "x", "--indicator", "1", "--status", "diterima", "--xlsx", tinj); code != 2 {
		t.Errorf("review (not show) --xlsx: exit %d, want 2", code)
	}
}
