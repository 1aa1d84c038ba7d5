package cli

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
)

func TestConsolidateCommands(t *testing.T) {
	var out, errb bytes.Buffer
	var settled []assessment.SettleRequest
	var resp [][]string
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{
		Consolidate: func(_ context.Context, _ string, p int) (assessment.ConsolidationView, error) {
			return assessment.ConsolidationView{Periode: p, CatalogID: "pemdi-2026",
				Score: assessment.Score{Index: big.NewRat(5, 2), Predicate: "Cukup", Answered: 1, Total: 47},
				Rows:  []assessment.ConsolidationRow{{Indicator: 1, Value: "2.5", Source: "usulan", FromOPD: "BAPPEDA", FromBundle: "b1"}, {Indicator: 2}}}, nil
		},
		Settle: func(_ context.Context, _ string, r assessment.SettleRequest) error {
			settled = append(settled, r)
			return nil
		},
		SetResponsible: func(_ context.Context, _ string, p, n int, k []string) error {
			resp = append(resp, k)
			return nil
		},
		Operator: func() string { return "Budi" },
	}).open}
	if code := Run(env, []string{"consolidate", "show"}); code != ExitUsage {
		t.Fatalf("no periode: %d", code)
	}
	if code := Run(env, []string{"consolidate", "set", "--periode", "2026", "--indicator", "3", "--value", "3,5", "--from-bundle", "b1"}); code != ExitOK ||
		len(settled) != 1 || settled[0].SetBy != "Budi" || settled[0].FromBundle != "b1" || settled[0].Value != "3,5" {
		t.Fatalf("set: %d %+v", code, settled)
	}
	if code := Run(env, []string{"consolidate", "responsible", "--periode", "2026", "--indicator", "3", "--opd", "A, B"}); code != ExitOK ||
		len(resp) != 1 || strings.Join(resp[0], "|") != "A|B" {
		t.Fatalf("responsible: %d %v", code, resp)
	}
	out.Reset()
	if code := Run(env, []string{"consolidate", "show", "--periode", "2026"}); code != ExitOK ||
		!strings.Contains(out.String(), "indeks instansi 2,50 Cukup (sementara) — 1/47") || !strings.Contains(out.String(), "BAPPEDA") {
		t.Fatalf("show: %d %s", code, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"consolidate", "show", "--periode", "2026", "--csv"}); code != ExitOK ||
		!strings.Contains(out.String(), "2026,1,2.5,usulan,BAPPEDA,b1,") {
		t.Fatalf("csv: %d %s", code, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"consolidate", "show", "--periode", "2026", "--json"}); code != ExitOK || !strings.Contains(out.String(), `"from_opd": "BAPPEDA"`) {
		t.Fatalf("json: %d %s", code, out.String())
	}
}

// TestConsolidatePDFCommand: --pdf takes the passphrase from a file or
// standard input (never the command line), works with and without
// `show`, refuses mixing with --json/--csv, and reports the deps' error.
func TestConsolidatePDFCommand(t *testing.T) {
	var out, errb bytes.Buffer
	var got []assessment.ConsolidatedPDFRequest
	var pass []string
	var fail error
	deps := &asesorStub{ConsolidatedPDF: func(_ context.Context, dataDir string, r assessment.ConsolidatedPDFRequest) (assessment.ConsolidatedPDFResult, error) {
		if dataDir != "/data" {
			t.Errorf("dataDir %q", dataDir)
		}
		got = append(got, r)
		p, err := r.Passphrase()
		if err != nil {
			return assessment.ConsolidatedPDFResult{}, err
		}
		pass = append(pass, string(p))
		return assessment.ConsolidatedPDFResult{Path: r.Out, Index: "2.456", Predicate: "Baik", Answered: 44, Total: 47, OPDs: 3,
			Fingerprint: "12345 67890"}, fail
	}}
	env := &Env{Stdin: strings.NewReader("frasa sandi asesor\n"), Stdout: &out, Stderr: &errb, OpenAsesor: deps.open}
	if code := Run(env, []string{"--data", "/data", "consolidate", "--periode", "2026", "--pdf", "/tmp/k.pdf", "--passphrase-file", "-"}); code != ExitOK {
		t.Fatalf("bare --pdf: %d %s", code, errb.String())
	}
	if len(got) != 1 || got[0].Periode != 2026 || got[0].Out != "/tmp/k.pdf" || len(pass) != 1 || pass[0] != "frasa sandi asesor" {
		t.Fatalf("request %+v, passphrases %q", got, pass)
	}
	if s := out.String(); !strings.Contains(s, "/tmp/k.pdf") || !strings.Contains(s, "2,46 Baik (sementara) — 44/47") || !strings.Contains(s, "12345 67890") {
		t.Errorf("output %q", s)
	}
	env.Stdin = strings.NewReader("lagi\n")
	if code := Run(env, []string{"consolidate", "show", "--data", "/data", "--periode", "2026", "--pdf", "/tmp/k.pdf", "--passphrase-file", "-"}); code != ExitOK || len(got) != 2 {
		t.Fatalf("show --pdf: %d", code)
	}
	for _, args := range [][]string{
		{"consolidate", "--periode", "2026", "--pdf", "x.pdf", "--json", "--passphrase-file", "-"},
		{"consolidate", "set", "--periode", "2026", "--indicator", "1", "--value", "2", "--pdf", "x.pdf"},
		{"consolidate", "--periode", "2026", "--passphrase-file", "-"},
		{"consolidate", "--periode", "2026", "--pdf", "x.pdf"}, // no passphrase source: no terminal prompt wired
	} {
		if code := Run(env, args); code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", args, code)
		}
	}
	fail = errors.New("frasa sandi salah")
	errb.Reset()
	env.Stdin = strings.NewReader("salah\n")
	if code := Run(env, []string{"consolidate", "--data", "/data", "--periode", "2026", "--pdf", "x.pdf", "--passphrase-file", "-"}); code != ExitError ||
		!strings.Contains(errb.String(), "frasa sandi salah") {
		t.Errorf("wrong passphrase: %d %s", code, errb.String())
	}
	if code := Run(&Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{}).open}, []string{"consolidate", "--periode", "1", "--pdf", "x", "--passphrase-file", "-"}); code != ExitError {
		t.Errorf("unwired: %d", code)
	}
}

