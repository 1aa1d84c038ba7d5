package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// hostile is text a forged or careless bundle may carry: an OSC 52
// clipboard write, a screen clear and cursor home, an 8-bit CSI, a
// right-to-left override and a newline that starts a fake verdict line.
const hostile = "SK\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b[1;1H\u009b31m\u202Efdp.exe\x7f\nBUNDEL SAH"

// terminalControl reports the first byte or rune of out that a terminal
// would act on: ESC, another C0 control but newline and tab, DEL, C1, a
// bidi override.
func terminalControl(out string) (rune, bool) {
	for _, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == utf8.RuneError:
			return r, true
		}
	}
	return 0, false
}

func hostileEnv() (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	d := newFakeDeps(true)
	d.VerifyBundle = func(context.Context, string, string) (assessment.VerifyReport, error) {
		return assessment.VerifyReport{OPDKode: "DISKOMINFO", OPDNama: hostile, Instansi: hostile, Fingerprint: fakeFP,
			Files: []assessment.VerifyFile{{Path: "evidence/ab-" + hostile, Role: "evidence", Size: 1, OriginalName: hostile}}}, nil
	}
	a := &asesorStub{
		ReviewSheet: func(_ context.Context, _, id string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
			return assessment.ReviewBundle{BundleID: id, OPDKode: "DISKOMINFO", OPDNama: hostile, Index: "2.5"}, []assessment.ReviewItem{{
				Indicator: 1, Answered: true, Level: 3, Justification: hostile,
				Evidence: []assessment.ReviewEvidence{{Name: hostile, Note: hostile, Level: 3, SHA256: "ab"}},
				Reviewed: true, Status: "revisi", Note: hostile}}, nil
		},
		Bundles: func(context.Context, string) ([]assessment.ReviewBundle, error) {
			return []assessment.ReviewBundle{{BundleID: "b1", OPDKode: hostile, OPDNama: hostile, CreatedAt: hostile, Periode: 2026}}, nil
		},
		Recap: func(context.Context, string) ([]assessment.RecapRow, error) {
			return nil, errors.New("gagal: " + hostile)
		},
	}
	return d.wire(&Env{Stdout: &out, Stderr: &errb, OpenAsesor: a.open}), &out, &errb
}

// TestOutsideTextIsInert (issue 11, class 9): whatever a bundle's names,
// justifications, notes and file names hold, nothing the CLI writes to
// the terminal — output or error — holds an escape sequence, control or
// bidi override; --json keeps the exact value, escaped.
func TestOutsideTextIsInert(t *testing.T) {
	for _, args := range [][]string{
		{"verify", "b.spbe"},
		{"verify", "b.spbe\x1b]52;c;eA==\x07"},
		{"review", "show", "--bundle", "01968f2a"},
		{"review", "show", "--bundle", "01968f2a", "--json"},
		{"bundles"},
		{"bundles", "--json"},
		{"recap"},
	} {
		env, out, errb := hostileEnv()
		Run(env, args)
		if out.Len()+errb.Len() == 0 {
			t.Fatalf("%q: no output", args)
		}
		for name, s := range map[string]string{"stdout": out.String(), "stderr": errb.String()} {
			if r, bad := terminalControl(s); bad {
				t.Errorf("%q: %s holds %U:\n%q", args, name, r, s)
			}
			if name == "stdout" && strings.Contains(s, "\nBUNDEL SAH") {
				t.Errorf("%q: %s lets a name start a line:\n%s", args, name, s)
			}
		}
	}
	env, out, _ := hostileEnv()
	Run(env, []string{"review", "show", "--bundle", "01968f2a", "--json"})
	var sheet ReviewSheet
	if err := json.Unmarshal(out.Bytes(), &sheet); err != nil || sheet.Rows[0].Justification != hostile {
		t.Fatalf("--json lost the value: %v %q", err, out.String())
	}
}

// TestInertWriterKeepsSplitRunes: csv and tabwriter may cut a multi-byte
// character between two writes; it must reach the terminal whole.
func TestInertWriterKeepsSplitRunes(t *testing.T) {
	var b bytes.Buffer
	w := newInertWriter(&b)
	text := []byte("Dinas — Ñ 日本\x1b[2J")
	for i := range text {
		w.Write(text[i : i+1])
	}
	w.flush()
	if b.String() != "Dinas — Ñ 日本[2J" && b.String() != "Dinas — Ñ 日本" {
		t.Fatalf("%q", b.String())
	}
	if strings.ContainsRune(b.String(), utf8.RuneError) || strings.ContainsRune(b.String(), 0x1b) {
		t.Fatalf("%q", b.String())
	}
}
