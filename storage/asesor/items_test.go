package asesor

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// A version-2 bundle's item links and external score are stored at import
// and come back with the answers and on the review sheet.
func TestImportStoresItemsAndExternal(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	sdi := &assessment.ExternalScore{Score: "68.75", Year: 2025}
	p, r := a.write(t, t.TempDir(), spec{seq: 1, items: []string{"I1-L1-01", "I1-L2-02"},
		extra: []assessment.Answer{{Indicator: 18, External: sdi}}})
	if got := importOne(t, w, p); got.Kind != intake.KindNew {
		t.Fatalf("import: %+v", got)
	}
	answers, err := w.Answers(ctx, r.BundleID)
	if err != nil {
		t.Fatal(err)
	}
	byN := map[int]Answer{}
	for _, an := range answers {
		byN[an.Indicator] = an
	}
	if got := byN[1].Evidence[0].Items; !cmp.Equal(got, []string{"I1-L1-01", "I1-L2-02"}) {
		t.Errorf("items of I1's file = %v", got)
	}
	if got := byN[2].Evidence[0].Items; got != nil {
		t.Errorf("items of I2's file = %v, want none", got)
	}
	if !cmp.Equal(byN[18].External, sdi) || byN[1].External != nil {
		t.Errorf("external: I18 %+v, I1 %+v", byN[18].External, byN[1].External)
	}
	_, rows, err := w.ReviewSheet(ctx, r.BundleID)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if row.Indicator == 18 && (row.Answer == nil || !cmp.Equal(row.Answer.External, sdi)) {
			t.Errorf("review sheet I18: %+v", row.Answer)
		}
	}
}

// A version-1 bundle stores no item or external rows.
func TestImportVersion1HasNoItems(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p, r := a.write(t, t.TempDir(), spec{seq: 1})
	importOne(t, w, p)
	answers, err := w.Answers(ctx, r.BundleID)
	if err != nil {
		t.Fatal(err)
	}
	for _, an := range answers {
		if an.External != nil {
			t.Errorf("I%d external %+v", an.Indicator, an.External)
		}
		for _, e := range an.Evidence {
			if e.Items != nil {
				t.Errorf("I%d items %v", an.Indicator, e.Items)
			}
		}
	}
	for _, table := range []string{"bundle_evidence_item", "bundle_external"} {
		var n int
		if err := w.sql.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows, %v", table, n, err)
		}
	}
}

// The recomputed index takes an agency score the way the OPD's export
// did (SDI 68,75 → 3,75 for I18): the bundle shows no index mismatch.
func TestRecomputeUsesExternalScore(t *testing.T) {
	ctx := context.Background()
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	sdi := &assessment.ExternalScore{Score: "68.75", Year: 2025}
	withScore, r := a.write(t, t.TempDir(), spec{seq: 1, extra: []assessment.Answer{{Indicator: 18, External: sdi}}})
	if got := importOne(t, w, withScore); got.Kind != intake.KindNew {
		t.Fatalf("import: %+v", got)
	}
	b, err := w.Bundle(ctx, r.BundleID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Index != b.ClaimedIndex {
		t.Errorf("recomputed index %s, OPD claimed %s", b.Index, b.ClaimedIndex)
	}
	b2 := openWS(t, WithLibrary(library(t, testCatalog(t))))
	addKey(t, b2, a, "")
	plain, r2 := a.write(t, t.TempDir(), spec{seq: 1, note: "tanpa skor"})
	importOne(t, b2, plain)
	without, _ := b2.Bundle(ctx, r2.BundleID)
	if without.Index == b.Index {
		t.Errorf("the agency score did not change the index (%s both)", b.Index)
	}
}

// A workspace of schema 5 (before evidence items) opens, gains the new
// tables, and keeps answering for the bundles it holds.
func TestSchema5WorkspaceOpens(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), DirName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old := fstest.MapFS{}
	for i := 1; i <= 5; i++ {
		names, _ := fs.Glob(migrationFS, fmt.Sprintf("migrations/%04d_*.sql", i))
		if len(names) != 1 {
			t.Fatalf("migration %d: %v", i, names)
		}
		b, _ := fs.ReadFile(migrationFS, names[0])
		old[names[0]] = &fstest.MapFile{Data: b}
	}
	ms, err := sqlitedb.ParseMigrations(old, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	pool, err := sqlitedb.Open(ctx, filepath.Join(dir, DBFileName), ApplicationID, ms, sqlitedb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := pool.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != 5 {
		t.Fatalf("user_version %d, %v", v, err)
	}
	pool.Close()
	w, err := Open(dir)
	if err != nil {
		t.Fatalf("schema-5 workspace does not open: %v", err)
	}
	defer w.Close()
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p, r := a.write(t, t.TempDir(), spec{seq: 1, items: []string{"I1-L1-01"}})
	if got := importOne(t, w, p); got.Kind != intake.KindNew {
		t.Fatalf("import after migration: %+v", got)
	}
	answers, err := w.Answers(ctx, r.BundleID)
	if err != nil || len(answers) == 0 || !cmp.Equal(answers[0].Evidence[0].Items, []string{"I1-L1-01"}) {
		t.Errorf("answers after migration: %+v, %v", answers, err)
	}
}
