package asesor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// seedBundles inserts n accepted bundles of n OPDs (each with its key and
// 47 answers, and the recomputed score) directly, as an import would
// leave them.
func seedBundles(b *testing.B, w *Workspace, n int) {
	tx, err := w.sql.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	hexOf := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	report := hexOf("report")
	if _, err := tx.Exec(`INSERT INTO blob VALUES (?, 10, 'application/pdf', '2026-05-04T00:00:00.000000000Z')`, report); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		kode, keyid := fmt.Sprintf("OPD-%04d", n-i), hexOf(fmt.Sprint("key", i))
		pub := make([]byte, 32)
		copy(pub, keyid)
		if _, err := tx.Exec(`INSERT INTO opd_code (match_key, kode) VALUES (?, ?)`, assessment.OPDMatchKey(kode), kode); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO opd_key (keyid, public_key, fingerprint, opd_kode, status, source, first_seen)
			VALUES (?, ?, '00000 00000 00000 00000 00000 00000', ?, 'pending', 'bench', '2026-05-04T00:00:00.000000000Z')`, keyid, pub, kode); err != nil {
			b.Fatal(err)
		}
		id := fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-%012x", i)
		if _, err := tx.Exec(`INSERT INTO bundle VALUES (?, ?, ?, ?, 'Pemerintah Kabupaten Sigi', 2026, ?, ?, ?, NULL, NULL, 'accepted',
			'2026-05-04T03:02:01Z', '2026-05-05T00:00:00.000000000Z', 'x.spbe', '2.9512', 'Baik', 1, 47, 47,
			'pemdi', '2026.1', ?, ?, x'7b7d', x'7b7d', '2.9512', 'Baik', 1, 47, 47)`,
			id, hexOf(id), kode, "Dinas "+kode, i+1, keyid, hexOf("c"+id), report, report); err != nil {
			b.Fatal(err)
		}
		for ind := 1; ind <= 47; ind++ {
			if _, err := tx.Exec(`INSERT INTO bundle_answer VALUES (?, ?, 3, 'Sudah ada SK dan notulen rapat koordinasi')`, id, ind); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRecap1000 builds the recap of 1000 imported bundles (issue 6
// asks for under 200 ms).
func BenchmarkRecap1000(b *testing.B) {
	w := openWS(b)
	seedBundles(b, w, 1000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		rows, err := w.Recap(ctx)
		if err != nil || len(rows) != 1000 || rows[0].OPDKode != "OPD-0001" {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}
