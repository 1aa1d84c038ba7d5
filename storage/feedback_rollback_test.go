package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// rewrap puts the signed payload of data into another envelope: other
// field order and whitespace, and a second (foreign) signature after the
// first. The signature still verifies; the file's bytes all differ.
func rewrap(t *testing.T, data []byte) []byte {
	t.Helper()
	var env feedback.Envelope
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	env.Signatures = append(env.Signatures, env.Signatures[0])
	env.Signatures[1].KeyID = strings.Repeat("0", 64)
	out, err := json.Marshal(map[string]any{"signatures": env.Signatures, "payload": env.Payload, "payloadType": env.PayloadType})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Feedback cannot be rolled back (class 6): the same signed payload in
// another envelope is "sudah diimpor", and an older feedback — superseded
// before, or brought in after a newer one — never becomes current.
func TestFeedbackCannotBeRolledBack(t *testing.T) {
	ctx := context.Background()
	db, a, rec, priv, id := exportedForFeedback(t, 7)
	if _, err := db.TrustAsesor(ctx, id, "KUNCI_ASESOR.json", false); err != nil {
		t.Fatal(err)
	}
	older := signedFeedback(t, priv, rec, "2026-06-01T08:00:00Z", "lama: unggah SK")
	newer := signedFeedback(t, priv, rec, "2026-06-02T08:00:00Z", "baru: SK sudah cukup")
	current := func() string {
		t.Helper()
		list, err := db.Feedback(ctx, a.ID)
		if err != nil || len(list) == 0 {
			t.Fatalf("Feedback: %v", err)
		}
		return list[0].Manifest.Items[0].Note
	}
	for _, data := range [][]byte{older, newer} {
		if _, known, err := db.ImportFeedback(ctx, data); err != nil || known {
			t.Fatalf("import: %v %v", known, err)
		}
	}
	if got := current(); got != "baru: SK sudah cukup" {
		t.Fatalf("current %q", got)
	}
	// The superseded feedback re-wrapped: the same payload, so the same feedback.
	got, known, err := db.ImportFeedback(ctx, rewrap(t, older))
	if err != nil || !known {
		t.Fatalf("re-wrapped older feedback: known %v, %v (%+v)", known, err, got)
	}
	if got := current(); got != "baru: SK sudah cukup" {
		t.Fatalf("re-wrapped older feedback became current: %q", got)
	}
	var n int
	db.sql.QueryRow(`SELECT count(*) FROM feedback`).Scan(&n)
	if n != 2 {
		t.Fatalf("%d feedback rows", n)
	}

	// An older feedback never imported before, brought in after the newer
	// one: stored as history, said so, not current.
	db2, a2, rec2, _, _ := exportedForFeedback(t, 7)
	if _, err := db2.TrustAsesor(ctx, id, "KUNCI_ASESOR.json", false); err != nil {
		t.Fatal(err)
	}
	newer2 := signedFeedback(t, priv, rec2, "2026-06-02T08:00:00Z", "baru")
	older2 := signedFeedback(t, priv, rec2, "2026-06-01T08:00:00Z", "lama")
	if r, _, err := db2.ImportFeedback(ctx, newer2); err != nil || r.Superseded != "" {
		t.Fatalf("newer: %+v %v", r, err)
	}
	r, known, err := db2.ImportFeedback(ctx, older2)
	if err != nil || known || !strings.Contains(r.Superseded, "riwayat") {
		t.Fatalf("older after newer: %q %v %v", r.Superseded, known, err)
	}
	if list, _ := db2.Feedback(ctx, a2.ID); len(list) != 2 || list[0].Manifest.Items[0].Note != "baru" {
		t.Fatalf("older feedback became current: %+v", list)
	}
}

// A feedback stored before the payload rule (payload_sha256 held the
// hash of the whole file) is still recognised in another envelope.
func TestFeedbackLegacyRowRecognisedByPayload(t *testing.T) {
	ctx := context.Background()
	db, _, rec, priv, id := exportedForFeedback(t, 8)
	if _, err := db.TrustAsesor(ctx, id, "KUNCI_ASESOR.json", false); err != nil {
		t.Fatal(err)
	}
	data := signedFeedback(t, priv, rec, "2026-06-01T08:00:00Z", "catatan")
	if _, _, err := db.ImportFeedback(ctx, data); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if _, err := db.sql.Exec(`UPDATE feedback SET payload_sha256 = ?`, hex.EncodeToString(sum[:])); err != nil {
		t.Fatal(err)
	}
	if _, known, err := db.ImportFeedback(ctx, rewrap(t, data)); err != nil || !known {
		t.Fatalf("legacy row in another envelope: known %v, %v", known, err)
	}
}

// Feedback on a bundle the log holds pending (a crash right after its
// rename, not yet reconciled) is accepted: the assessor reviewed it, so it
// exists (class 7: the OPD does not refuse feedback for its own bundle).
func TestFeedbackOnPendingExport(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	rec := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	if err := db.BeginExport(ctx, rec); err != nil {
		t.Fatal(err)
	}
	_, _, _, priv, id := exportedForFeedback(t, 9)
	if _, err := db.TrustAsesor(ctx, id, "KUNCI_ASESOR.json", false); err != nil {
		t.Fatal(err)
	}
	got, known, err := db.ImportFeedback(ctx, signedFeedback(t, priv, rec, "2026-06-01T08:00:00Z", "catatan"))
	if err != nil || known || got.AssessmentID != a.ID {
		t.Fatalf("feedback on a pending export: %+v %v %v", got, known, err)
	}
}
