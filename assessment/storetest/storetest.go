// Package storetest is the contract of assessment.Store: one suite of
// tests that every implementation runs — the SQLite store (storage) and
// the in-memory fake the GUI and CLI tests use (assessment/fakestore) —
// so the fake cannot drift from the real thing. It checks what a user
// relies on: level 0 clears an answer, edits of a level, a justification
// or an evidence note make history, unknown ids are not-found errors,
// the trash (Sampah) keeps and restores, and lists come in a fixed order.
package storetest

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

//go:embed testdata/catalog.json
var catalogJSON []byte

// Catalog is the suite's small catalog (indicators 1–4).
func Catalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	c, err := assessment.ParseCatalog("catalog.json", catalogJSON)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Open returns a new, empty store; the suite closes it. Its clock must
// advance between calls (the trash is ordered by time).
type Open func(t *testing.T) assessment.Store

// Run runs the contract suite against the stores open returns.
func Run(t *testing.T, open Open) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s assessment.Store, c *assessment.Catalog)
	}{
		{"LevelZeroClears", levelZeroClears},
		{"LevelOutOfRange", levelOutOfRange},
		{"EditsMakeHistory", editsMakeHistory},
		{"UnchangedWritesNothing", unchangedWritesNothing},
		{"UnknownIndicator", unknownIndicator},
		{"NotFound", notFound},
		{"EvidenceAdded", evidenceAdded},
		{"EvidenceNoteMakesHistory", evidenceNote},
		{"EvidenceRemovedAndBack", evidenceRemoved},
		{"Restore", restore},
		{"Trash", trash},
		{"Ordering", ordering},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s, Catalog(t))
		})
	}
	runItemCases(t, open)
}

var ctx = context.Background()

