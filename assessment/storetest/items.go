package storetest

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// V2Catalog is the embedded Pemdi 2026 catalog (format v2: evidence
// items under I4, I5 valued by an external index). It is read from the
// repository's assets so the suite checks the catalog users get; the
// path is found from this source file, so any package's test can call it.
func V2Catalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("storetest: own source path unknown")
	}
	path := filepath.Join(filepath.Dir(self), "..", "..", "assets", "catalogs", "pemdi-2026.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("pemdi-2026.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// itemCases are the v2 cases; they run on V2Catalog.
var itemCases = []struct {
	name string
	fn   func(t *testing.T, s assessment.Store, c *assessment.Catalog)
}{
	{"EvidenceItems", evidenceItems},
	{"EvidenceItemsRefused", evidenceItemsRefused},
	{"ExternalScore", externalScore},
	{"ExternalScoreRefused", externalScoreRefused},
}

func runItemCases(t *testing.T, open Open) {
	for _, tc := range itemCases {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s, V2Catalog(t))
		})
	}
}

func evidenceOf(t *testing.T, s assessment.Store, id string, evID int64) assessment.Evidence {
	t.Helper()
	list, err := s.Evidence(ctx, id)
	must(t, err)
	for _, e := range list {
		if e.ID == evID {
			return e
		}
	}
	t.Fatalf("evidence #%d not listed", evID)
	return assessment.Evidence{}
}

// evidenceItems: the item codes a file supports are stored canonical
// (upper case, sorted, once), an unchanged set writes nothing, an empty
// set clears them, each change is one history entry, and a level or
// justification written later keeps them.
func evidenceItems(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	e, err := s.AddEvidence(ctx, a.ID, 4, assessment.EvidenceInput{Name: "sk-tim.pdf", Reader: strings.NewReader("%PDF-1.4 sk"), Operator: "Rina"})
	must(t, err)
	must(t, s.SetEvidenceItems(ctx, c, e.ID, []string{"I4-L1-02", " i4-l1-01", "I4-L1-02"}, "Rina"))
	if got := evidenceOf(t, s, a.ID, e.ID).Items; !slices.Equal(got, []string{"I4-L1-01", "I4-L1-02"}) {
		t.Errorf("items = %v", got)
	}
	must(t, s.SetEvidenceItems(ctx, c, e.ID, []string{"I4-L1-01", "I4-L1-02"}, "Budi"))
	must(t, s.SetLevel(ctx, a.ID, 4, 1, "Rina"))
	must(t, s.SetJustification(ctx, a.ID, 4, "FAKTA: SK tim ada.", "Rina"))
	if got := evidenceOf(t, s, a.ID, e.ID).Items; !slices.Equal(got, []string{"I4-L1-01", "I4-L1-02"}) {
		t.Errorf("items after level and justification = %v", got)
	}
	must(t, s.SetEvidenceItems(ctx, c, e.ID, nil, "Budi"))
	if got := evidenceOf(t, s, a.ID, e.ID).Items; len(got) != 0 {
		t.Errorf("cleared items = %v", got)
	}
	var items []assessment.Change
	for _, ch := range history(t, s, a.ID, 4) {
		if ch.Field == assessment.FieldEvidence && strings.Contains(ch.New+ch.Old, "butir") {
			items = append(items, ch)
		}
	}
	if len(items) != 2 || items[0].Operator != "Rina" || !strings.Contains(items[0].New, "I4-L1-01, I4-L1-02") ||
		items[1].Operator != "Budi" || items[1].Old != items[0].New {
		t.Errorf("item history %+v", items)
	}
}

