package cli

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

func TestAcceptCommand(t *testing.T) {
	env, out, errb, _ := asesorEnv(nil)
	var got []string
	stubOf(env).Accept = func(_ context.Context, dir, id, by string) (assessment.Acceptance, error) {
		got = append(got, dir+"|"+id+"|"+by)
		if id == "dicabut1" {
			return assessment.Acceptance{}, errors.New("bundel dicabut1 ditandatangani kunci abc yang sudah dicabut")
		}
		return assessment.Acceptance{BundleID: "01968f2a-bbbb", PreviousID: "01968f2a-aaaa", OPDKode: "BAPPEDA", Periode: 2026,
			Superseded: []string{"01968f2a-aaaa"}, DecidedBy: by, Changed: true}, nil
	}
	if code := Run(env, []string{"accept", "01968f2a-bb"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got[0] != "|01968f2a-bb|Budi" || !strings.Contains(out.String(), "01968f2a-bbbb sekarang yang diterima untuk BAPPEDA 2026") ||
		!strings.Contains(out.String(), "01968f2a-aaaa: sekarang digantikan") {
		t.Fatalf("calls %v out %q", got, out.String())
	}

	env.Stdout.(interface{ Reset() }).Reset()
	if code := Run(env, []string{"accept", "--json", "--by", "Sari", "01968f2a-bb"}); code != ExitOK {
		t.Fatalf("json exit %d", code)
	}
	var a assessment.Acceptance
	if err := json.Unmarshal(out.Bytes(), &a); err != nil || a.DecidedBy != "Sari" || !a.Changed || a.Superseded[0] != "01968f2a-aaaa" {
		t.Fatalf("json %v %+v", err, a)
	}

	if code := Run(env, []string{"accept", "dicabut1"}); code != ExitError || !strings.Contains(errb.String(), "sudah dicabut") {
		t.Fatalf("revoked: exit %d err %q", code, errb.String())
	}
	if code := Run(env, []string{"accept"}); code != ExitUsage {
		t.Fatalf("no bundle: exit %d", code)
	}
	if code := Run(env, []string{"accept", "a", "b"}); code != ExitUsage {
		t.Fatalf("two bundles: exit %d", code)
	}
}

func TestBundlesCommand(t *testing.T) {
	env, out, _, _ := asesorEnv(nil)
	stubOf(env).Bundles = func(context.Context, string) ([]assessment.ReviewBundle, error) {
		return []assessment.ReviewBundle{
			{BundleID: "b-1", OPDKode: "BAPPEDA", Periode: 2026, Sequence: 1, Status: "accepted", Index: "2.5"},
			{BundleID: "d-1", OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 1, Status: "accepted", Index: "3"},
			{BundleID: "d-2", OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 2, Status: "conflict", Index: "4.25"},
		}, nil
	}
	if code := Run(env, []string{"bundles", "--opd", "diskominfo"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	if strings.Contains(s, "BAPPEDA") || !strings.Contains(s, "KONFLIK") || !strings.Contains(s, "4,25") || !strings.Contains(s, "d-2") {
		t.Fatalf("out %q", s)
	}
	out.Reset()
	if code := Run(env, []string{"bundles", "--json", "--periode", "2025"}); code != ExitOK || strings.TrimSpace(out.String()) != "[]" {
		t.Fatalf("json exit %d %q", code, out.String())
	}
}

func TestRecapShowsMismatchAndImportWarnings(t *testing.T) {
	env, out, _, _ := asesorEnv(nil)
	stubOf(env).Recap = func(context.Context, string) ([]assessment.RecapRow, error) {
		return []assessment.RecapRow{{OPDKode: "BAPPEDA", Periode: 2026, Index: "2.5", Predicate: "Cukup", Answered: 20, Total: 20, Complete: true,
			Recomputed: true, ClaimedIndex: "3.1", ClaimedPredicate: "Baik", IndexMismatch: true, Conflicts: 1}}, nil
	}
	if code := Run(env, []string{"recap"}); code != ExitOK ||
		!strings.Contains(out.String(), "PERIKSA: indeks menurut OPD 3,10 Baik") || !strings.Contains(out.String(), "1 konflik") {
		t.Fatalf("table exit %d %q", code, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"recap", "--csv"}); code != ExitOK || !strings.Contains(out.String(), ",true,3.1,Baik,true\n") {
		t.Fatalf("csv exit %d %q", code, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"recap", "--json"}); code != ExitOK || !strings.Contains(out.String(), `"index_mismatch": true`) ||
		!strings.Contains(out.String(), `"claimed_index": "3.1"`) {
		t.Fatalf("json exit %d %q", code, out.String())
	}

	warned := []intake.Outcome{{Path: "SPBE_X_2026_2.spbe", Kind: "versi baru", OPDKode: "X", Periode: 2026, Sequence: 2,
		Warnings: []string{"bundel dibuat 2027-01-02, lebih dari sehari setelah waktu impor"}}}
	env, out, _, _ = asesorEnv(warned)
	if code := Run(env, []string{"import", "usb"}); code != ExitOK || !strings.Contains(out.String(), "peringatan: bundel dibuat 2027-01-02") {
		t.Fatalf("import exit %d %q", code, out.String())
	}
	env, out, _, _ = asesorEnv(warned)
	if code := Run(env, []string{"import", "--json", "usb"}); code != ExitOK || !strings.Contains(out.String(), `"warnings": [`) {
		t.Fatalf("import json exit %d %q", code, out.String())
	}
}
