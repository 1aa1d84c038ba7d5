package storage

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func TestFeedbackImport(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	rec := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	if err := db.RecordExport(ctx, rec); err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{5}, 32))
	id := keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{})
	m := feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z",
		Bundle:   feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: 1},
		Assessor: feedback.Assessor{Name: "Tim Asesor"},
		Items:    []feedback.Item{{Indicator: 3, Status: "revisi", Reason: "belum diunggah", Note: "unggah SK", Reviewer: "Budi"}}}
	data, err := feedback.Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	// Not trusted yet: refused, nothing stored.
	var ue *UntrustedAssessorError
	if _, _, err := db.ImportFeedback(ctx, data); !errors.As(err, &ue) || ue.KeyID != id.KeyID {
		t.Fatalf("untrusted: %v", err)
	}
	if _, err := db.TrustAssessor(ctx, id, "kunci-asesor.json"); err != nil {
		t.Fatal(err)
	}
	got, known, err := db.ImportFeedback(ctx, data)
	if err != nil || known || got.AssessmentID != a.ID || got.Manifest.Items[0].Note != "unggah SK" {
		t.Fatalf("import: %+v %v %v", got, known, err)
	}
	if _, known, err := db.ImportFeedback(ctx, data); err != nil || !known {
		t.Fatalf("again: %v %v", known, err)
	}
	list, err := db.Feedback(ctx, a.ID)
	if err != nil || len(list) != 1 || list[0].Manifest.Items[0].Reason != "belum diunggah" {
		t.Fatalf("list %+v %v", list, err)
	}
	if ts, err := db.TrustedAssessors(ctx); err != nil || len(ts) != 1 || ts[0].Fingerprint != id.Fingerprint {
		t.Fatalf("trusted %+v %v", ts, err)
	}
	// Feedback on a bundle this installation did not export, or on other content.
	m2 := m
	m2.Bundle.ID = "01968f2a-5b3c-7d4e-8f90-000000000099"
	data2, _ := feedback.Sign(priv, m2)
	if _, _, err := db.ImportFeedback(ctx, data2); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("foreign bundle: %v", err)
	}
	m3 := m
	m3.Bundle.ManifestSHA256 = strings.Repeat("d", 64)
	data3, _ := feedback.Sign(priv, m3)
	if _, _, err := db.ImportFeedback(ctx, data3); err == nil || !strings.Contains(err.Error(), "isi lain") {
		t.Fatalf("other content: %v", err)
	}
	// Signed by another key claiming nothing trusted.
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{6}, 32))
	data4, _ := feedback.Sign(other, m)
	if _, _, err := db.ImportFeedback(ctx, data4); !errors.As(err, &ue) {
		t.Fatalf("other signer: %v", err)
	}
}
