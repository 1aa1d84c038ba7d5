package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Each view's --xlsx reaches WriteSheet with its request, flags in any
// position; a name without .xlsx and a second output choice are usage
// errors that write nothing.
func TestSheetFlags(t *testing.T) {
	env, out, _, _ := asesorEnv(nil)
	env.Output = discardOutput
	var got []assessment.SheetRequest
	stubOf(env).WriteSheet = func(_ context.Context, _ string, req assessment.SheetRequest) (int, error) {
		got = append(got, req)
		return 47, nil
	}
	ok := []struct {
		args []string
		want assessment.SheetRequest
	}{
		{[]string{"recap", "--xlsx", "r.xlsx"}, assessment.SheetRequest{View: assessment.SheetRecap, Out: "r.xlsx"}},
		{[]string{"consolidate", "show", "--xlsx", "k.XLSX", "--periode", "2026"}, assessment.SheetRequest{View: assessment.SheetConsolidation, Periode: 2026, Out: "k.XLSX"}},
		{[]string{"consolidate", "--periode", "2026", "--xlsx", "k.xlsx"}, assessment.SheetRequest{View: assessment.SheetConsolidation, Periode: 2026, Out: "k.xlsx"}},
		{[]string{"review", "show", "--xlsx", "t.xlsx", "--bundle", "01968f2a"}, assessment.SheetRequest{View: assessment.SheetReview, BundleID: "01968f2a", Out: "t.xlsx"}},
	}
	for _, c := range ok {
		got = nil
		out.Reset()
		if code := Run(env, c.args); code != ExitOK || len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: exit %d, requests %+v, want %+v", c.args, code, got, c.want)
		}
		if !strings.Contains(out.String(), "Berkas Excel tersimpan: "+c.want.Out+" (47 baris)") {
			t.Errorf("%q: stdout %q", c.args, out.String())
		}
	}
	bad := [][]string{
		{"recap", "--xlsx", "r.csv"},
		{"recap", "--xlsx", "r.xlsx", "--csv"},
		{"consolidate", "show", "--periode", "2026", "--xlsx", "k.xlsx", "--json"},
		{"consolidate", "show", "--periode", "2026", "--xlsx", "k.xlsx", "--pdf", "k.pdf"},
		{"consolidate", "set", "--periode", "2026", "--indicator", "1", "--value", "2", "--xlsx", "k.xlsx"},
		{"review", "show", "--bundle", "01968f2a", "--xlsx", "t.xlsx", "--json"},
		{"review", "--bundle", "01968f2a", "--indicator", "1", "--status", "diterima", "--xlsx", "t.xlsx"},
	}
	for _, args := range bad {
		got = nil
		if code := Run(env, args); code != ExitUsage || len(got) != 0 {
			t.Errorf("%q: exit %d, requests %+v; want a usage error", args, code, got)
		}
	}
}
