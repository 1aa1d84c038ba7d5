package cli

import (
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAnswerArgs(t *testing.T) {
	env := &Env{Stdout: io.Discard, Stderr: io.Discard}
	a, err := parseAnswerArgs(env, []string{
		"--assessment", "2025-x-abc", "--indicator", "3", "--level", "4",
		"--evidence", "sk.pdf", "--evidence-level", "4", "--evidence", "foto.jpg",
		"--evidence", "notulen.pdf", "--evidence-level", "2", "--justification", "",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []evidenceArg{{"sk.pdf", 4}, {"foto.jpg", 0}, {"notulen.pdf", 2}}
	if diff := cmp.Diff(want, a.evidence.list, cmp.AllowUnexported(evidenceArg{})); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
	if !a.level.set || a.level.n != 4 || a.indicator != 3 || !a.justSet {
		t.Errorf("parsed %+v", a)
	}
}

func TestParseAnswerArgsErrors(t *testing.T) {
	env := &Env{Stdout: io.Discard, Stderr: io.Discard}
	cases := [][]string{
		{"--indicator", "1", "--level", "2"},
		{"--assessment", "a", "--level", "2"},
		{"--assessment", "a", "--indicator", "1"},
		{"--assessment", "a", "--indicator", "1", "--evidence-level", "2", "--evidence", "x"},
		{"--assessment", "a", "--indicator", "1", "--evidence", "x", "--evidence-level", "9"},
		{"--assessment", "a", "--indicator", "1", "--level", "tiga"},
		{"--assessment", "a", "--indicator", "1", "--level", "2", "extra"},
	}
	for _, args := range cases {
		_, err := parseAnswerArgs(env, args)
		if _, ok := err.(usageError); !ok {
			t.Errorf("%v: err = %v, want usage error", args, err)
		}
	}
}

func TestParseArgsInterspersed(t *testing.T) {
	fs := newFlagSet(&Env{Stderr: io.Discard}, "x")
	j := fs.Bool("json", false, "")
	d := fs.String("data", "", "")
	pos, err := parseArgs(fs, []string{"ID", "--json", "--data", "D", "--", "--force"})
	if err != nil || !*j || *d != "D" || !cmp.Equal(pos, []string{"ID", "--force"}) {
		t.Errorf("pos %v json %v data %q err %v", pos, *j, *d, err)
	}
}
