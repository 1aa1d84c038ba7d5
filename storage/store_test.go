package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestProfile(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if _, err := db.Profile(ctx); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("Profile before init: %v, want ErrNotFound", err)
	}
	p := assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO", OPDNama: "Dinas Kominfo", Operator: "Rina"}
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.Operator = "Budi"
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := db.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("profile (-want +got):\n%s", diff)
	}
	var ie *assessment.InputError
	if err := db.SaveProfile(ctx, assessment.Profile{Instansi: "x"}); !errors.As(err, &ie) {
		t.Errorf("empty fields: %v, want InputError", err)
	}
}

func TestAssessmentLifecycle(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	c := testCatalog(t)
	a := newAssessment(t, db)
	if !strings.HasPrefix(a.ID, "2025-uji-minimal-") || a.Status != assessment.AssessmentDraft {
		t.Errorf("new assessment = %+v", a)
	}
	if a.CatalogID != c.ID || a.CatalogVersion != c.Version || a.CatalogSHA256 != c.SHA256() {
		t.Errorf("catalog not pinned: %+v", a)
	}
	if err := db.TrashAssessment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Assessments(ctx); len(list) != 0 {
		t.Errorf("trashed assessment listed: %v", list)
	}
	if got, _ := db.Assessment(ctx, a.ID); got.Status != assessment.AssessmentTrashed {
		t.Errorf("status after trash = %q", got.Status)
	}
	if err := db.RestoreAssessment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	list, err := db.Assessments(ctx)
	if err != nil || len(list) != 1 || list[0].Status != assessment.AssessmentDraft {
		t.Errorf("after restore: %v %v", list, err)
	}
	if _, err := db.Assessment(ctx, "nope"); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	var ie *assessment.InputError
	if _, err := db.CreateAssessment(ctx, c, 1999); !errors.As(err, &ie) {
		t.Errorf("periode 1999: %v", err)
	}
}

func TestAnswersAndHistory(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	steps := []struct {
		name string
		fn   func() error
	}{
		{"level 3", func() error { return db.SetLevel(ctx, a.ID, 2, 3, "Rina") }},
		{"same level", func() error { return db.SetLevel(ctx, a.ID, 2, 3, "Rina") }},
		{"just", func() error { return db.SetJustification(ctx, a.ID, 2, "SK tim ada", "Rina") }},
		{"just 2", func() error { return db.SetJustification(ctx, a.ID, 2, "SK tim 2024 ada", "Budi") }},
		{"level 4", func() error { return db.SetLevel(ctx, a.ID, 2, 4, "Budi") }},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
	ans, err := db.Answers(ctx, a.ID)
	if err != nil || len(ans) != 1 {
		t.Fatalf("answers %v %v", ans, err)
	}
	if ans[0].Level != 4 || ans[0].Justification != "SK tim 2024 ada" || ans[0].Operator != "Budi" {
		t.Errorf("answer = %+v", ans[0])
	}
	hist, err := db.History(ctx, a.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	type fv struct{ Field, Old, New, Op string }
	var got []fv
	for _, h := range hist {
		got = append(got, fv{h.Field, h.Old, h.New, h.Operator})
	}
	want := []fv{
		{"level", "0", "3", "Rina"},
		{"justification", "", "SK tim ada", "Rina"},
		{"justification", "SK tim ada", "SK tim 2024 ada", "Budi"},
		{"level", "3", "4", "Budi"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	// Restoring an earlier justification is setting it again.
	if err := db.SetJustification(ctx, a.ID, 2, hist[1].New, "Rina"); err != nil {
		t.Fatal(err)
	}
	if ans, _ := db.Answers(ctx, a.ID); ans[0].Justification != "SK tim ada" {
		t.Errorf("restored justification = %q", ans[0].Justification)
	}
}

func TestAnswerBadInput(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	var ie *assessment.InputError
	if err := db.SetLevel(ctx, a.ID, 99, 3, "x"); !errors.As(err, &ie) {
		t.Errorf("unknown indicator: %v", err)
	}
	if err := db.SetLevel(ctx, a.ID, 1, 6, "x"); !errors.As(err, &ie) {
		t.Errorf("level 6: %v", err)
	}
	if err := db.SetLevel(ctx, "nope", 1, 3, "x"); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("unknown assessment: %v", err)
	}
}

func TestHistoryIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	if err := db.SetLevel(ctx, a.ID, 1, 2, "Rina"); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`UPDATE history SET new = '5'`, `DELETE FROM history`} {
		_, err := db.sql.ExecContext(ctx, stmt)
		if err == nil || !isConstraint(err) {
			t.Errorf("%s: err = %v, want trigger abort", stmt, err)
		}
	}
	if h, _ := db.History(ctx, a.ID, 1); len(h) != 1 || h[0].New != "2" {
		t.Errorf("history changed: %+v", h)
	}
}

func TestConstraints(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	bad := []string{
		`INSERT INTO answer (assessment_id, indicator, level, updated_at, operator) VALUES ('` + a.ID + `', 1, 7, 'x', 'x')`,
		`INSERT INTO answer (assessment_id, indicator, level, updated_at, operator) VALUES ('` + a.ID + `', 42, 1, 'x', 'x')`,
		`INSERT INTO answer (assessment_id, indicator, level, updated_at, operator) VALUES ('nope', 1, 1, 'x', 'x')`,
		`INSERT INTO profile (id, instansi, opd_kode, opd_nama, operator, updated_at) VALUES (2, 'a', 'b', 'c', 'd', 'x')`,
		`UPDATE assessment SET status = 'weird'`,
		`INSERT INTO evidence (assessment_id, indicator, blob_sha256, original_name, added_at, operator) VALUES ('` + a.ID + `', 1, 'missing', 'x', 'x', 'x')`,
		`INSERT INTO history (assessment_id, indicator, field, old, new, at, operator) VALUES ('` + a.ID + `', 1, 'colour', '', '', 'x', 'x')`,
	}
	for _, stmt := range bad {
		if _, err := db.sql.ExecContext(ctx, stmt); !isConstraint(err) {
			t.Errorf("%s\n  err = %v, want constraint violation", stmt, err)
		}
	}
}
