package asesor

import (
	"context"
	"testing"
)

// BenchmarkRecap1000Reviewed is BenchmarkRecap1000 with every bundle on
// the installed Pemdi catalog and reviewed: 20 diterima decisions each
// (half with a set value) and, on indicator 13, item verdicts whose
// computed value decides the value — the recap's reviewed index then
// reads every decision.
func BenchmarkRecap1000Reviewed(b *testing.B) {
	c := testCatalog(b)
	w := openWS(b, WithLibrary(library(b, c)))
	seedBundles(b, w, 1000)
	tx, err := w.sql.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE bundle SET catalog_id = ?, catalog_version = ?, catalog_sha256 = ?`, c.ID, c.Version, c.SHA256()); err != nil {
		b.Fatal(err)
	}
	if _, err := tx.Exec(`DELETE FROM bundle_answer WHERE indicator > 20`); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO review (bundle_id, indicator, value, status, reason, note, reviewer, reviewed_at)
			SELECT b.bundle_id, a.indicator, CASE WHEN a.indicator % 2 = 0 THEN '2.5' ELSE '' END, 'diterima', '', '', 'Budi',
			'2026-06-01T00:00:00Z' FROM bundle b JOIN bundle_answer a ON a.bundle_id = b.bundle_id`,
		`INSERT INTO review_item (bundle_id, indicator, code, status, reason, note, computed_value, reviewer, reviewed_at)
			SELECT bundle_id, 13, 'I13-L1-01', 'diterima', '', '', '1', 'Budi', '2026-06-01T00:00:00Z' FROM bundle`,
	} {
		if _, err := tx.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		rows, err := w.Recap(ctx)
		if err != nil || len(rows) != 1000 || rows[0].Reviewed != 20 || rows[0].ReviewedIndex == "" {
			b.Fatalf("%d rows, %v: %+v", len(rows), err, rows[0])
		}
	}
}