func create(t *testing.T, s assessment.Store, c *assessment.Catalog, periode int) assessment.Assessment {
	t.Helper()
	a, err := s.CreateAssessment(ctx, c, periode)
	if err != nil {
		t.Fatalf("CreateAssessment: %v", err)
	}
	if a.ID == "" || a.Status != assessment.AssessmentDraft || a.Periode != periode || a.CatalogSHA256 != c.SHA256() {
		t.Fatalf("created %+v", a)
	}
	return a
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func answerOf(t *testing.T, s assessment.Store, id string, indicator int) (assessment.Answer, bool) {
	t.Helper()
	list, err := s.Answers(ctx, id)
	must(t, err)
	for _, a := range list {
		if a.Indicator == indicator {
			return a, true
		}
	}
	return assessment.Answer{}, false
}

func history(t *testing.T, s assessment.Store, id string, indicator int) []assessment.Change {
	t.Helper()
	h, err := s.History(ctx, id, indicator)
	must(t, err)
	return h
}

// levelZeroClears: 0 is "not chosen", accepted and recorded like any level.
func levelZeroClears(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	must(t, s.SetLevel(ctx, a.ID, 2, 3, "Ani"))
	if got, ok := answerOf(t, s, a.ID, 2); !ok || got.Level != 3 || got.Operator != "Ani" {
		t.Fatalf("after level 3: %+v %v", got, ok)
	}
	if err := s.SetLevel(ctx, a.ID, 2, 0, "Budi"); err != nil {
		t.Fatalf("SetLevel 0 (clear) refused: %v", err)
	}
	if got, _ := answerOf(t, s, a.ID, 2); got.Level != 0 {
		t.Errorf("after clearing: level %d", got.Level)
	}
	h := history(t, s, a.ID, 2)
	if len(h) != 2 || h[1].Field != assessment.FieldLevel || h[1].Old != "3" || h[1].New != "0" || h[1].Operator != "Budi" {
		t.Errorf("history %+v", h)
	}
}

func levelOutOfRange(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	for _, level := range []int{-1, 6} {
		var ie *assessment.InputError
		if err := s.SetLevel(ctx, a.ID, 1, level, "Ani"); !errors.As(err, &ie) {
			t.Errorf("level %d: %v, want an InputError", level, err)
		}
	}
	if len(history(t, s, a.ID, 1)) != 0 {
		t.Error("a refused level made history")
	}
}

// editsMakeHistory: every change of a level or a justification is kept,
// oldest first, with the old and new value and who made it.
func editsMakeHistory(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	must(t, s.SetLevel(ctx, a.ID, 1, 2, "Ani"))
	must(t, s.SetJustification(ctx, a.ID, 1, "FAKTA: SK ada.", "Ani"))
	must(t, s.SetJustification(ctx, a.ID, 1, "FAKTA: SK dan SOP ada.", "Budi"))
	h := history(t, s, a.ID, 1)
	want := []assessment.Change{
		{Field: assessment.FieldLevel, Old: "0", New: "2", Operator: "Ani"},
		{Field: assessment.FieldJustification, Old: "", New: "FAKTA: SK ada.", Operator: "Ani"},
		{Field: assessment.FieldJustification, Old: "FAKTA: SK ada.", New: "FAKTA: SK dan SOP ada.", Operator: "Budi"},
	}
	sameChanges(t, h, want, 1)
	got, _ := answerOf(t, s, a.ID, 1)
	if got.Level != 2 || got.Justification != "FAKTA: SK dan SOP ada." || got.Operator != "Budi" {
		t.Errorf("answer %+v", got)
	}
	if len(history(t, s, a.ID, 2)) != 0 {
		t.Error("history of another indicator")
	}
	after, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if !after.UpdatedAt.After(a.UpdatedAt) {
		t.Errorf("UpdatedAt %v not after %v", after.UpdatedAt, a.UpdatedAt)
	}
}

// unchangedWritesNothing: setting the value already there is no change,
// and an untouched answer is not listed.
func unchangedWritesNothing(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	must(t, s.SetLevel(ctx, a.ID, 3, 0, "Ani"))
	must(t, s.SetJustification(ctx, a.ID, 3, "", "Ani"))
	if got, ok := answerOf(t, s, a.ID, 3); ok {
		t.Errorf("untouched answer listed: %+v", got)
	}
	must(t, s.SetLevel(ctx, a.ID, 3, 4, "Ani"))
	must(t, s.SetLevel(ctx, a.ID, 3, 4, "Budi"))
	if h := history(t, s, a.ID, 3); len(h) != 1 {
		t.Errorf("history %+v", h)
	}
	if got, _ := answerOf(t, s, a.ID, 3); got.Operator != "Ani" {
		t.Errorf("unchanged level changed the operator: %+v", got)
	}
}

func unknownIndicator(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	var ie *assessment.InputError
	if err := s.SetLevel(ctx, a.ID, 99, 1, "Ani"); !errors.As(err, &ie) {
		t.Errorf("SetLevel: %v", err)
	}
	if err := s.SetJustification(ctx, a.ID, 99, "x", "Ani"); !errors.As(err, &ie) {
		t.Errorf("SetJustification: %v", err)
	}
	if _, err := s.AddEvidence(ctx, a.ID, 99, assessment.EvidenceInput{Name: "sk.pdf", Reader: strings.NewReader("%PDF-1.4")}); !errors.As(err, &ie) {
		t.Errorf("AddEvidence: %v", err)
	}
}

// notFound: every call naming an id that does not exist says so with
// assessment.ErrNotFound (the GUI and CLI show "tidak ditemukan").
func notFound(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	const id = "tidak-ada"
	if _, err := s.Profile(ctx); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("Profile before init: %v", err)
	}
	checks := map[string]error{}
	_, checks["Assessment"] = s.Assessment(ctx, id)
	_, checks["Answers"] = s.Answers(ctx, id)
	_, checks["History"] = s.History(ctx, id, 1)
	_, checks["Evidence"] = s.Evidence(ctx, id)
	checks["TrashAssessment"] = s.TrashAssessment(ctx, id)
	checks["RestoreAssessment"] = s.RestoreAssessment(ctx, id)
	checks["SetLevel"] = s.SetLevel(ctx, id, 1, 1, "Ani")
	checks["SetJustification"] = s.SetJustification(ctx, id, 1, "x", "Ani")
	_, checks["AddEvidence"] = s.AddEvidence(ctx, id, 1, assessment.EvidenceInput{Name: "a.pdf", Reader: strings.NewReader("x")})
	checks["RemoveEvidence"] = s.RemoveEvidence(ctx, 424242, "Ani")
	checks["UndoRemoveEvidence"] = s.UndoRemoveEvidence(ctx, 424242, "Ani")
	checks["SetEvidenceNote"] = s.SetEvidenceNote(ctx, 424242, "x", "Ani")
	_, checks["OpenBlob"] = s.OpenBlob(ctx, strings.Repeat("ab", 32))
	for op, err := range checks {
		if !errors.Is(err, assessment.ErrNotFound) {
			t.Errorf("%s of an unknown id: %v, want ErrNotFound", op, err)
		}
	}
}

// evidenceSet is three evidence files: e1 on indicator 1, e2 and e2b on
// indicator 2 (e2 added first), each with the note "awal".
type evidenceSet struct {
	a           assessment.Assessment
	e1, e2, e2b assessment.Evidence
}

