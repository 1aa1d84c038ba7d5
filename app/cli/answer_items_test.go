package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// itemsEnv is a CLI on a fake store holding one Pemdi 2026 assessment.
type itemsEnv struct {
	t     *testing.T
	st    *fakestore.Store
	id    string
	file  string
	libFn func() *assessment.Library
}

func newItemsEnv(t *testing.T) *itemsEnv {
	t.Helper()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	st := fakestore.New()
	a, err := st.CreateAssessment(t.Context(), cat, 2026)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "SK Tim Koordinasi.pdf")
	if err := os.WriteFile(f, []byte("%PDF-1.4 sk"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := &itemsEnv{t: t, st: st, id: a.ID, file: f}
	e.libFn = func() *assessment.Library { return lib }
	return e
}

func (e *itemsEnv) run(args ...string) (int, string) {
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &out, Services: func(string) (*Services, error) {
		e.st.Reopen()
		return &Services{DataDir: e.t.TempDir(), Store: e.st, Library: e.libFn()}, nil
	}}
	code := Run(env, append([]string{"answer", "--assessment", e.id, "--operator", "Rina"}, args...))
	return code, out.String()
}

func (e *itemsEnv) evidence() []assessment.Evidence {
	e.st.Reopen() // the command closed it
	ev, err := e.st.Evidence(e.t.Context(), e.id)
	if err != nil {
		e.t.Fatal(err)
	}
	return ev
}

func (e *itemsEnv) answer(n int) assessment.Answer {
	e.st.Reopen()
	answers, _ := e.st.Answers(e.t.Context(), e.id)
	for _, a := range answers {
		if a.Indicator == n {
			return a
		}
	}
	return assessment.Answer{}
}

func TestAnswerEvidenceWithItems(t *testing.T) {
	e := newItemsEnv(t)
	code, out := e.run("--indicator", "4", "--evidence", e.file, "--item", "I4-L1-02", "--item", "I4-L2-01,I4-L1-01")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, out)
	}
	ev := e.evidence()
	if len(ev) != 1 || !cmp.Equal(ev[0].Items, []string{"I4-L1-01", "I4-L1-02", "I4-L2-01"}) {
		t.Fatalf("evidence %+v", ev)
	}
	// Without --evidence-level the file supports its highest item's level.
	if ev[0].Level != 2 {
		t.Errorf("level %d, want 2", ev[0].Level)
	}
	if !strings.Contains(out, "butir: I4-L1-01, I4-L1-02, I4-L2-01") {
		t.Errorf("output does not name the items:\n%s", out)
	}
}

func TestAnswerRefusesUnknownItemBeforeWriting(t *testing.T) {
	e := newItemsEnv(t)
	for _, tc := range []struct {
		item, want string
	}{
		{"I1-L1-01", "butir I1-L1-01 milik indikator 1, bukan indikator 4"},
		{"I4-L4-09", "butir I4-L4-09 tidak ada di katalog"},
		{"L1-02", "bukan kode butir bukti"},
	} {
		code, out := e.run("--indicator", "4", "--level", "2", "--evidence", e.file, "--item", tc.item)
		if code == ExitOK || !strings.Contains(out, tc.want) {
			t.Errorf("--item %s: exit %d, output %q; want %q", tc.item, code, out, tc.want)
		}
	}
	if ev := e.evidence(); len(ev) != 0 {
		t.Errorf("a refused --item still stored %+v", ev)
	}
	if a := e.answer(4); a.Level != 0 {
		t.Errorf("a refused --item still set the level: %+v", a)
	}
	if code, out := e.run("--indicator", "4", "--item", "I4-L1-01"); code != ExitUsage || !strings.Contains(out, "--item harus setelah --evidence") {
		t.Errorf("--item without --evidence: exit %d, %s", code, out)
	}
}

