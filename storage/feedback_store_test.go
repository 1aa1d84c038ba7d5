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

func TestFeedbackUntrustKeepsImported(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	rec := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	if err := db.RecordExport(ctx, rec); err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	id := keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{})
	sign := func(note string) []byte {
		data, err := feedback.Sign(priv, feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z",
			Bundle: feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: 1},
			Items:  []feedback.Item{{Indicator: 1, Status: "diterima", Note: note, Reviewer: "Budi"}}})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if _, err := db.TrustAssessor(ctx, id, "KUNCI_ASESOR.json"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportFeedback(ctx, sign("pertama")); err != nil {
		t.Fatal(err)
	}
	keysList, err := db.TrustedAssessorKeys(ctx)
	if err != nil || len(keysList) != 1 || keysList[0].KeyID != id.KeyID || keysList[0].Source != "KUNCI_ASESOR.json" {
		t.Fatalf("keys %+v %v", keysList, err)
	}
	var ie *assessment.InputError
	if _, err := db.UntrustAssessor(ctx, "abc"); !errors.As(err, &ie) {
		t.Fatalf("short prefix: %v", err)
	}
	if _, err := db.UntrustAssessor(ctx, "00000000"); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("unknown key: %v", err)
	}
	got, err := db.UntrustAssessor(ctx, strings.ToUpper(id.KeyID[:10]))
	if err != nil || got.KeyID != id.KeyID || got.Fingerprint != id.Fingerprint {
		t.Fatalf("untrust: %+v %v", got, err)
	}
	// No longer listed; new feedback is refused; what was imported stays.
	if keysList, _ := db.TrustedAssessorKeys(ctx); len(keysList) != 0 {
		t.Errorf("still listed: %+v", keysList)
	}
	var ue *UntrustedAssessorError
	if _, _, err := db.ImportFeedback(ctx, sign("kedua")); !errors.As(err, &ue) {
		t.Fatalf("feedback from an untrusted key: %v", err)
	}
	list, err := db.Feedback(ctx, a.ID)
	if err != nil || len(list) != 1 || list[0].Manifest.Items[0].Note != "pertama" {
		t.Fatalf("imported feedback after untrust: %+v %v", list, err)
	}
	if _, err := db.UntrustAssessor(ctx, id.KeyID); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("untrust twice: %v", err)
	}
	// Trusted again deliberately: accepted again, from the new source.
	if _, err := db.TrustAssessor(ctx, id, "usb/KUNCI_ASESOR.json"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportFeedback(ctx, sign("kedua")); err != nil {
		t.Fatalf("after trusting again: %v", err)
	}
	if keysList, _ := db.TrustedAssessorKeys(ctx); len(keysList) != 1 || keysList[0].Source != "usb/KUNCI_ASESOR.json" {
		t.Errorf("trusted again: %+v", keysList)
	}
}

func TestTrustAndImportFeedbackIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	rec := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	if err := db.RecordExport(ctx, rec); err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{8}, 32))
	id := keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{})
	ref := feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: 1}
	foreign := ref
	foreign.ID = "01968f2a-5b3c-7d4e-8f90-000000000077"
	if _, err := db.FeedbackTarget(ctx, foreign); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("target of a foreign bundle: %v", err)
	}
	if got, err := db.FeedbackTarget(ctx, ref); err != nil || got != a.ID {
		t.Fatalf("target: %q %v", got, err)
	}
	data, _ := feedback.Sign(priv, feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z", Bundle: foreign})
	if _, _, _, err := db.TrustAndImportFeedback(ctx, data, id, "KUNCI_ASESOR.json"); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("foreign bundle: %v", err)
	}
	if ts, _ := db.TrustedAssessorKeys(ctx); len(ts) != 0 {
		t.Fatalf("refused feedback left trust behind: %+v", ts)
	}
	other := keys.IdentityOf(ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)).Public().(ed25519.PublicKey), time.Time{})
	data, _ = feedback.Sign(priv, feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z", Bundle: ref})
	if _, _, _, err := db.TrustAndImportFeedback(ctx, data, other, "KUNCI_LAIN.json"); err == nil || !strings.Contains(err.Error(), "bukan kunci di KUNCI_LAIN.json") {
		t.Fatalf("key file of another signer: %v", err)
	}
	got, known, now, err := db.TrustAndImportFeedback(ctx, data, id, "KUNCI_ASESOR.json")
	if err != nil || known || !now || got.AssessmentID != a.ID {
		t.Fatalf("trust and import: %+v %v %v %v", got, known, now, err)
	}
	if _, known, now, err := db.TrustAndImportFeedback(ctx, data, id, "KUNCI_ASESOR.json"); err != nil || !known || now {
		t.Fatalf("again: %v %v %v", known, now, err)
	}
}
