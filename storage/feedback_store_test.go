package storage

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/feedbacktrust"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func TestFeedbackImport(t *testing.T) {
	ctx := context.Background()
	db, a, rec, priv, id := exportedForFeedback(t, 5)
	m := feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z",
		Bundle: feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: 1},
		Asesor: feedback.Asesor{Name: "Tim Asesor"},
		Items:  []feedback.Item{{Indicator: 3, Status: "revisi", Reason: "belum diunggah", Note: "unggah SK", Reviewer: "Budi"}}}
	data, err := feedback.Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	// Not trusted yet: refused, nothing stored.
	var ue *feedbacktrust.UntrustedKeyError
	if _, _, err := db.ImportFeedback(ctx, data); !errors.As(err, &ue) || ue.KeyID != id.KeyID {
		t.Fatalf("untrusted: %v", err)
	}
	if _, err := db.TrustAsesor(ctx, id, "kunci-asesor.json", false); err != nil {
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
	if ts, err := db.TrustedAsesors(ctx); err != nil || len(ts) != 1 || ts[0].Fingerprint != id.Fingerprint {
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
	db, a, rec, priv, id := exportedForFeedback(t, 7)
	sign := func(note string) []byte {
		data, err := feedback.Sign(priv, feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z",
			Bundle: feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: 1},
			Items:  []feedback.Item{{Indicator: 1, Status: "diterima", Note: note, Reviewer: "Budi"}}})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if _, err := db.TrustAsesor(ctx, id, "KUNCI_ASESOR.json", false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportFeedback(ctx, sign("pertama")); err != nil {
		t.Fatal(err)
	}
	keysList, err := db.TrustedAsesorKeys(ctx)
	if err != nil || len(keysList) != 1 || keysList[0].KeyID != id.KeyID || keysList[0].Source != "KUNCI_ASESOR.json" {
		t.Fatalf("keys %+v %v", keysList, err)
	}
	var ie *assessment.InputError
	if _, err := db.UntrustAsesor(ctx, "abc"); !errors.As(err, &ie) {
		t.Fatalf("short prefix: %v", err)
	}
	if _, err := db.UntrustAsesor(ctx, "00000000"); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("unknown key: %v", err)
	}
	got, err := db.UntrustAsesor(ctx, strings.ToUpper(id.KeyID[:10]))
	if err != nil || got.KeyID != id.KeyID || got.Fingerprint != id.Fingerprint {
		t.Fatalf("untrust: %+v %v", got, err)
	}
	// No longer listed; new feedback is refused; what was imported stays.
	if keysList, _ := db.TrustedAsesorKeys(ctx); len(keysList) != 0 {
		t.Errorf("still listed: %+v", keysList)
	}
	var we0 *feedbacktrust.WithdrawnKeyError
	if _, _, err := db.ImportFeedback(ctx, sign("kedua")); !errors.As(err, &we0) || !strings.Contains(err.Error(), "dicabut") ||
		!strings.Contains(err.Error(), "--retrust") {
		t.Fatalf("feedback from a withdrawn key: %v", err)
	}
	list, err := db.Feedback(ctx, a.ID)
	if err != nil || len(list) != 1 || list[0].Manifest.Items[0].Note != "pertama" || list[0].KeyWithdrawnAt.IsZero() {
		t.Fatalf("imported feedback after untrust: %+v %v", list, err)
	}
	if k, found, err := db.AsesorKey(ctx, id.KeyID); err != nil || !found || !k.Withdrawn() || k.Fingerprint != id.Fingerprint {
		t.Fatalf("withdrawn key as known: %+v %v %v", k, found, err)
	}
	if _, err := db.UntrustAsesor(ctx, id.KeyID); !errors.Is(err, assessment.ErrNotFound) {
		t.Errorf("untrust twice: %v", err)
	}
	// A plain trust does not undo the withdrawal; a deliberate retrust
	// does: accepted again, from the new source.
	var we *feedbacktrust.WithdrawnKeyError
	if _, err := db.TrustAsesor(ctx, id, "usb/KUNCI_ASESOR.json", false); !errors.As(err, &we) || we.UntrustedAt.IsZero() {
		t.Fatalf("plain trust of a withdrawn key: %v", err)
	}
	if _, err := db.TrustAsesor(ctx, id, "usb/KUNCI_ASESOR.json", true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportFeedback(ctx, sign("kedua")); err != nil {
		t.Fatalf("after trusting again: %v", err)
	}
	if keysList, _ := db.TrustedAsesorKeys(ctx); len(keysList) != 1 || keysList[0].Source != "usb/KUNCI_ASESOR.json" {
		t.Errorf("trusted again: %+v", keysList)
	}
}

func TestTrustAndImportFeedbackIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db, a, rec, priv, id := exportedForFeedback(t, 8)
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
	if _, _, _, err := db.TrustAndImportFeedback(ctx, data, id, "KUNCI_ASESOR.json", false); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("foreign bundle: %v", err)
	}
	if ts, _ := db.TrustedAsesorKeys(ctx); len(ts) != 0 {
		t.Fatalf("refused feedback left trust behind: %+v", ts)
	}
	other := keys.IdentityOf(ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)).Public().(ed25519.PublicKey), time.Time{})
	data, _ = feedback.Sign(priv, feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z", Bundle: ref})
	if _, _, _, err := db.TrustAndImportFeedback(ctx, data, other, "KUNCI_LAIN.json", false); err == nil || !strings.Contains(err.Error(), "bukan kunci di KUNCI_LAIN.json") {
		t.Fatalf("key file of another signer: %v", err)
	}
	got, known, now, err := db.TrustAndImportFeedback(ctx, data, id, "KUNCI_ASESOR.json", false)
	if err != nil || known || !now || got.AssessmentID != a.ID {
		t.Fatalf("trust and import: %+v %v %v %v", got, known, now, err)
	}
	if _, known, now, err := db.TrustAndImportFeedback(ctx, data, id, "KUNCI_ASESOR.json", false); err != nil || !known || now {
		t.Fatalf("again: %v %v %v", known, now, err)
	}
}