// TestConsolidationWriters: the exported writers give the CLI's bytes.
func TestConsolidationWriters(t *testing.T) {
	c := assessment.ConsolidationView{Periode: 2026, CatalogID: "spbe-2020", Score: assessment.Score{Index: big.NewRat(5, 2)}, Rows: []assessment.ConsolidationRow{
		{Indicator: 1, Value: "2.5", Source: "ditetapkan", FromOPD: "A", Note: "catatan, dengan koma <b>", Responsible: []string{"A", "B"}}}}
	var csvb, jsonb bytes.Buffer
	if err := tabular.WriteConsolidationCSV(&csvb, c); err != nil {
		t.Fatal(err)
	}
	want := "periode,indikator,nilai,sumber,opd_asal,bundle_asal,penanggung_jawab,catatan,ditetapkan_oleh,opd_tidak_dihitung\n" +
		"2026,1,2.5,ditetapkan,A,,A B,\"catatan, dengan koma <b>\",,\n"
	if csvb.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", csvb.String(), want)
	}
	if err := tabular.WriteConsolidationJSON(&jsonb, c); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{Consolidate: func(context.Context, string, int) (assessment.ConsolidationView, error) { return c, nil }}).open}
	if code := Run(env, []string{"consolidate", "show", "--periode", "2026", "--json"}); code != ExitOK || out.String() != jsonb.String() {
		t.Errorf("CLI JSON differs from WriteConsolidationJSON: %d\n%s\n%s", code, out.String(), jsonb.String())
	}
	if !strings.Contains(jsonb.String(), "<b>") {
		t.Error("HTML escaped in JSON")
	}
	out.Reset()
	if code := Run(env, []string{"consolidate", "show", "--periode", "2026", "--csv"}); code != ExitOK || out.String() != want {
		t.Errorf("CLI CSV differs: %q", out.String())
	}
}

// TestConsolidateRefusesForeignFlags: a forgotten `set` (or `responsible`)
// is refused with the usage instead of silently showing; `--value ""` is
// caught too, and show's flags are refused on set.
func TestConsolidateRefusesForeignFlags(t *testing.T) {
	var out, errb bytes.Buffer
	var calls []string
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{
		Consolidate: func(context.Context, string, int) (assessment.ConsolidationView, error) {
			calls = append(calls, "show")
			return assessment.ConsolidationView{Periode: 2026}, nil
		},
		Settle: func(context.Context, string, assessment.SettleRequest) error {
			calls = append(calls, "set")
			return nil
		},
		SetResponsible: func(context.Context, string, int, int, []string) error { calls = append(calls, "resp"); return nil },
		Operator:       func() string { return "Budi" },
	}).open}
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"consolidate", "--periode", "2026", "--indicator", "5", "--value", "4"}, "--indicator, --value"},
		{[]string{"consolidate", "--periode", "2026", "--value", ""}, "--value"},
		{[]string{"--data", "/d", "consolidate", "--periode", "2026", "--opd", "A,B"}, "--opd"},
		{[]string{"consolidate", "show", "--periode", "2026", "--note", "x"}, "--note"},
		{[]string{"consolidate", "set", "--periode", "2026", "--indicator", "1", "--value", "2", "--json"}, "--json"},
		{[]string{"consolidate", "responsible", "--periode", "2026", "--indicator", "1", "--value", "2"}, "--value"},
	} {
		errb.Reset()
		if code := Run(env, tc.args); code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", tc.args, code)
		}
		if s := errb.String(); !strings.Contains(s, tc.flag+" tidak berlaku") || !strings.Contains(s, "consolidate set --periode P") {
			t.Errorf("%v: stderr %q does not name %s and show the usage", tc.args, s, tc.flag)
		}
	}
	if len(calls) != 0 {
		t.Fatalf("refused commands ran %v", calls)
	}
	errb.Reset()
	Run(env, []string{"consolidate", "--periode", "2026", "--indicator", "5", "--value", "4"})
	if !strings.Contains(errb.String(), "consolidate berarti show") {
		t.Errorf("implicit show not explained: %q", errb.String())
	}
	for _, args := range [][]string{
		{"consolidate", "--data", "/d", "--periode", "2026"},
		{"consolidate", "set", "--data", "/d", "--periode", "2026", "--indicator", "1", "--value", "", "--by", "Ani"},
		{"consolidate", "responsible", "--periode", "2026", "--indicator", "1", "--opd", "A"},
	} {
		if code := Run(env, args); code != ExitOK {
			t.Errorf("%v: exit %d: %s", args, code, errb.String())
		}
	}
	if strings.Join(calls, " ") != "show set resp" {
		t.Errorf("calls %v", calls)
	}
}

