package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFeedbackAndPaperCheckCommands(t *testing.T) {
	var out, errb bytes.Buffer
	var exp []FeedbackExportRequest
	var imp []FeedbackImportRequest
	check := PaperCheck{OPDKode: "BAPPEDA", Periode: 2026, Sequence: 1, Found: true, Matches: true, BundleID: "b1", Status: "superseded",
		KeyStatus: "verified", NewerBundleID: "b2", NewerSequence: 2}
	env := &Env{Stdout: &out, Stderr: &errb, Asesor: &AsesorDeps{
		ExportFeedback: func(_ context.Context, _ string, r FeedbackExportRequest) (FeedbackExported, error) {
			exp = append(exp, r)
			return FeedbackExported{Path: "x.spbe-umpan", Fingerprint: "123", Items: 2}, nil
		},
		ImportFeedback: func(_ context.Context, _ string, r FeedbackImportRequest) (FeedbackReceived, error) {
			imp = append(imp, r)
			return FeedbackReceived{AssessmentID: "a1", Sequence: 1, Trusted: r.Trust, Fingerprint: "123",
				Notes: []FeedbackNote{{Indicator: 1, Status: "revisi", Reason: "belum diunggah", Note: "unggah SK"}}}, nil
		},
		ShowFeedback: func(context.Context, string, string) ([]FeedbackReceived, error) { return nil, nil },
		PaperCheck:   func(_ context.Context, _, text string) (PaperCheck, error) { return check, nil },
	}}
	pass := filepath.Join(t.TempDir(), "p")
	os.WriteFile(pass, []byte("frasa sandi asesor\n"), 0o600)
	if code := Run(env, []string{"feedback", "export", "--bundle", "b1", "--out", "usb"}); code != ExitUsage {
		t.Fatalf("no passphrase: %d", code)
	}
	if code := Run(env, []string{"feedback", "export", "--bundle", "b1", "--out", "usb", "--passphrase-file", pass}); code != ExitOK ||
		len(exp) != 1 || string(exp[0].Passphrase) != "frasa sandi asesor" || exp[0].Name != "Tim Asesor Internal" {
		t.Fatalf("export: %d %+v", code, exp)
	}
	if code := Run(env, []string{"feedback", "import", "f", "--trust"}); code != ExitUsage {
		t.Fatalf("--trust without key: %d", code)
	}
	out.Reset()
	if code := Run(env, []string{"feedback", "import", "f", "--assessor-pubkey", "k.json", "--trust"}); code != ExitOK ||
		!imp[0].Trust || !strings.Contains(out.String(), "Indikator 1: revisi (belum diunggah) — unggah SK") ||
		!strings.Contains(out.String(), "Kunci asesor dipercaya") {
		t.Fatalf("import: %d %+v %s", code, imp, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"feedback", "show", "--assessment", "a1"}); code != ExitOK || !strings.Contains(out.String(), "Belum ada") {
		t.Fatalf("show: %d %s", code, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"papercheck", "SPBE1:X"}); code != ExitOK || !strings.Contains(out.String(), "COCOK") ||
		!strings.Contains(out.String(), "versi lebih baru") {
		t.Fatalf("papercheck: %d %s", code, out.String())
	}
	check.Matches, check.Mismatches = false, []string{"sidik jari kunci"}
	out.Reset()
	if code := Run(env, []string{"papercheck", "SPBE1:X"}); code != ExitError || !strings.Contains(out.String(), "TIDAK COCOK") {
		t.Fatalf("mismatch: %d %s", code, out.String())
	}
	if code := Run(env, []string{"papercheck"}); code != ExitUsage {
		t.Fatalf("no text: %d", code)
	}
}
