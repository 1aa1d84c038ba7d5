package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

func asesorEnv(lines []intake.Outcome) (*Env, *bytes.Buffer, *bytes.Buffer, *[]string) {
	var out, errb bytes.Buffer
	var calls []string
	deps := &asesorStub{
		Import: func(_ context.Context, dir string, paths []string, _ func(int, int)) ([]intake.Outcome, error) {
			calls = append(calls, "import "+dir+" "+strings.Join(paths, ","))
			return lines, nil
		},
		VerifyKey: func(_ context.Context, dir, id, by, how string) (assessment.RegisteredKey, error) {
			calls = append(calls, "verify "+id+" "+by+" "+how)
			return assessment.RegisteredKey{KeyID: id, Status: "verified", VerifiedBy: by, VerifiedHow: how}, nil
		},
		Recap: func(context.Context, string) ([]assessment.RecapRow, error) {
			return []assessment.RecapRow{{OPDKode: "BAPPEDA", Periode: 2026, Index: "2.5", Predicate: "Cukup", Answered: 3, Total: 20, KeyStatus: "pending"}}, nil
		},
		Operator: func() string { return "Budi" },
	}
	return &Env{Stdout: &out, Stderr: &errb, OpenAsesor: deps.open}, &out, &errb, &calls
}

func TestImportCommand(t *testing.T) {
	ok := []intake.Outcome{{Path: "a/SPBE_X_2026_1.spbe", Kind: "baru", OPDKode: "X", Periode: 2026, Sequence: 1, KeyStatus: "pending"}}
	env, out, _, calls := asesorEnv(ok)
	if code := Run(env, []string{"--data", "D", "import", "usb", "b.spbe"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if (*calls)[0] != "import D usb,b.spbe" || !strings.Contains(out.String(), "baru           SPBE_X_2026_1.spbe: X 2026, nomor urut 1 (kunci belum diverifikasi") {
		t.Fatalf("calls %v out %q", *calls, out.String())
	}
	bad := append(ok, intake.Outcome{Path: "c.spbe", Kind: "ditolak", Code: "sequence", Reason: "nomor urut 1 …"})
	env, out, errb, _ := asesorEnv(bad)
	if code := Run(env, []string{"import", "usb"}); code != ExitError || !strings.Contains(out.String(), "DITOLAK        c.spbe: nomor urut 1") ||
		!strings.Contains(errb.String(), "1 bundel ditolak") {
		t.Fatalf("exit %d out %q err %q", code, out.String(), errb.String())
	}
	env, out, _, _ = asesorEnv(bad)
	if code := Run(env, []string{"import", "--json", "usb"}); code != ExitError {
		t.Fatalf("json exit %d", code)
	}
	var got struct {
		Bundles  []intake.Outcome `json:"bundles"`
		Rejected int              `json:"rejected"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.Rejected != 1 || got.Bundles[1].Code != "sequence" {
		t.Fatalf("json %v %+v", err, got)
	}
	env, _, _, _ = asesorEnv(nil)
	if code := Run(env, []string{"import"}); code != ExitUsage {
		t.Fatalf("no path: exit %d", code)
	}
}

func TestKeysVerifyAndRecapCommands(t *testing.T) {
	env, _, _, calls := asesorEnv(nil)
	if code := Run(env, []string{"keys", "verify", "abcdef12"}); code != ExitUsage {
		t.Fatalf("verify without --how: exit %d", code)
	}
	if code := Run(env, []string{"keys", "verify", "abcdef12", "--how", "telepon"}); code != ExitOK || (*calls)[0] != "verify abcdef12 Budi telepon" {
		t.Fatalf("exit %d calls %v", code, *calls)
	}
	env, out, _, _ := asesorEnv(nil)
	if code := Run(env, []string{"recap", "--csv"}); code != ExitOK || !strings.HasPrefix(out.String(), "kode,nama,") ||
		!strings.Contains(out.String(), "BAPPEDA,,,2026,2.5,Cukup,false,3,20,pending") {
		t.Fatalf("csv exit %d %q", code, out.String())
	}
	env, out, _, _ = asesorEnv(nil)
	if code := Run(env, []string{"recap"}); code != ExitOK || !strings.Contains(out.String(), "3/20 (sementara)") ||
		!strings.Contains(out.String(), "menunggu verifikasi") {
		t.Fatalf("table exit %d %q", code, out.String())
	}
	if code := Run(env, []string{"recap", "--csv", "--json"}); code != ExitUsage {
		t.Fatal("both formats accepted")
	}
}