func addEvidence(t *testing.T, s assessment.Store, c *assessment.Catalog) evidenceSet {
	t.Helper()
	x := evidenceSet{a: create(t, s, c, 2026)}
	add := func(indicator, level int, name, content string) assessment.Evidence {
		t.Helper()
		e, err := s.AddEvidence(ctx, x.a.ID, indicator, assessment.EvidenceInput{Name: name, Reader: strings.NewReader(content),
			Level: level, Note: "awal", Operator: "Ani"})
		must(t, err)
		return e
	}
	x.e2 = add(2, 3, "sk.pdf", "%PDF-1.4 sk")
	x.e1 = add(1, 0, "sop.pdf", "%PDF-1.4 sop")
	x.e2b = add(2, 0, "foto.png", "\x89PNG foto")
	return x
}

func evidenceIDs(t *testing.T, s assessment.Store, id string) []int64 {
	t.Helper()
	list, err := s.Evidence(ctx, id)
	must(t, err)
	var out []int64
	for _, e := range list {
		out = append(out, e.ID)
	}
	return out
}

// evidenceAdded: an added file is listed by indicator then id, its
// content reads back, and the addition is in the history.
func evidenceAdded(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	x := addEvidence(t, s, c)
	if e := x.e2; e.OriginalName != "sk.pdf" || e.Level != 3 || e.Note != "awal" || e.Blob.Size != int64(len("%PDF-1.4 sk")) || len(e.Blob.SHA256) != 64 {
		t.Fatalf("added %+v", e)
	}
	if _, err := s.AddEvidence(ctx, x.a.ID, 1, assessment.EvidenceInput{Name: "x.pdf", Reader: strings.NewReader("x"), Level: 6}); err == nil {
		t.Error("evidence level 6 accepted")
	}
	if got, want := evidenceIDs(t, s, x.a.ID), []int64{x.e1.ID, x.e2.ID, x.e2b.ID}; !equal(got, want) {
		t.Errorf("Evidence order %v, want %v (by indicator, then id)", got, want)
	}
	rc, err := s.OpenBlob(ctx, x.e2.Blob.SHA256)
	must(t, err)
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || !bytes.Equal(data, []byte("%PDF-1.4 sk")) {
		t.Errorf("OpenBlob = %q, %v", data, err)
	}
	h := history(t, s, x.a.ID, 2)
	if len(h) != 2 || h[0].Field != assessment.FieldEvidence || h[0].Old != "" || !strings.Contains(h[0].New, "sk.pdf") {
		t.Errorf("history after adding: %+v", h)
	}
}

// evidenceNote: editing a note makes history; the same note again does not.
func evidenceNote(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	x := addEvidence(t, s, c)
	must(t, s.SetEvidenceNote(ctx, x.e2.ID, "SK Bupati 2026", "Budi"))
	must(t, s.SetEvidenceNote(ctx, x.e2.ID, "SK Bupati 2026", "Budi")) // unchanged: nothing
	h := history(t, s, x.a.ID, 2)
	if len(h) != 3 || h[2].Field != assessment.FieldEvidence || !strings.Contains(h[2].Old, "awal") ||
		!strings.Contains(h[2].New, "SK Bupati 2026") || h[2].Operator != "Budi" {
		t.Errorf("history after the note edit: %+v", h)
	}
	list, err := s.Evidence(ctx, x.a.ID)
	must(t, err)
	if len(list) != 3 || list[1].ID != x.e2.ID || list[1].Note != "SK Bupati 2026" {
		t.Errorf("after the note edit: %+v", list)
	}
}

// evidenceRemoved: a removed file leaves the list (kept, with history)
// and comes back with its note.
func evidenceRemoved(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	x := addEvidence(t, s, c)
	must(t, s.RemoveEvidence(ctx, x.e2.ID, "Budi"))
	must(t, s.RemoveEvidence(ctx, x.e2.ID, "Budi")) // already removed: nothing
	if got, want := evidenceIDs(t, s, x.a.ID), []int64{x.e1.ID, x.e2b.ID}; !equal(got, want) {
		t.Errorf("after removing: %v, want %v", got, want)
	}
	h := history(t, s, x.a.ID, 2)
	if len(h) != 3 || !strings.Contains(h[2].Old, "sk.pdf") || h[2].New != "" || h[2].Operator != "Budi" {
		t.Errorf("history after removing: %+v", h)
	}
	must(t, s.UndoRemoveEvidence(ctx, x.e2.ID, "Budi"))
	if got, want := evidenceIDs(t, s, x.a.ID), []int64{x.e1.ID, x.e2.ID, x.e2b.ID}; !equal(got, want) {
		t.Errorf("after undo: %v, want %v", got, want)
	}
	if h = history(t, s, x.a.ID, 2); len(h) != 4 || h[3].Old != "" || !strings.Contains(h[3].New, "sk.pdf") {
		t.Errorf("history after undo: %+v", h)
	}
}