// signedFeedback signs feedback on the exported bundle rec with priv.
func signedFeedback(t *testing.T, priv ed25519.PrivateKey, rec ExportRecord, createdAt, note string) []byte {
	t.Helper()
	data, err := feedback.Sign(priv, feedback.Manifest{CreatedAt: createdAt, Asesor: feedback.Asesor{Name: "Tim Asesor"},
		Bundle: feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: rec.Sequence},
		Items:  []feedback.Item{{Indicator: 1, Status: "revisi", Note: note, Reviewer: "Budi"}}})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A withdrawn key is not trusted again by the plain trust of a first
// contact (the GUI's "Ya", the CLI's --trust): only with retrust, and
// nothing is stored when refused.
func TestTrustAndImportWithdrawnKeyNeedsRetrust(t *testing.T) {
	ctx := context.Background()
	db, a, rec, priv, id := exportedForFeedback(t, 10)
	if _, _, now, err := db.TrustAndImportFeedback(ctx, signedFeedback(t, priv, rec, "2026-06-01T08:00:00Z", "satu"), id, "KUNCI_ASESOR.json", false); err != nil || !now {
		t.Fatalf("first trust: %v %v", now, err)
	}
	if _, err := db.UntrustAsesor(ctx, id.KeyID); err != nil {
		t.Fatal(err)
	}
	second := signedFeedback(t, priv, rec, "2026-06-02T08:00:00Z", "dua")
	var we *feedbacktrust.WithdrawnKeyError
	if _, _, _, err := db.TrustAndImportFeedback(ctx, second, id, "KUNCI_ASESOR.json", false); !errors.As(err, &we) ||
		we.Fingerprint != id.Fingerprint || !strings.Contains(err.Error(), "dicabut pada") {
		t.Fatalf("trust of a withdrawn key: %v", err)
	}
	if k, _, _ := db.AsesorKey(ctx, id.KeyID); !k.Withdrawn() {
		t.Fatal("a refused trust lifted the withdrawal")
	}
	if list, _ := db.Feedback(ctx, a.ID); len(list) != 1 {
		t.Fatalf("refused feedback stored: %d records", len(list))
	}
	got, _, now, err := db.TrustAndImportFeedback(ctx, second, id, "usb/KUNCI_ASESOR.json", true)
	if err != nil || !now || got.Manifest.Items[0].Note != "dua" {
		t.Fatalf("retrust: %+v %v %v", got, now, err)
	}
	if k, _, _ := db.AsesorKey(ctx, id.KeyID); k.Withdrawn() || k.Source != "usb/KUNCI_ASESOR.json" {
		t.Fatalf("after retrust: %+v", k)
	}
}

