package asesorsvc_test

import (
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
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// importedWorkspace opens a real assessor workspace with one imported
// DISKOMINFO bundle (periode 2025, every indicator at level 3) and
// returns it with the bundle and its signer's fingerprint.
func importedWorkspace(t *testing.T) (asesorport.Workspace, assessment.ReviewBundle, string) {
	t.Helper()
	ctx := context.Background()
	w, err := openWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(t.TempDir(), "kunci.json")
	usb := t.TempDir()
	if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(usb, "diskominfo.spbe"), asesorsvctest.WriteBundle(t, exporttest.Input(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.AddKey(ctx, pub, ""); err != nil {
		t.Fatal(err)
	}
	if out, err := w.Import(ctx, []string{usb}, nil); err != nil || len(out) != 1 || out[0].Kind != intake.KindNew {
		t.Fatalf("import %+v, %v", out, err)
	}
	bundles, err := w.Bundles(ctx)
	if err != nil || len(bundles) != 1 {
		t.Fatalf("bundles %+v, %v", bundles, err)
	}
	return w, bundles[0], key.Fingerprint
}

// TestAsesorGUIConsolidation: the consolidation screen's methods on
// storage/asesor — the periode on its catalog, the default proposal from
// an accepted review, a settled value with a decimal comma and its trail,
// back to the proposal, the responsibility matrix, and an indicator
// outside the catalog refused.
func TestAsesorGUIConsolidation(t *testing.T) {
	ctx := context.Background()
	w, b, _ := importedWorkspace(t)
	if err := w.SaveReview(ctx, assessment.ReviewDecision{BundleID: b.BundleID, Indicator: 1,
		Status: assessment.ReviewAccepted, Reviewer: "Andi"}); err != nil {
		t.Fatal(err)
	}
	cv, cat, err := w.Consolidation(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if cat == nil || cv.CatalogID != "spbe-2020" || cv.CatalogVersion != cat.Version || len(cv.Rows) != len(cat.Indicators) {
		t.Fatalf("consolidation on %s %s with %d rows", cv.CatalogID, cv.CatalogVersion, len(cv.Rows))
	}
	r1 := cv.Rows[0]
	if r1.Value != "3" || r1.Source != assessment.SourceProposal || r1.FromOPD != "DISKOMINFO" || r1.FromBundle != b.BundleID ||
		len(r1.Evidence) != 1 || len(r1.Candidates) != 1 || r1.Candidates[0].ReviewStatus != assessment.ReviewAccepted {
		t.Errorf("proposal row %+v", r1)
	}
	if cv.Score.Complete || cv.Score.Answered != 1 || cv.Score.Index == nil {
		t.Errorf("score %+v", cv.Score)
	}

	if err := w.Settle(ctx, assessment.SettleRequest{Periode: 2025, Indicator: 2, Value: "2,5", FromBundle: b.BundleID,
		Note: "Hasil wawancara"}); err != nil {
		t.Fatal(err)
	}
	cv, _, _ = w.Consolidation(ctx, 2025)
	r2 := cv.Rows[1]
	if r2.Value != "2.5" || r2.Source != assessment.SourceSettled || r2.FromOPD != "DISKOMINFO" || r2.Note != "Hasil wawancara" ||
		r2.SetBy == "" || r2.SetAt.IsZero() || cv.Score.Answered != 2 {
		t.Errorf("settled row %+v, answered %d", r2, cv.Score.Answered)
	}
	if err := w.Settle(ctx, assessment.SettleRequest{Periode: 2025, Indicator: 2}); err != nil {
		t.Fatal(err)
	}
	if cv, _, _ = w.Consolidation(ctx, 2025); cv.Rows[1].Source != "" || cv.Rows[1].Value != "" {
		t.Errorf("after clearing %+v", cv.Rows[1])
	}
	if err := w.Settle(ctx, assessment.SettleRequest{Periode: 2025, Indicator: 999, Value: "3"}); err == nil ||
		!strings.Contains(err.Error(), "tidak ada di katalog") {
		t.Errorf("indicator 999: %v", err)
	}
	if err := w.Settle(ctx, assessment.SettleRequest{Periode: 2025, Indicator: 3, Value: "6"}); err == nil {
		t.Error("value 6 accepted")
	}

	if err := w.SetResponsible(ctx, 2025, 1, []string{"BAPPEDA"}); err != nil {
		t.Fatal(err)
	}
	cv, _, _ = w.Consolidation(ctx, 2025)
	if r := cv.Rows[0]; len(r.Responsible) != 1 || r.Responsible[0] != "BAPPEDA" || len(r.Candidates) != 0 || r.Value != "" {
		t.Errorf("DISKOMINFO no longer responsible: %+v", r)
	}
	if err := w.SetResponsible(ctx, 2025, 1, nil); err != nil {
		t.Fatal(err)
	}
	if cv, _, _ = w.Consolidation(ctx, 2025); cv.Rows[0].Responsible != nil || cv.Rows[0].Value != "3" {
		t.Errorf("default restored: %+v", cv.Rows[0])
	}
	if _, _, err := w.Consolidation(ctx, 2031); err == nil {
		t.Error("a periode without bundles consolidated")
	}
}

// TestAsesorGUIPaperCheck: the paper check screen's method on
// storage/asesor — the printed report's QR text matches, an altered one
// does not, a malformed one is an error with a message to show.
func TestAsesorGUIPaperCheck(t *testing.T) {
	ctx := context.Background()
	w, b, fingerprint := importedWorkspace(t)
	info, err := w.(*asesorsvc.Service).Workspace().Bundle(ctx, b.BundleID)
	if err != nil {
		t.Fatal(err)
	}
	qr, err := report.QRText(b.OPDKode, b.Periode, int(b.Sequence), info.ContentDigest, fingerprint)
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.PaperCheck(ctx, qr+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Matches || !res.Found || res.Bundle.BundleID != b.BundleID || res.Bundle.ReportSHA256 == "" || res.Newer != nil ||
		res.OPDKode != "DISKOMINFO" || res.Periode != 2025 {
		t.Errorf("printed report: %+v", res)
	}
	parts := strings.Split(qr, ":")
	parts[3] = "7" // a sequence number changed on the paper
	res, err = w.PaperCheck(ctx, strings.Join(parts, ":"))
	if err != nil || res.Matches || !res.Found || len(res.Mismatches) != 1 || !strings.HasPrefix(res.Mismatches[0], "nomor urut") {
		t.Errorf("altered sequence: %+v, %v", res, err)
	}
	if _, err := w.PaperCheck(ctx, "https://contoh.go.id"); err == nil || !strings.Contains(err.Error(), "teks QR tidak sah") {
		t.Errorf("malformed text: %v", err)
	}
}
