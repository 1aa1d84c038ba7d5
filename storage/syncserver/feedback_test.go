package syncserver

import (
	"context"
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// Feedback goes back the same way: the Tim Asesor sends its signed
// .spbe-umpan for a bundle the server accepted, and only the OPD key that
// signed that bundle can fetch it — as the exact file, which verifies with
// the assessor key the OPD trusts.
func TestFeedbackRelay(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"}, regEntry{key(8), "BAPPEDA", "verified"})
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-0000000000a1", seq: 1, evidence: [][]byte{[]byte("SK")}})
	ctx := context.Background()
	cfg := syncclient.Config{Server: e.url, Pemda: pemdaKode}
	if res, err := syncclient.Push(ctx, cfg, writeBundle(t, m)); err != nil || res.Answer.Outcome != syncapi.OutcomeNew {
		t.Fatalf("push: %v %+v", err, res.Answer)
	}
	apub := e.asesor.Public().(ed25519.PublicKey)
	env, err := feedback.Sign(e.asesor, feedback.Manifest{Format: feedback.FormatVersion, CreatedAt: time.Now().UTC().Format(time.RFC3339),
		Bundle: feedback.BundleRef{ID: m.manifest.BundleID, ManifestSHA256: m.sha, OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 1},
		Asesor: feedback.Asesor{KeyID: keys.KeyID(apub), Fingerprint: keys.Fingerprint(apub), Name: "Tim Asesor Sigi"},
		Items: []feedback.Item{{Indicator: catalog(t).Indicators[0].Number, Status: "revisi", Reason: "bukti tidak tepat",
			ReviewedAt: time.Now().UTC().Format(time.RFC3339)}}})
	if err != nil {
		t.Fatal(err)
	}
	tim := syncclient.Asesor{Server: e.url, Pemda: pemdaKode, Key: e.asesor}
	if added, err := tim.PushFeedback(ctx, env); err != nil || !added {
		t.Fatalf("push feedback: %v %v", added, err)
	}
	if added, err := tim.PushFeedback(ctx, env); err != nil || added {
		t.Fatalf("push the same feedback again: %v %v", added, err)
	}
	forged, _ := feedback.Sign(key(42), feedback.Manifest{})
	if _, err := tim.PushFeedback(ctx, forged); err == nil {
		t.Fatal("feedback signed by an unenrolled key was taken")
	}
	got, err := syncclient.FetchFeedback(ctx, cfg, opdKey, m.manifest.BundleID)
	if err != nil || len(got) != 1 {
		t.Fatalf("OPD fetch: %v, %d files", err, len(got))
	}
	if fm, err := feedback.Verify(got[0], apub); err != nil || fm.Bundle.ID != m.manifest.BundleID {
		t.Fatalf("relayed file does not verify: %v", err)
	}
	if _, err := syncclient.FetchFeedback(ctx, cfg, key(8), m.manifest.BundleID); err == nil {
		t.Fatal("another OPD's key read the feedback")
	}
}
