package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// consolidationWorkspace builds a real assessor workspace in data: three
// OPD bundles (SPBE 2020, periode 2025) imported with registered keys,
// BAPPEDA's 47 answers accepted, DINKES's first ten accepted, DISKOMINFO's
// first sent back, and indicator 2 settled at 2,5 with a note.
func consolidationWorkspace(t *testing.T, data string) *asesorGUI {
	t.Helper()
	ctx := context.Background()
	aw, err := openAsesorGUI(data)
	if err != nil {
		t.Fatal(err)
	}
	a := aw.(*asesorGUI)
	t.Cleanup(func() { a.Close() })
	usb := t.TempDir()
	opds := []struct {
		kode, nama string
		level      int
	}{
		{"BAPPEDA", "Badan Perencanaan Pembangunan Daerah", 2},
		{"DINKES", "Dinas Kesehatan", 3},
		{"DISKOMINFO", "Dinas Komunikasi dan Informatika", 4},
	}
	for i, o := range opds {
		key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi OPD"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		pub := filepath.Join(t.TempDir(), "kunci.json")
		if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.w.AddKeyFile(ctx, pub, o.kode); err != nil {
			t.Fatal(err)
		}
		in := exporttest.Input(t)
		in.BundleID = fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f%d", i)
		in.Snapshot.Profile.OPDKode, in.Snapshot.Profile.OPDNama = o.kode, o.nama
		for j := range in.Snapshot.Answers {
			in.Snapshot.Answers[j].Level = o.level
		}
		if err := os.WriteFile(filepath.Join(usb, o.kode+".spbe"), writeBundle(t, in, key), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if res, err := a.Import(ctx, []string{usb}, nil); err != nil || len(res) != 3 {
		t.Fatalf("import %+v, %v", res, err)
	}
	bundles, err := a.Bundles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	review := func(kode string, n int, status string) {
		for _, b := range bundles {
			if b.OPDKode == kode {
				d := assessment.ReviewDecision{BundleID: b.BundleID, Indicator: n, Status: status, Reviewer: "Budi"}
				if status == assessment.ReviewRevision {
					d.Reason = assessment.ReasonWrongEvidence
				}
				if err := a.SaveReview(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for n := 1; n <= 47; n++ {
		review("BAPPEDA", n, assessment.ReviewAccepted)
		if n <= 10 {
			review("DINKES", n, assessment.ReviewAccepted)
		}
	}
	review("DISKOMINFO", 1, assessment.ReviewRevision)
	if err := a.Settle(ctx, assessment.SettleRequest{Periode: 2025, Indicator: 2, Value: "2,5",
		Note: "Ditetapkan setelah klarifikasi dengan Sekretariat", SetBy: "Budi Santoso"}); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestExportConsolidation exports all three formats from a real
// workspace: the CSV and JSON are the CLI's bytes, the PDF is signed with
// the assessor's key (valid for pdfsig) and reproducible for the same
// time; no key and a wrong passphrase are refused and write nothing.
func TestExportConsolidation(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	a := consolidationWorkspace(t, data)
	dest := filepath.Join(t.TempDir(), "usb")
	pass := []byte("frasa sandi asesor yang panjang")
	at := time.Date(2026, 6, 1, 10, 30, 0, 0, time.FixedZone("WITA", 8*3600))

	if _, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportPDF, dest, pass, at); !errors.Is(err, asesorsvc.ErrNoAsesorKey) {
		t.Fatalf("PDF without an assessor key: %v", err)
	}
	key, err := keys.Open(a.w.Dir()).Create(pass, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
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
	pdf := readFile(t, paths[assessment.ExportPDF])
	again, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportPDF, t.TempDir(), pass, at)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, readFile(t, again)) {
		t.Error("the same workspace, key and time gave a different PDF")
	}
	checkConsolidatedPDF(t, paths[assessment.ExportPDF], key.Fingerprint)

	// The CLI writes the same CSV and JSON bytes (the workspace lock is
	// released first, as the GUI does when switching away).
	a.Close()
	for f, flag := range map[assessment.ExportFormat]string{assessment.ExportCSV: "--csv", assessment.ExportJSON: "--json"} {
		out := mustCLI(t, "consolidate", "show", "--data", data, "--periode", "2025", flag)
		if out != string(readFile(t, paths[f])) {
			t.Errorf("%s export differs from `consolidate show %s`:\n%s\n---\n%s", f, flag, readFile(t, paths[f]), out)
		}
	}
	if csv := string(readFile(t, paths[assessment.ExportCSV])); !strings.Contains(csv, "2025,2,2.5,ditetapkan,") ||
		!strings.Contains(csv, "2025,5,3,usulan,DINKES,") || !strings.Contains(csv, "2025,40,2,usulan,BAPPEDA,") {
		t.Errorf("csv:\n%s", csv)
	}
}

// TestConsolidatePDFCommandWiring runs `consolidate --pdf` through the
// real CLI and workspace.
func TestConsolidatePDFCommandWiring(t *testing.T) {
	data := t.TempDir()
	a := consolidationWorkspace(t, data)
	pass := "frasa sandi asesor yang panjang"
	key, err := keys.Open(a.w.Dir()).Create([]byte(pass), time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	passFile := filepath.Join(t.TempDir(), "frasa")
	os.WriteFile(passFile, []byte(pass+"\n"), 0o600)
	out := filepath.Join(t.TempDir(), "konsolidasi.pdf")
	env := cliEnv()
	if env.Asesor.ConsolidatedPDF == nil { // until asesorDeps wires it
		env.Asesor.ConsolidatedPDF = asesorFolder.ConsolidatedPDF
	}
	var stdout, stderr bytes.Buffer
	env.Stdout, env.Stderr, env.Stdin = &stdout, &stderr, strings.NewReader("")
	if code := cli.Run(env, []string{"consolidate", "--data", data, "--periode", "2025", "--pdf", out, "--passphrase-file", passFile}); code != cli.ExitOK {
		t.Fatalf("consolidate --pdf: %d %s", code, stderr.String())
	}
	if s := stdout.String(); !strings.Contains(s, out) || !strings.Contains(s, key.Fingerprint) || !strings.Contains(s, "47/47") {
		t.Errorf("output %s", s)
	}
	checkConsolidatedPDF(t, out, key.Fingerprint)
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

// checkConsolidatedPDF: pdfsig finds a valid signature over the whole
// file, and the text has the OPDs, the settled value and the fingerprint.
func checkConsolidatedPDF(t *testing.T, path, fingerprint string) {
	t.Helper()
	if !bytes.HasPrefix(readFile(t, path), []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", path)
	}
	if bin, err := exec.LookPath("pdfsig"); err == nil {
		out, _ := exec.Command(bin, path).CombinedOutput()
		if !strings.Contains(string(out), "Signature is Valid.") || !strings.Contains(string(out), "Total document signed") {
			t.Errorf("pdfsig:\n%s", out)
		}
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext not installed: text not checked")
		return
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"PEMERINTAH KABUPATEN SIGI", "Periode 2025", "Badan Perencanaan", "Dinas Kesehatan", "DISKOMINFO",
		"2,5", "Ditetapkan asesor", "Budi Santoso", "DISKOMINFO: tingkat 4, revisi", "DINKES: tingkat 3, diterima → 3", fingerprint} {
		if !strings.Contains(string(out), w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestConsolidatePDFNoKeyNoPrompt: without an assessor key `consolidate
// --pdf` says how to make one (feedback export) and never asks for a
// passphrase or writes a file.
func TestConsolidatePDFNoKeyNoPrompt(t *testing.T) {
	data := t.TempDir()
	consolidationWorkspace(t, data).Close()
	env := cliEnv()
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

// TestConsolidationExcludesRevokedKey: after DINKES's key is revoked its
// bundle counts nowhere, and every output says so: the GUI view, CSV,
// JSON and the PDF.
func TestConsolidationExcludesRevokedKey(t *testing.T) {
	ctx := context.Background()
	a := consolidationWorkspace(t, t.TempDir())
	list, err := a.w.Keys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range list {
		if k.OPDKode == "DINKES" {
			if _, err := a.w.RevokeKey(ctx, k.KeyID); err != nil {
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
	if _, err := keys.Open(a.w.Dir()).Create(pass, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	at := time.Date(2026, 6, 1, 10, 30, 0, 0, time.UTC)
	for _, f := range []assessment.ExportFormat{assessment.ExportXLSX, assessment.ExportCSV, assessment.ExportJSON, assessment.ExportPDF} {
		if _, err := a.ExportConsolidationAt(ctx, 2025, f, dest, pass, at); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if csv := string(readFile(t, filepath.Join(dest, "KONSOLIDASI_2025.csv"))); !strings.Contains(csv, ",opd_tidak_dihitung\n") ||
		!strings.Contains(csv, "2025,5,2,usulan,BAPPEDA,") || !strings.Contains(csv, ",DINKES\n") {
		t.Errorf("csv:\n%.400s", csv)
	}
	if js := string(readFile(t, filepath.Join(dest, "KONSOLIDASI_2025.json"))); !strings.Contains(js, "\"excluded_revoked\": [\n    \"DINKES\"\n  ]") {
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