// TestConsolidateShowsExcludedRevoked: OPDs left out for a revoked key are
// named by `show`, in the JSON, and in the CSV's appended last column for
// the rows they would have answered.
func TestConsolidateShowsExcludedRevoked(t *testing.T) {
	c := assessment.ConsolidationView{Periode: 2026, CatalogID: "spbe-2020", ExcludedRevoked: []string{"DINKES", "DISDIK"}, Rows: []assessment.ConsolidationRow{
		{Indicator: 1}, {Indicator: 2, Responsible: []string{"BAPPEDA", "DISDIK"}}, {Indicator: 3, Responsible: []string{"BAPPEDA"}}}}
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{Consolidate: func(context.Context, string, int) (assessment.ConsolidationView, error) { return c, nil }}).open}
	if code := Run(env, []string{"consolidate", "--periode", "2026"}); code != ExitOK ||
		!strings.Contains(out.String(), "Tidak dihitung (kunci OPD dicabut): DINKES, DISDIK") {
		t.Fatalf("show: %d %q", code, out.String())
	}
	out.Reset()
	Run(env, []string{"consolidate", "--periode", "2026", "--json"})
	if !strings.Contains(out.String(), "\"excluded_revoked\": [\n    \"DINKES\",\n    \"DISDIK\"\n  ]") {
		t.Errorf("json: %s", out.String())
	}
	out.Reset()
	Run(env, []string{"consolidate", "--periode", "2026", "--csv"})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || !strings.HasSuffix(lines[0], ",ditetapkan_oleh,opd_tidak_dihitung") ||
		!strings.HasSuffix(lines[1], ",DINKES DISDIK") || !strings.HasSuffix(lines[2], ",DISDIK") || !strings.HasSuffix(lines[3], ",") {
		t.Errorf("csv:\n%s", out.String())
	}
	// Nothing excluded: the JSON has an empty list, not null, when the
	// converter fills it; show says nothing.
	c.ExcludedRevoked = []string{}
	out.Reset()
	Run(env, []string{"consolidate", "--periode", "2026"})
	if strings.Contains(out.String(), "Tidak dihitung") {
		t.Errorf("show mentions exclusions without any: %q", out.String())
	}
}

// TestConsolidatePDFAsksPassphraseLast: the terminal prompt names the
// assessor key and is only shown when the deps ask for it (after checking
// the key exists); a missing key is reported without any prompt.
func TestConsolidatePDFAsksPassphraseLast(t *testing.T) {
	var out, errb bytes.Buffer
	var prompts []string
	noKey := errors.New("belum ada kunci asesor")
	deps := &asesorStub{ConsolidatedPDF: func(_ context.Context, _ string, r assessment.ConsolidatedPDFRequest) (assessment.ConsolidatedPDFResult, error) {
		if r.Periode == 2025 {
			return assessment.ConsolidatedPDFResult{}, noKey // the key check comes first: no passphrase read
		}
		p, err := r.Passphrase()
		if err != nil {
			return assessment.ConsolidatedPDFResult{}, err
		}
		return assessment.ConsolidatedPDFResult{Path: r.Out, Fingerprint: string(p), ExcludedRevoked: []string{"DINKES"}}, nil
	}}
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: deps.open, ReadPassword: func(prompt string) ([]byte, error) {
		prompts = append(prompts, prompt)
		return []byte("rahasia"), nil
	}}
	if code := Run(env, []string{"consolidate", "--periode", "2025", "--pdf", "k.pdf"}); code != ExitError ||
		!strings.Contains(errb.String(), "belum ada kunci asesor") || len(prompts) != 0 {
		t.Fatalf("no key: exit %d, prompts %q, stderr %q", code, prompts, errb.String())
	}
	if code := Run(env, []string{"consolidate", "--periode", "2026", "--pdf", "k.pdf"}); code != ExitOK ||
		len(prompts) != 1 || prompts[0] != "Frasa sandi kunci asesor: " || !strings.Contains(out.String(), "rahasia") ||
		!strings.Contains(out.String(), "Tidak dihitung      : DINKES (kunci OPD dicabut)") {
		t.Fatalf("prompt: exit %d, prompts %q, out %q", code, prompts, out.String())
	}
}
