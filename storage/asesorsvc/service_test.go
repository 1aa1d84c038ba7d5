package asesorsvc_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestAsesorGUIAdapter: the GUI's assessor workspace on storage/asesor
// registers a public key, imports a bundle (baru, then sudah diimpor),
// verifies and revokes the key and lists the recap.
func TestAsesorGUIAdapter(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	w, err := openWorkspace(data)
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
	k, _, err := w.AddKey(ctx, pub, "")
	if err != nil {
		t.Fatal(err)
	}
	if k.Status != assessment.KeyPending || k.Fingerprint != key.Fingerprint {
		t.Fatalf("added key %+v", k)
	}
	if err := os.WriteFile(filepath.Join(usb, "diskominfo.spbe"), asesorsvctest.WriteBundle(t, exporttest.Input(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	var calls int
	out, err := w.Import(ctx, []string{usb}, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Kind != intake.KindNew || out[0].OPDKode != "DISKOMINFO" || calls == 0 {
		t.Fatalf("import %+v (progress calls %d)", out, calls)
	}
	out, _ = w.Import(ctx, []string{usb}, nil)
	if len(out) != 1 || out[0].Kind != intake.KindDuplicate {
		t.Fatalf("second import %+v", out)
	}
	if _, err := w.VerifyKey(ctx, k.KeyID, "Andi", "melalui telepon"); err != nil {
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
	if _, err := w.RevokeKey(ctx, k.KeyID); err != nil {
		t.Fatal(err)
	}
	if list, _ := w.Keys(ctx); list[0].Status != assessment.KeyRevoked {
		t.Errorf("after revoking: %+v", list[0])
	}
}

// testReviewerProfile: a decision without a name is refused until the
// workspace profile has one, then recorded under it, never the OS user's.
func testReviewerProfile(t *testing.T, w asesorport.Workspace, id string, n int) {
	t.Helper()
	ctx := context.Background()
	d := assessment.ReviewDecision{BundleID: id, Indicator: n, Status: assessment.ReviewAccepted}
	if err := w.SaveReview(ctx, d); err == nil || !strings.Contains(err.Error(), "nama asesor belum diisi") {
		t.Errorf("decision without a name: %v", err)
	}
	if err := w.SetReviewerName(ctx, "Siti Rahmawati"); err != nil {
		t.Fatal(err)
	}
	if name, err := w.ReviewerName(ctx); err != nil || name != "Siti Rahmawati" {
		t.Fatalf("profile %q, %v", name, err)
	}
	if err := w.SaveReview(ctx, d); err != nil {
		t.Fatal(err)
	}
	hist, err := w.(*asesorsvc.Service).Workspace().ReviewHistory(ctx, id, n)
	if err != nil || len(hist) == 0 || hist[len(hist)-1].Reviewer != "Siti Rahmawati" {
		t.Errorf("recorded as %+v, %v; want the profile's name", hist, err)
	}
}

// testAsesorGUIReview: the review methods on the imported bundle — list,
// sheet, a revisi saved and read back, an invalid value refused, the
// report and an evidence file copied out for the viewer.
func testAsesorGUIReview(t *testing.T, w asesorport.Workspace) {
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
	if b.Catalog == nil {
		t.Fatal("the sheet carries no catalog: the review screen cannot show the indicator's question and criteria")
	}
	if _, ok := b.Catalog.Indicator(n); !ok {
		t.Errorf("indicator %d not in the sheet's catalog %s", n, b.Catalog.ID)
	}
	// on another indicator than the one checked below
	testReviewerProfile(t, w, id, b.Catalog.Indicators[len(b.Catalog.Indicators)-1].Number)
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
	testAsesorGUIItems(t, w, id, n)
	path, err := w.OpenBlob(ctx, b.ReportSHA256, "../Laporan.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(filepath.Dir(path))
	if data, err := os.ReadFile(path); err != nil || filepath.Base(path) != "Laporan.pdf" || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Errorf("report copied to %s: %.8q, %v", path, data, err)
	}
	var evidence []assessment.ReviewEvidence
	for _, it := range items {
		evidence = append(evidence, it.Evidence...)
	}
	if len(evidence) == 0 {
		return
	}
	p, err := w.OpenBlob(ctx, evidence[0].SHA256, evidence[0].Name)
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Dir(p))
}

// TestAsesorGUIAdapterConflict: through the GUI's workspace, a bundle that
// does not supersede the accepted one is a konflik, Bundles shows both
// with their dates and recomputed index, and AcceptBundle settles it; a
// bundle answered on an altered catalog is refused with its code.
func TestAsesorGUIAdapterConflict(t *testing.T) {
	ctx := context.Background()
	w, err := openWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	key := asesorsvctest.RegisterOPDKey(t, w)
	usb := t.TempDir()
	first, second := exporttest.Input(t), exporttest.Input(t)
	second.BundleID, second.Sequence = "01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f7", 4
	second.Snapshot.Answers = second.Snapshot.Answers[:5] // other content, not superseding: konflik
	for i := range second.Snapshot.Answers {
		second.Snapshot.Answers[i].Level = 4
	}
	altered := exporttest.Input(t)
	altered.BundleID, altered.Sequence = "01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f8", 5
	altered.Snapshot.Assessment.CatalogSHA256 = strings.Repeat("ab", 32)
	for name, in := range map[string]bundle.Input{"a.spbe": first, "b.spbe": second, "c.spbe": altered} {
		if err := os.WriteFile(filepath.Join(usb, name), asesorsvctest.WriteBundle(t, in, key), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := w.Import(ctx, []string{usb}, nil)
	if err != nil || len(out) != 3 {
		t.Fatalf("import %+v %v", out, err)
	}
	if out[0].Kind != intake.KindNew || out[1].Kind != intake.KindConflict ||
		out[2].Kind != intake.KindRejected || out[2].Code != intake.RejectCatalogMismatch {
		t.Fatalf("outcomes %+v", out)
	}
	list, err := w.Bundles(ctx)
	if err != nil || len(list) != 2 || list[1].Status != "conflict" || list[1].CreatedAt == "" || list[1].Imported.IsZero() ||
		list[1].Index == "" || list[1].Index == list[0].Index || list[1].KeyStatus != assessment.KeyPending {
		t.Fatalf("bundles %+v %v", list, err)
	}
	if err := w.AcceptBundle(ctx, second.BundleID); err != nil {
		t.Fatal(err)
	}
	rows, _ := w.Recap(ctx)
	if len(rows) != 1 || rows[0].BundleID != second.BundleID || rows[0].Conflicts != 0 || !rows[0].Recomputed || rows[0].Answered != 5 {
		t.Fatalf("recap after accepting %+v", rows)
	}
}
