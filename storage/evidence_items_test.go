package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// pemdiCatalog is the embedded Pemdi 2026 catalog (evidence items, I5
// valued by Indeks SDI).
func pemdiCatalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "assets", "catalogs", "pemdi-2026.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("pemdi-2026.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func pemdiAssessment(t *testing.T, db *DB) (*assessment.Catalog, assessment.Assessment) {
	t.Helper()
	cat := pemdiCatalog(t)
	a, err := db.CreateAssessment(context.Background(), cat, 2026)
	if err != nil {
		t.Fatal(err)
	}
	return cat, a
}

func evidenceByID(t *testing.T, db *DB, id string, evID int64) assessment.Evidence {
	t.Helper()
	list, err := db.Evidence(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.ID == evID {
			return e
		}
	}
	t.Fatalf("evidence #%d not listed", evID)
	return assessment.Evidence{}
}

func TestEvidenceItemsSetReadAndHistory(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	cat, a := pemdiAssessment(t, db)
	e, err := addBytes(t, db, a.ID, 4, "sk-tim.pdf", []byte("%PDF-1.4 sk"))
	if err != nil {
		t.Fatal(err)
	}
	// Typed in any order, lower case, with a duplicate: stored sorted, once.
	if err := db.SetEvidenceItems(ctx, cat, e.ID, []string{"I4-L1-02", " i4-l1-01", "I4-L1-02"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	if got := evidenceByID(t, db, a.ID, e.ID).Items; !cmp.Equal(got, []string{"I4-L1-01", "I4-L1-02"}) {
		t.Errorf("items = %v", got)
	}
	// The same set again writes no history entry.
	if err := db.SetEvidenceItems(ctx, cat, e.ID, []string{"I4-L1-01", "I4-L1-02"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	h, _ := db.History(ctx, a.ID, 4)
	if len(h) != 2 || h[1].Field != assessment.FieldEvidence || h[1].Old != "#1 butir: –" || h[1].New != "#1 butir: I4-L1-01, I4-L1-02" {
		t.Errorf("history = %+v", h)
	}
	// A file may support several items; an item several files.
	e2, _ := addBytes(t, db, a.ID, 4, "notulen.pdf", []byte("%PDF-1.4 notulen"))
	if err := db.SetEvidenceItems(ctx, cat, e2.ID, []string{"I4-L1-02"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	if got := evidenceByID(t, db, a.ID, e2.ID).Items; !cmp.Equal(got, []string{"I4-L1-02"}) {
		t.Errorf("second file's items = %v", got)
	}
	// Clearing.
	if err := db.SetEvidenceItems(ctx, cat, e2.ID, nil, "Rina"); err != nil {
		t.Fatal(err)
	}
	if got := evidenceByID(t, db, a.ID, e2.ID).Items; got != nil {
		t.Errorf("cleared items = %v", got)
	}
}

func TestEvidenceItemsRefused(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	cat, a := pemdiAssessment(t, db)
	e, _ := addBytes(t, db, a.ID, 4, "sk.pdf", []byte("%PDF-1.4 sk"))
	for _, tc := range []struct {
		items []string
		want  string
	}{
		{[]string{"I1-L1-01"}, "milik indikator 1, bukan indikator 4"},
		{[]string{"I4-L1-99"}, "tidak ada di katalog"},
		{[]string{"I4-L1-1"}, "bukan kode butir bukti"},
		{[]string{"I4-L1-01", "sk"}, "bukan kode butir bukti"},
	} {
		err := db.SetEvidenceItems(ctx, cat, e.ID, tc.items, "Rina")
		var ie *assessment.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want InputError with %q", tc.items, err, tc.want)
		}
	}
	if err := db.SetEvidenceItems(ctx, testCatalog(t), e.ID, nil, "Rina"); err == nil || !strings.Contains(err.Error(), "bukan katalog penilaian") {
		t.Errorf("another catalog: %v", err)
	}
	if err := db.SetEvidenceItems(ctx, cat, 999, []string{"I4-L1-01"}, "Rina"); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("unknown evidence: %v", err)
	}
	if got := evidenceByID(t, db, a.ID, e.ID).Items; got != nil {
		t.Errorf("a refused set left items %v", got)
	}
	if n := countRows(t, db, "evidence_item"); n != 0 {
		t.Errorf("%d item rows after refusals", n)
	}
}

func TestEvidenceItemsFollowRemoveAndUndo(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	cat, a := pemdiAssessment(t, db)
	e, _ := addBytes(t, db, a.ID, 4, "sk.pdf", []byte("%PDF-1.4 sk"))
	if err := db.SetEvidenceItems(ctx, cat, e.ID, []string{"I4-L1-01"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveEvidence(ctx, e.ID, "Rina"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetEvidenceItems(ctx, cat, e.ID, []string{"I4-L1-02"}, "Rina"); err == nil {
		t.Error("items of a removed link changed")
	}
	if err := db.UndoRemoveEvidence(ctx, e.ID, "Rina"); err != nil {
		t.Fatal(err)
	}
	if got := evidenceByID(t, db, a.ID, e.ID).Items; !cmp.Equal(got, []string{"I4-L1-01"}) {
		t.Errorf("items after undo = %v", got)
	}
}

func TestExternalScoreSetClearAndHistory(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	cat, a := pemdiAssessment(t, db)
	if err := db.SetExternalScore(ctx, cat, a.ID, 5, &assessment.ExternalScore{Score: "25,0", Year: 2025}, "Rina"); err != nil {
		t.Fatal(err)
	}
	answers, _ := db.Answers(ctx, a.ID)
	if len(answers) != 1 || answers[0].Indicator != 5 || answers[0].Level != 0 ||
		!cmp.Equal(answers[0].External, &assessment.ExternalScore{Score: "25", Year: 2025}) {
		t.Fatalf("answers = %+v", answers)
	}
	// Unchanged (same canonical value): no history entry.
	if err := db.SetExternalScore(ctx, cat, a.ID, 5, &assessment.ExternalScore{Score: "25", Year: 2025}, "Rina"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetExternalScore(ctx, cat, a.ID, 5, nil, "Budi"); err != nil {
		t.Fatal(err)
	}
	answers, _ = db.Answers(ctx, a.ID)
	if answers[0].External != nil {
		t.Errorf("cleared external = %+v", answers[0].External)
	}
	h, _ := db.History(ctx, a.ID, 5)
	want := [][2]string{{"", "25 (2025)"}, {"25 (2025)", ""}}
	if len(h) != 2 {
		t.Fatalf("history = %+v", h)
	}
	for i, c := range h {
		if c.Field != assessment.FieldExternal || c.Old != want[i][0] || c.New != want[i][1] {
			t.Errorf("history[%d] = %+v, want %v", i, c, want[i])
		}
	}
	// A level set later keeps the score, and the score keeps the level.
	if err := db.SetExternalScore(ctx, cat, a.ID, 5, &assessment.ExternalScore{Score: "68.75"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetJustification(ctx, a.ID, 5, "Indeks SDI 2025", "Rina"); err != nil {
		t.Fatal(err)
	}
	answers, _ = db.Answers(ctx, a.ID)
	if answers[0].External == nil || answers[0].External.Score != "68.75" || answers[0].Justification != "Indeks SDI 2025" {
		t.Errorf("after justification: %+v", answers[0])
	}
}

func TestExternalScoreRefused(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	cat, a := pemdiAssessment(t, db)
	for _, tc := range []struct {
		n    int
		e    assessment.ExternalScore
		want string
	}{
		{1, assessment.ExternalScore{Score: "25"}, "tidak dinilai dari indeks instansi lain"},
		{5, assessment.ExternalScore{Score: "101"}, "di luar skala"},
		{5, assessment.ExternalScore{Score: "2e1"}, "bukan angka desimal"},
		{5, assessment.ExternalScore{Score: "25", Year: 1999}, "tahun skor"},
		{99, assessment.ExternalScore{Score: "25"}, "tidak ada di katalog"},
	} {
		err := db.SetExternalScore(ctx, cat, a.ID, tc.n, &tc.e, "Rina")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("I%d %+v: err = %v, want %q", tc.n, tc.e, err, tc.want)
		}
	}
	if answers, _ := db.Answers(ctx, a.ID); len(answers) != 0 {
		t.Errorf("refusals left answers %+v", answers)
	}
}

func TestItemsAndExternalSurviveBackupRestore(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	cat, a := pemdiAssessment(t, src)
	e, _ := addBytes(t, src, a.ID, 4, "sk.pdf", []byte("%PDF-1.4 sk"))
	if err := src.SetEvidenceItems(ctx, cat, e.ID, []string{"I4-L1-01", "I4-L2-01"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	if err := src.SetExternalScore(ctx, cat, a.ID, 5, &assessment.ExternalScore{Score: "25", Year: 2025}, "Rina"); err != nil {
		t.Fatal(err)
	}
	wantEv, _ := src.Evidence(ctx, a.ID)
	wantAns, _ := src.Answers(ctx, a.ID)
	dst := openTest(t)
	if _, err := restore(dst, backupBytes(t, src), false); err != nil {
		t.Fatal(err)
	}
	gotEv, _ := dst.Evidence(ctx, a.ID)
	gotAns, _ := dst.Answers(ctx, a.ID)
	if diff := cmp.Diff(wantEv, gotEv); diff != "" {
		t.Errorf("evidence after restore (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantAns, gotAns); diff != "" {
		t.Errorf("answers after restore (-want +got):\n%s", diff)
	}
}

// A schema-5 database with history opens under schema 6 with every entry
// kept under its id, and the rebuilt history is still append-only.
func TestMigration6KeepsHistory(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ms := embeddedMigrations()
	old, err := Open(dir, WithClock(fixedClock()), withMigrations(ms[:5]))
	if err != nil {
		t.Fatal(err)
	}
	a := newAssessment(t, old)
	if err := old.SetLevel(ctx, a.ID, 1, 3, "Rina"); err != nil {
		t.Fatal(err)
	}
	if err := old.SetJustification(ctx, a.ID, 1, "Ada SK.", "Rina"); err != nil {
		t.Fatal(err)
	}
	want, _ := old.History(ctx, a.ID, 1)
	old.Close()

	db := openAt(t, dir)
	got, err := db.History(ctx, a.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("history after migration (-want +got):\n%s", diff)
	}
	if _, err := db.sql.Exec(`UPDATE history SET new = 'x'`); err == nil {
		t.Error("history can be updated after migration 6")
	}
	if _, err := db.sql.Exec(`DELETE FROM history`); err == nil {
		t.Error("history can be deleted after migration 6")
	}
	answers, _ := db.Answers(ctx, a.ID)
	if len(answers) != 1 || answers[0].External != nil {
		t.Errorf("answers after migration = %+v", answers)
	}
}
