package asesor

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

func TestStorable(t *testing.T) {
	good := bundle.Answers{Score: bundle.Score{Index: "3.1234", Answered: 20, Total: 20, Complete: true}}
	for _, tc := range []struct {
		name string
		seq  uint64
		edit func(a *bundle.Answers)
		ok   bool
	}{
		{"ordinary", 7, nil, true},
		{"largest int64 sequence", math.MaxInt64, nil, true},
		{"sequence 2^63", 1 << 63, nil, false},
		{"sequence 2^64-1", math.MaxUint64, nil, false},
		{"no index", 1, func(a *bundle.Answers) { a.Score.Index = "" }, true},
		{"index 5", 1, func(a *bundle.Answers) { a.Score.Index = "5.0000" }, true},
		{"index above 5", 1, func(a *bundle.Answers) { a.Score.Index = "5.0001" }, false},
		{"index with exponent", 1, func(a *bundle.Answers) { a.Score.Index = "1e1000000" }, false},
		{"negative index", 1, func(a *bundle.Answers) { a.Score.Index = "-1" }, false},
		{"very long index", 1, func(a *bundle.Answers) { a.Score.Index = "1." + strings.Repeat("0", 40) }, false},
		{"absurd total", 1, func(a *bundle.Answers) { a.Score.Total = math.MaxInt64 }, false},
		{"negative total", 1, func(a *bundle.Answers) { a.Score.Answered, a.Score.Total = 0, -1 }, false},
		{"too many answers", 1, func(a *bundle.Answers) { a.Answers = make([]bundle.Answer, maxCount+1) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := good
			if tc.edit != nil {
				tc.edit(&a)
			}
			code, reason := storable(bundle.Manifest{Sequence: tc.seq}, a)
			if (code == "") != tc.ok {
				t.Fatalf("storable = %q %q, want ok=%v", code, reason, tc.ok)
			}
			if !tc.ok && (code != RejectOutOfRange || !strings.Contains(reason, "tidak disimpan")) {
				t.Errorf("code %q reason %q", code, reason)
			}
		})
	}
}

// A bad bundle is one ditolak; the good bundles beside it in the folder
// are imported (class 8). A sequence beyond SQLite's INTEGER — which
// aborted the whole batch before — is now refused by the verifier itself
// (hostile corpus: "sequence beyond int64"), and storable() stays as the
// importer's own guard; here the bad bundle is one cut short on the stick.
func TestImportBatchSurvivesABadBundle(t *testing.T) {
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	dir := t.TempDir()
	bad, a, b := newOPD("DINKES", 21), newOPD("DISDIK", 22), newOPD("BAPPEDA", 23)
	for _, o := range []*opd{bad, a, b} {
		addKey(t, w, o, "")
	}
	badPath, _ := bad.write(t, dir, spec{seq: 1})
	if data, err := os.ReadFile(badPath); err != nil || os.WriteFile(badPath, data[:len(data)/2], 0o644) != nil {
		t.Fatal(err)
	}
	a.write(t, dir, spec{seq: 1})
	b.write(t, dir, spec{seq: 1})
	res, err := w.Import(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatalf("Import aborted the batch: %v", err)
	}
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	for _, r := range res {
		switch {
		case r.Path == badPath:
			if r.Outcome != OutcomeRejected || r.Reason == "" {
				t.Errorf("bad bundle: %+v", r)
			}
		case r.Outcome != OutcomeNew:
			t.Errorf("good bundle %s: %s %s", r.Path, r.Outcome, r.Reason)
		}
	}
	if n, _, _, _, _ := counts(t, w); n != 2 {
		t.Errorf("%d bundles stored, want 2", n)
	}
}