// evidenceItemsRefused: an unknown code, a code of another indicator, an
// unknown evidence id and a removed file are refused and change nothing.
func evidenceItemsRefused(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	e, err := s.AddEvidence(ctx, a.ID, 4, assessment.EvidenceInput{Name: "sk.pdf", Reader: strings.NewReader("%PDF-1.4"), Operator: "Rina"})
	must(t, err)
	for _, items := range [][]string{{"I4-L9-99"}, {"I5-L1-01"}, {"bukan kode"}} {
		if err := s.SetEvidenceItems(ctx, c, e.ID, items, "Rina"); err == nil {
			t.Errorf("items %v accepted", items)
		}
	}
	if err := s.SetEvidenceItems(ctx, c, 99999, []string{"I4-L1-01"}, "Rina"); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("unknown evidence: %v, want ErrNotFound", err)
	}
	must(t, s.RemoveEvidence(ctx, e.ID, "Rina"))
	if err := s.SetEvidenceItems(ctx, c, e.ID, []string{"I4-L1-01"}, "Rina"); err == nil {
		t.Error("items set on a removed file")
	}
	must(t, s.UndoRemoveEvidence(ctx, e.ID, "Rina"))
	if got := evidenceOf(t, s, a.ID, e.ID).Items; len(got) != 0 {
		t.Errorf("refusals left items %v", got)
	}
}

// externalScore: the agency's score is stored canonical, kept when the
// level or justification changes later (the merge bug this case guards:
// the fake once dropped it), unchanged writes nothing, nil clears it.
func externalScore(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	must(t, s.SetExternalScore(ctx, c, a.ID, 5, &assessment.ExternalScore{Score: "25,0", Year: 2025}, "Rina"))
	got, ok := answerOf(t, s, a.ID, 5)
	if !ok || got.Level != 0 || got.External == nil || *got.External != (assessment.ExternalScore{Score: "25", Year: 2025}) || got.Operator != "Rina" {
		t.Fatalf("after set: %+v %v", got, ok)
	}
	must(t, s.SetExternalScore(ctx, c, a.ID, 5, &assessment.ExternalScore{Score: "25", Year: 2025}, "Budi"))
	must(t, s.SetJustification(ctx, a.ID, 5, "Indeks SDI 2025", "Rina"))
	if got, _ := answerOf(t, s, a.ID, 5); got.External == nil || got.External.Score != "25" || got.Justification != "Indeks SDI 2025" {
		t.Errorf("after justification: %+v", got)
	}
	must(t, s.SetExternalScore(ctx, c, a.ID, 5, nil, "Budi"))
	if got, _ := answerOf(t, s, a.ID, 5); got.External != nil || got.Justification != "Indeks SDI 2025" {
		t.Errorf("after clearing: %+v", got)
	}
	var ext []assessment.Change
	for _, ch := range history(t, s, a.ID, 5) {
		if ch.Field == assessment.FieldExternal {
			ext = append(ext, ch)
		}
	}
	want := []assessment.Change{
		{Field: assessment.FieldExternal, Old: "", New: "25 (2025)", Operator: "Rina"},
		{Field: assessment.FieldExternal, Old: "25 (2025)", New: "", Operator: "Budi"},
	}
	sameChanges(t, ext, want, 5)
}

// externalScoreRefused: an indicator not valued externally, a score out
// of range or not a decimal, an unknown assessment: refused, nothing stored.
func externalScoreRefused(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	for _, tc := range []struct {
		n int
		e assessment.ExternalScore
	}{
		{1, assessment.ExternalScore{Score: "25"}},
		{5, assessment.ExternalScore{Score: "101"}},
		{5, assessment.ExternalScore{Score: "2e1"}},
		{5, assessment.ExternalScore{Score: "25", Year: 1999}},
		{99, assessment.ExternalScore{Score: "25"}},
	} {
		if err := s.SetExternalScore(ctx, c, a.ID, tc.n, &tc.e, "Rina"); err == nil {
			t.Errorf("I%d %+v accepted", tc.n, tc.e)
		}
	}
	if err := s.SetExternalScore(ctx, c, "tidak-ada", 5, &assessment.ExternalScore{Score: "25"}, "Rina"); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("unknown assessment: %v, want ErrNotFound", err)
	}
	if list, _ := s.Answers(ctx, a.ID); len(list) != 0 {
		t.Errorf("refusals left answers %+v", list)
	}
}
