package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// run executes the CLI with embedded catalogs only and returns its outputs.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Library: assets.Library}
	code = Run(env, args)
	return code, out.String(), errOut.String()
}

func TestScoreCommandOutputsDocumentedJSON(t *testing.T) {
	code, out, errOut := run(t, `{"11":3,"12":4,"13":3,"14":2}`, "score", "--catalog", "spbe-2020", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"catalog", "complete", "answered", "total", "index", "predicate", "aspects", "domains"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing key %q in %s", k, out)
		}
	}
	if got["catalog"] != "spbe-2020" || got["complete"] != false || got["answered"] != 4.0 || got["total"] != 47.0 {
		t.Errorf("unexpected header fields: %s", out)
	}
	if got["index"] != 3.0 || got["aspects"].(map[string]any)["2"] != 3.0 || got["domains"].(map[string]any)["2"] != 3.0 {
		t.Errorf("aspect 2 example must give 3: %s", out)
	}
}

func TestScoreCommandReadsFileAndPemdiHasNoDomains(t *testing.T) {
	f := filepath.Join(t.TempDir(), "nilai.json")
	all := map[string]int{}
	for i := 1; i <= 20; i++ {
		all[itoa(i)] = 4
	}
	b, _ := json.Marshal(all)
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "score", "--catalog", "pemdi-2026", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Complete  bool
		Index     float64
		Predicate string
		Domains   map[string]float64
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Complete || got.Index != 4 || got.Predicate != "Memuaskan" || len(got.Domains) != 0 {
		t.Errorf("pemdi all-4: %+v", got)
	}
	if !strings.Contains(out, `"domains": {}`) {
		t.Errorf("domains must be an empty object, got %s", out)
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestScoreCommandRejectsBadInput(t *testing.T) {
	cases := map[string]struct {
		in, wantMsg string
	}{
		"unknown indicator": {`{"48":3}`, "indikator 48"},
		"value too high":    {`{"1":6}`, "di luar rentang"},
		"value too low":     {`{"1":0.5}`, "di luar rentang"},
		"malformed":         {`{"1":3`, "JSON"},
		"not an object":     {`[3]`, "objek JSON"},
		"string value":      {`{"1":"tiga"}`, "bukan angka"},
		"bad key":           {`{"satu":3}`, "bukan nomor indikator"},
		"duplicate key":     {`{"1":3,"1":4}`, "dua kali"},
		"trailing data":     {`{"1":3} {}`, "setelah"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			code, _, errOut := run(t, tc.in, "score", "--catalog", "spbe-2020")
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if !strings.Contains(errOut, tc.wantMsg) {
				t.Errorf("stderr %q does not name the problem (%q)", errOut, tc.wantMsg)
			}
		})
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"score"},
		{"score", "--catalog"},
		{"score", "--bogus"},
		{"catalog"},
		{"catalog", "frobnicate"},
		{"catalog", "show"},
		{"catalog", "validate"},
		{"no-such-command"},
		{"--data"},
	} {
		if code, _, _ := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := run(t, "", "help")
	if code != 0 || !strings.Contains(out, "catalog") || !strings.Contains(out, "score") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

func TestCatalogListShowsBothInstruments(t *testing.T) {
	code, out, errOut := run(t, "", "catalog", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"spbe-2020", "47", "pemdi-2026", "20", "sementara", "resmi", "embedded"} {
		if !strings.Contains(out, want) {
			t.Errorf("catalog list lacks %q:\n%s", want, out)
		}
	}
}

func TestCatalogShowAndValidate(t *testing.T) {
	code, out, _ := run(t, "", "catalog", "show", "pemdi-2026")
	if code != 0 || !strings.Contains(out, "Aspek 7") || !strings.Contains(out, "20.") {
		t.Errorf("catalog show: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, "", "catalog", "show", "spbe-1999"); code != ExitError || !strings.Contains(errOut, "tidak ditemukan") {
		t.Errorf("unknown catalog: exit %d %q", code, errOut)
	}
	good := filepath.Join("..", "..", "assets", "catalogs", "spbe-2020.json")
	if code, out, errOut := run(t, "", "catalog", "validate", good); code != 0 || !strings.Contains(out, "47 indikator") {
		t.Errorf("validate good: exit %d %s %s", code, out, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	data, _ := os.ReadFile(good)
	data = bytes.Replace(data, []byte(`"weight": 1.3`), []byte(`"weight": 1.4`), 1)
	os.WriteFile(bad, data, 0o644)
	code, _, errOut := run(t, "", "catalog", "validate", bad)
	if code != ExitError || !strings.Contains(errOut, "bad.json") || !strings.Contains(errOut, "aspects[0].weight") {
		t.Errorf("validate bad: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := run(t, "", "catalog", "validate", filepath.Join(t.TempDir(), "none.json")); code != ExitError || !strings.Contains(errOut, "tidak dapat membuka") {
		t.Errorf("validate missing file: exit %d %q", code, errOut)
	}
}

// Flags stand anywhere among the positional arguments, as the README
// writes them, for every command: each command parses through parseArgs.
func TestFlagsAfterPositionalArguments(t *testing.T) {
	code, out, errOut := run(t, "", "catalog", "show", "pemdi-2026", "--json")
	if code != ExitOK || !strings.Contains(out, `"pemdi-2026"`) {
		t.Fatalf("catalog show ID --json: exit %d, %q, %q", code, out[:min(len(out), 80)], errOut)
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(src), "fs.Parse("); n > 0 && f != "init.go" || n > 1 {
			t.Errorf("%s parses flags with fs.Parse (%d×): use parseArgs so flags may follow the arguments", f, n)
		}
	}
}

// An externally valued Pemdi indicator takes the agency's score, converted
// by the catalog (Modul I5: SDI 25 → 2,00, 68,75 → 3,75), and the headline
// counts the unanswered indicators as 1 with the mean beside it.
func TestScoreExternalIndicator(t *testing.T) {
	code, out, errOut := run(t, `{"5":{"external":25},"18":{"external":68.75},"1":3}`, "score", "--catalog", "pemdi-2026")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Answered     int
		Index        float64
		Predicate    string
		Headline     string
		Extrapolated float64
		Lowest       float64
		External     map[string]struct {
			Index     string
			Score     float64
			Value     float64
			ValueText string `json:"value_text"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if e := got.External["5"]; e.Score != 25 || e.Value != 2 || e.ValueText != "2,00" || !strings.Contains(e.Index, "SDI") {
		t.Errorf("indicator 5: %+v", e)
	}
	if e := got.External["18"]; e.Score != 68.75 || e.Value != 3.75 || e.ValueText != "3,75" {
		t.Errorf("indicator 18: %+v", e)
	}
	// I1 (5) at 3, I5 (5) at 2, I18 (3) at 3.75, the other 87 % at 1:
	// (15 + 10 + 11.25 + 87) / 100 = 1.2325; the mean of the three is
	// 36.25 / 13.
	if got.Answered != 3 || got.Headline != "missing-as-1" || got.Index != 1.2325 || got.Index != got.Lowest || got.Predicate != "Kurang" {
		t.Errorf("headline: %+v", got)
	}
	if want := 36.25 / 13; got.Extrapolated < want-1e-9 || got.Extrapolated > want+1e-9 {
		t.Errorf("extrapolated %v, want %v", got.Extrapolated, want)
	}
}

func TestScoreExternalRefused(t *testing.T) {
	for name, tc := range map[string]struct{ catalog, in, want string }{
		"self-assessed indicator": {"pemdi-2026", `{"1":{"external":25}}`, "tidak dinilai dari indeks instansi lain"},
		"IKASANDI is evidence":    {"pemdi-2026", `{"10":{"external":2}}`, "tidak dinilai dari indeks instansi lain"},
		"off scale":               {"pemdi-2026", `{"5":{"external":120}}`, "di luar skala"},
		"no conversion known":     {"pemdi-2026", `{"7":{"external":3}}`, "tidak diketahui"},
		"unknown key":             {"pemdi-2026", `{"5":{"external":25,"year":2025}}`, "{\"external\": skor}"},
		"empty object":            {"pemdi-2026", `{"5":{}}`, "{\"external\": skor}"},
		"word score":              {"pemdi-2026", `{"5":{"external":"dua puluh"}}`, "{\"external\": skor}"},
		"exponent":                {"pemdi-2026", `{"5":{"external":2.5e1}}`, "bukan angka desimal"},
		"unknown indicator":       {"pemdi-2026", `{"21":{"external":25}}`, "indikator 21"},
		"spbe has none":           {"spbe-2020", `{"5":{"external":25}}`, "tidak dinilai"},
		"duplicate":               {"pemdi-2026", `{"5":{"external":25},"5":3}`, "dua kali"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errOut := run(t, tc.in, "score", "--catalog", tc.catalog)
			if code != ExitError || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want %q", code, errOut, tc.want)
			}
		})
	}
}
