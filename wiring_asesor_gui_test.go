package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestAsesorGUIAdapter: the GUI's assessor workspace on storage/asesor
// registers a public key, imports a bundle (baru, then sudah diimpor),
// verifies and revokes the key and lists the recap.
func TestAsesorGUIAdapter(t *testing.T) {
	if guiDeps(t.TempDir()).OpenAsesor == nil {
		t.Fatal("guiDeps does not wire OpenAsesor")
	}
	ctx := context.Background()
	data := t.TempDir()
	w, err := openAsesorGUI(data)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	usb := t.TempDir()
	pub := filepath.Join(t.TempDir(), "kunci.json")
	if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := w.AddKey(ctx, pub)
	if err != nil {
		t.Fatal(err)
	}
	if k.Status != assessment.KeyPending || k.Fingerprint != key.Fingerprint {
		t.Fatalf("added key %+v", k)
	}
	if err := os.WriteFile(filepath.Join(usb, "diskominfo.spbe"), writeBundle(t, exportInput(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	var calls int
	out, err := w.Import(ctx, []string{usb}, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Kind != assessment.ImportNew || out[0].OPDKode != "DISKOMINFO" || calls == 0 {
		t.Fatalf("import %+v (progress calls %d)", out, calls)
	}
	out, _ = w.Import(ctx, []string{usb}, nil)
	if len(out) != 1 || out[0].Kind != assessment.ImportDuplicate {
		t.Fatalf("second import %+v", out)
	}
	if err := w.VerifyKey(ctx, k.KeyID, "melalui telepon", "Andi"); err != nil {
		t.Fatal(err)
	}
	list, err := w.Keys(ctx)
	if err != nil || len(list) != 1 || list[0].Status != assessment.KeyVerified || list[0].VerifiedBy != "Andi" || list[0].VerifiedHow != "melalui telepon" {
		t.Fatalf("keys %+v, %v", list, err)
	}
	rows, err := w.Recap(ctx)
	if err != nil || len(rows) != 1 || rows[0].OPDKode != "DISKOMINFO" || rows[0].Periode != 2025 || rows[0].KeyStatus != assessment.KeyVerified || rows[0].BundleID == "" {
		t.Fatalf("recap %+v, %v", rows, err)
	}
	testAsesorGUIReview(t, w)
	if err := w.RevokeKey(ctx, k.KeyID); err != nil {
		t.Fatal(err)
	}
	if list, _ := w.Keys(ctx); list[0].Status != assessment.KeyRevoked {
		t.Errorf("after revoking: %+v", list[0])
	}
}

// testAsesorGUIReview: the review methods on the imported bundle — list,
// sheet, a revisi saved and read back, an invalid value refused, the
// report and an evidence file copied out for the viewer.
func testAsesorGUIReview(t *testing.T, w assessment.AsesorWorkspace) {
	t.Helper()
	ctx := context.Background()
	bundles, err := w.Bundles(ctx)
	if err != nil || len(bundles) != 1 || bundles[0].OPDKode != "DISKOMINFO" || bundles[0].ReportSHA256 == "" {
		t.Fatalf("bundles %+v, %v", bundles, err)
	}
	id := bundles[0].BundleID
	b, items, err := w.ReviewSheet(ctx, id)
	if err != nil || b.BundleID != id || len(items) == 0 || !items[0].Answered || items[0].Reviewed {
		t.Fatalf("sheet %+v %+v, %v", b, items, err)
	}
	n := items[0].Indicator
	if err := w.SaveReview(ctx, assessment.ReviewDecision{BundleID: id, Indicator: n, Value: "7",
		Status: assessment.ReviewAccepted, Reviewer: "Andi"}); err == nil {
		t.Error("value 7 accepted")
	}
	d := assessment.ReviewDecision{BundleID: id, Indicator: n, Value: "2,5", Status: assessment.ReviewRevision,
		Reason: assessment.ReasonWrongEvidence, Note: "Bukti bukan SK", Reviewer: "Andi"}
	if err := w.SaveReview(ctx, d); err != nil {
		t.Fatal(err)
	}
	_, items, err = w.ReviewSheet(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got := items[0]
	if !got.Reviewed || got.Value != "2.5" || got.Status != "revisi" || got.Reason != "bukti tidak tepat" ||
		got.Note != "Bukti bukan SK" || got.Revisions != 1 {
		t.Errorf("after save %+v", got)
	}
	path, err := w.OpenBlob(ctx, b.ReportSHA256, "../Laporan.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(filepath.Dir(path))
	if data, err := os.ReadFile(path); err != nil || filepath.Base(path) != "Laporan.pdf" || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Errorf("report copied to %s: %.8q, %v", path, data, err)
	}
	for _, it := range items {
		for _, e := range it.Evidence {
			p, err := w.OpenBlob(ctx, e.SHA256, e.Name)
			if err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(filepath.Dir(p))
			return
		}
	}
}