// The feedback's OPD, periode and sequence must be the export log's for
// that bundle, not only its id and manifest hash.
func TestFeedbackBundleRefMatchesExportLog(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	rec := exportRecord(a, 2, "01968f2a-5b3c-7d4e-8f90-000000000002")
	if err := db.RecordExport(ctx, rec); err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{11}, 32))
	if _, err := db.TrustAsesor(ctx, keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{}), "KUNCI_ASESOR.json", false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(*ExportRecord)
	}{
		{"another OPD", func(r *ExportRecord) { r.OPDKode = "DINKES" }},
		{"another periode", func(r *ExportRecord) { r.Periode = 2031 }},
		{"another sequence", func(r *ExportRecord) { r.Sequence = 999 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			claimed := rec
			tc.edit(&claimed)
			_, _, err := db.ImportFeedback(ctx, signedFeedback(t, priv, claimed, "2026-06-01T08:00:00Z", "x"))
			if err == nil || !strings.Contains(err.Error(), "padahal bundel itu diekspor sebagai DISKOMINFO periode "+
				strconv.Itoa(rec.Periode)+" nomor urut 2") {
				t.Fatalf("claim %s/%d/%d: %v", claimed.OPDKode, claimed.Periode, claimed.Sequence, err)
			}
		})
	}
	if list, _ := db.Feedback(ctx, a.ID); len(list) != 0 {
		t.Fatalf("refused feedback stored: %+v", list)
	}
	if got, _, err := db.ImportFeedback(ctx, signedFeedback(t, priv, rec, "2026-06-01T08:00:00Z", "x")); err != nil || got.Sequence != 2 {
		t.Fatalf("matching feedback: %+v %v", got, err)
	}
}

// Feedback is ranked by the export log's sequence (a future-dated
// feedback on an older bundle never comes first), then by the signed
// created_at — not by import order, so an older feedback imported later
// stays history (issue 11 class 6 changed this from "latest imported") —
// and each record names the fingerprint of the key that verified it and
// whether that key was withdrawn.
func TestFeedbackOrderAndWithdrawnMark(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	rec1 := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	rec2 := exportRecord(a, 2, "01968f2a-5b3c-7d4e-8f90-000000000002")
	rec2.ManifestSHA256 = strings.Repeat("e", 64)
	for _, r := range []ExportRecord{rec1, rec2} {
		if err := db.RecordExport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	realKey := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{12}, 32))
	rogue := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{13}, 32))
	realID := keys.IdentityOf(realKey.Public().(ed25519.PublicKey), time.Time{})
	rogueID := keys.IdentityOf(rogue.Public().(ed25519.PublicKey), time.Time{})
	for _, id := range []keys.Identity{realID, rogueID} {
		if _, err := db.TrustAsesor(ctx, id, "KUNCI_ASESOR.json", false); err != nil {
			t.Fatal(err)
		}
	}
	imports := []struct {
		priv      ed25519.PrivateKey
		rec       ExportRecord
		createdAt string
		note      string
	}{
		{realKey, rec2, "2026-06-01T08:00:00Z", "bundel 2, pertama"},
		{rogue, rec1, "2099-01-01T00:00:00Z", "bundel 1, jam masa depan"},
		{realKey, rec2, "2020-01-01T00:00:00Z", "bundel 2, terakhir diimpor"},
	}
	for _, im := range imports {
		if _, _, err := db.ImportFeedback(ctx, signedFeedback(t, im.priv, im.rec, im.createdAt, im.note)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.UntrustAsesor(ctx, rogueID.KeyID); err != nil {
		t.Fatal(err)
	}
	list, err := db.Feedback(ctx, a.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("list %+v %v", list, err)
	}
	var got []string
	for _, r := range list {
		got = append(got, r.Manifest.Items[0].Note)
	}
	if want := []string{"bundel 2, pertama", "bundel 2, terakhir diimpor", "bundel 1, jam masa depan"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("order %q, want %q", got, want)
	}
	if list[0].Sequence != 2 || list[0].Fingerprint != realID.Fingerprint || !list[0].KeyWithdrawnAt.IsZero() {
		t.Errorf("newest: %+v", list[0])
	}
	if list[2].Fingerprint != rogueID.Fingerprint || list[2].KeyWithdrawnAt.IsZero() {
		t.Errorf("feedback of the withdrawn key not marked: %+v", list[2])
	}
}

// exportedForFeedback is an OPD store that exported bundle 1 of an
// assessment, and an assessor key (from seed) that may send feedback on it.
func exportedForFeedback(t *testing.T, seed byte) (*DB, assessment.Assessment, ExportRecord, ed25519.PrivateKey, keys.Identity) {
	t.Helper()
	db := openTest(t)
	a := newAssessment(t, db)
	rec := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	if err := db.RecordExport(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, 32))
	return db, a, rec, priv, keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{})
}
