package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// The CLI's feedback import and show (FeedbackInbox.Receive, Received)
// give the file as signed — created_at and reviewed_at verbatim — with
// the sequence from the export log and the verifying key's fingerprint;
// an untrusted signer is refused.
func TestFeedbackInboxReceive(t *testing.T) {
	ctx := context.Background()
	db, a, rec, priv, id := exportedForFeedback(t, 9)
	m := feedback.Manifest{CreatedAt: "2026-06-01T08:00:00Z",
		Bundle: feedback.BundleRef{ID: rec.BundleID, ManifestSHA256: rec.ManifestSHA256, OPDKode: rec.OPDKode, Periode: rec.Periode, Sequence: 1},
		Asesor: feedback.Asesor{Name: "Tim Asesor"},
		Items: []feedback.Item{{Indicator: 3, Status: "revisi", Reason: "belum diunggah", Note: "unggah SK", Reviewer: "Budi",
			ReviewedAt: "2026-06-01T07:59:00Z"}}}
	data, err := feedback.Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "umpan.spbe-umpan")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	inbox := db.FeedbackInbox()
	if _, err := inbox.Receive(ctx, assessment.FeedbackReceipt{File: file}); err == nil {
		t.Fatal("feedback of an untrusted key imported")
	}
	if _, err := db.TrustAsesor(ctx, id, "kunci-asesor.json", false); err != nil {
		t.Fatal(err)
	}
	got, err := inbox.Receive(ctx, assessment.FeedbackReceipt{File: file})
	if err != nil || got.Known || got.TrustedNow || got.AssessmentID != a.ID || got.BundleID != rec.BundleID || got.Sequence != 1 ||
		got.Fingerprint != id.Fingerprint || got.Asesor != "Tim Asesor" || got.CreatedAt != "2026-06-01T08:00:00Z" || len(got.Notes) != 1 {
		t.Fatalf("receive: %+v %v", got, err)
	}
	if n := got.Notes[0]; n.Indicator != 3 || n.Reason != "belum diunggah" || n.ReviewedAtSigned != "2026-06-01T07:59:00Z" ||
		n.ReviewedAt.IsZero() || n.Items != nil {
		t.Fatalf("note %+v", n)
	}
	if again, err := inbox.Receive(ctx, assessment.FeedbackReceipt{File: file}); err != nil || !again.Known {
		t.Fatalf("again: %+v %v", again, err)
	}
	list, err := inbox.Received(ctx, a.ID)
	if err != nil || len(list) != 1 || list[0].BundleID != rec.BundleID || !list[0].KeyWithdrawnAt.IsZero() || list[0].Known {
		t.Fatalf("received %+v %v", list, err)
	}
	if none, err := inbox.Received(ctx, "tidak-ada"); err != nil || len(none) != 0 {
		t.Fatalf("other assessment: %+v %v", none, err)
	}
}
