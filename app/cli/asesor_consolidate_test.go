package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestConsolidateCommands(t *testing.T) {
	var out, errb bytes.Buffer
	var settled []SettleRequest
	var resp [][]string
	env := &Env{Stdout: &out, Stderr: &errb, Asesor: &AsesorDeps{
		Consolidate: func(_ context.Context, _ string, p int) (Consolidation, error) {
			return Consolidation{Periode: p, CatalogID: "pemdi-2026", Index: "2.5", Predicate: "Cukup", Answered: 1, Total: 47,
				Rows: []ConsolidationRow{{Indicator: 1, Value: "2.5", Source: "usulan", FromOPD: "BAPPEDA", FromBundle: "b1"}, {Indicator: 2}}}, nil
		},
		Settle: func(_ context.Context, _ string, r SettleRequest) error { settled = append(settled, r); return nil },
		SetResponsible: func(_ context.Context, _ string, p, n int, k []string) error {
			resp = append(resp, k)
			return nil
		},
		Operator: func() string { return "Budi" },
	}}
	if code := Run(env, []string{"consolidate", "show"}); code != ExitUsage {
		t.Fatalf("no periode: %d", code)
	}
	if code := Run(env, []string{"consolidate", "set", "--periode", "2026", "--indicator", "3", "--value", "3,5", "--from-bundle", "b1"}); code != ExitOK ||
		len(settled) != 1 || settled[0].By != "Budi" || settled[0].FromBundle != "b1" || settled[0].Value != "3,5" {
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