func TestAnswerExternalScore(t *testing.T) {
	e := newItemsEnv(t)
	code, out := e.run("--indicator", "5", "--external-score", "25", "--external-year", "2025")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !strings.Contains(out, "nilai konversi 2,00") {
		t.Errorf("output does not show the converted value:\n%s", out)
	}
	if got := e.answer(5).External; !cmp.Equal(got, &assessment.ExternalScore{Score: "25", Year: 2025}) {
		t.Errorf("stored %+v", got)
	}
	if code, out = e.run("--indicator", "5", "--external-score", "68,75"); code != ExitOK || !strings.Contains(out, "nilai konversi 3,75") {
		t.Errorf("68,75: exit %d, %s", code, out)
	}
	code, out = e.run("--indicator", "5", "--external-score", "")
	if code != ExitOK || e.answer(5).External != nil || !strings.Contains(out, "dinilai 1,00 (asumsi KemenPANRB)") {
		t.Errorf("clearing with \"\": exit %d, %s, stored %+v", code, out, e.answer(5).External)
	}
	e.run("--indicator", "5", "--external-score", "40")
	if code, _ = e.run("--indicator", "5", "--clear-external"); code != ExitOK || e.answer(5).External != nil {
		t.Errorf("--clear-external: exit %d, stored %+v", code, e.answer(5).External)
	}
}

func TestAnswerExternalScoreRefused(t *testing.T) {
	e := newItemsEnv(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--indicator", "4", "--external-score", "25"}, "indikator 4 tidak dinilai dari indeks instansi lain"},
		{[]string{"--indicator", "5", "--external-score", "250"}, "di luar skala"},
		{[]string{"--indicator", "5", "--external-score", "dua puluh"}, "bukan angka desimal"},
		{[]string{"--indicator", "5", "--external-year", "2025"}, "--external-year hanya bersama --external-score"},
		{[]string{"--indicator", "5", "--external-score", "25", "--clear-external"}, "tidak keduanya"},
	} {
		code, out := e.run(tc.args...)
		if code == ExitOK || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, out, tc.want)
		}
	}
	if a := e.answer(5); a.External != nil {
		t.Errorf("refusals stored %+v", a.External)
	}
}

// `assessment show` names the items of each file and the agency score
// with its converted value.
func TestShowItemsAndExternal(t *testing.T) {
	e := newItemsEnv(t)
	e.run("--indicator", "4", "--level", "1", "--evidence", e.file, "--item", "I4-L1-01")
	e.run("--indicator", "5", "--external-score", "25", "--external-year", "2025")
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &out, Services: func(string) (*Services, error) {
		e.st.Reopen()
		return &Services{DataDir: t.TempDir(), Store: e.st, Library: e.libFn()}, nil
	}}
	if code := Run(env, []string{"assessment", "show", e.id}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	for _, want := range []string{"butir: I4-L1-01", "skor Indeks Satu Data Indonesia (SDI) 25 (2025) → nilai konversi 2,00",
		"skor Indeks SJIG (Simpul Jaringan Informasi Geospasial) kosong → dinilai 1,00"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("show lacks %q:\n%s", want, out.String())
		}
	}
}

// --item I4-L3-00 (level 3 has no official item) attaches the file at
// level 3 without storing the synthetic code, and says which item it is.
func TestAnswerSyntheticItem(t *testing.T) {
	e := newItemsEnv(t)
	code, out := e.run("--indicator", "4", "--evidence", e.file, "--item", "i4-l3-00")
	if code != 0 || !strings.Contains(out, "tingkat 3") || !strings.Contains(out, "butir: I4-L3-00") {
		t.Fatalf("exit %d: %s", code, out)
	}
	ev := e.evidence()
	if len(ev) != 1 || ev[0].Level != 3 || len(ev[0].Items) != 0 {
		t.Fatalf("stored %+v", ev)
	}
	if code, out := e.run("--indicator", "4", "--evidence", e.file, "--item", "I4-L1-00"); code == 0 || !strings.Contains(out, "bukan kode butir") {
		t.Fatalf("I4-L1-00 (level 1 has official items): exit %d: %s", code, out)
	}
}