// trash: an assessment in the Sampah is kept, still readable, out of the
// list, and comes back with the status it had.
func trash(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	b := create(t, s, c, 2025)
	must(t, s.SetLevel(ctx, a.ID, 1, 4, "Ani"))
	must(t, s.TrashAssessment(ctx, a.ID))
	must(t, s.TrashAssessment(ctx, b.ID))
	list, err := s.Assessments(ctx)
	must(t, err)
	if len(list) != 0 {
		t.Errorf("Assessments lists trashed ones: %+v", list)
	}
	trashed, err := s.TrashedAssessments(ctx)
	must(t, err)
	if len(trashed) != 2 || trashed[0].ID != b.ID || trashed[1].ID != a.ID {
		t.Fatalf("TrashedAssessments = %+v, want the most recently trashed first", trashed)
	}
	for _, x := range trashed {
		if x.Status != assessment.AssessmentTrashed || x.TrashedAt.IsZero() {
			t.Errorf("trashed %+v", x)
		}
	}
	got, err := s.Assessment(ctx, a.ID)
	if err != nil || got.Status != assessment.AssessmentTrashed {
		t.Errorf("Assessment of a trashed one: %+v %v", got, err)
	}
	if ans, ok := answerOf(t, s, a.ID, 1); !ok || ans.Level != 4 {
		t.Errorf("answers of a trashed assessment: %+v", ans)
	}
}

// restore: an assessment taken out of the Sampah is listed again with
// the status it had; restoring one not in the trash does nothing.
func restore(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a := create(t, s, c, 2026)
	must(t, s.TrashAssessment(ctx, a.ID))
	must(t, s.RestoreAssessment(ctx, a.ID))
	got, err := s.Assessment(ctx, a.ID)
	if err != nil || got.Status != assessment.AssessmentDraft || !got.TrashedAt.IsZero() {
		t.Errorf("restored %+v %v", got, err)
	}
	list, err := s.Assessments(ctx)
	must(t, err)
	if len(list) != 1 || list[0].ID != a.ID {
		t.Errorf("after restore: %+v", list)
	}
	must(t, s.RestoreAssessment(ctx, a.ID)) // not in the trash: nothing
	if trashed, err := s.TrashedAssessments(ctx); err != nil || len(trashed) != 0 {
		t.Errorf("trash after restore: %+v %v", trashed, err)
	}
}

// ordering: assessments newest periode first, then in creation order;
// answers by indicator.
func ordering(t *testing.T, s assessment.Store, c *assessment.Catalog) {
	a25 := create(t, s, c, 2025)
	a26 := create(t, s, c, 2026)
	b25 := create(t, s, c, 2025)
	list, err := s.Assessments(ctx)
	must(t, err)
	var got []string
	for _, a := range list {
		got = append(got, a.ID)
	}
	if want := []string{a26.ID, a25.ID, b25.ID}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Assessments order %v, want %v", got, want)
	}
	for _, n := range []int{4, 1, 3} {
		must(t, s.SetLevel(ctx, a26.ID, n, 1, "Ani"))
	}
	answers, err := s.Answers(ctx, a26.ID)
	must(t, err)
	if len(answers) != 3 || answers[0].Indicator != 1 || answers[1].Indicator != 3 || answers[2].Indicator != 4 {
		t.Errorf("Answers order %+v", answers)
	}
	if _, err := s.CreateAssessment(ctx, c, 1999); err == nil {
		t.Error("periode 1999 accepted")
	}
}

// sameChanges compares history with want (field, values, operator) and
// checks that ids increase.
func sameChanges(t *testing.T, h, want []assessment.Change, indicator int) {
	t.Helper()
	if len(h) != len(want) {
		t.Fatalf("history %+v, want %d changes", h, len(want))
	}
	for i, w := range want {
		g := h[i]
		if g.Field != w.Field || g.Old != w.Old || g.New != w.New || g.Operator != w.Operator || g.Indicator != indicator || g.At.IsZero() {
			t.Errorf("history[%d] = %+v, want %+v", i, g, w)
		}
		if i > 0 && g.ID <= h[i-1].ID {
			t.Errorf("history ids not increasing: %d after %d", g.ID, h[i-1].ID)
		}
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
