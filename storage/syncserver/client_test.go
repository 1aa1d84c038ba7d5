package syncserver

import (
	"context"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

func writeBundle(t *testing.T, m made) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), bundle.FileName(m.manifest.OPD.Kode, m.manifest.Periode, m.manifest.Sequence))
	if err := os.WriteFile(p, m.file, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The OPD client pushes .spbe files through a link that drops every
// connection after a random number of bytes: it resumes at the server's
// offsets with back-off, the first bundle is baru, the same file again is
// sudah diimpor, and a new version after revisi sends only the changed
// files (bytes counted at the proxy).
func TestClientPushThroughDroppingLink(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	big := randomBytes(9 << 20)
	a := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000071", seq: 1, evidence: [][]byte{big, []byte("SK lama")}})
	p := newProxy(t, strings.TrimPrefix(e.http.URL, "http://"))
	rng := rand.New(rand.NewPCG(7, 15))
	p.setCut(func() int64 { return 32<<10 + rng.Int64N(2<<20) })
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives, tr.ExpectContinueTimeout = true, 5*time.Second
	cfg := syncclient.Config{Server: p.url(), Pemda: pemdaKode, HTTP: &http.Client{Transport: tr, Timeout: time.Minute},
		Chunk: 4 << 20, BackoffBase: time.Millisecond, BackoffCap: 20 * time.Millisecond, MaxFailures: 100}
	ctx := context.Background()

	res, err := syncclient.Push(ctx, cfg, writeBundle(t, a))
	if err != nil || res.Status != http.StatusCreated || res.Answer.Outcome != syncapi.OutcomeNew {
		t.Fatalf("push: %v %d %+v", err, res.Status, res.Answer)
	}
	if p.cuts.Load() < 2 || res.Failures < 2 {
		t.Fatalf("%d cuts, %d failures: the link did not drop", p.cuts.Load(), res.Failures)
	}
	e.receiptOf(res.Answer)

	res, err = syncclient.Push(ctx, cfg, writeBundle(t, a))
	if err != nil || res.Status != http.StatusOK || res.Answer.Outcome != syncapi.OutcomeDuplicate {
		t.Fatalf("push again: %v %d %+v", err, res.Status, res.Answer)
	}

	b := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000072", seq: 2, level: 4, evidence: [][]byte{big, []byte("SK baru")},
		supersedes: &bundle.Supersedes{BundleID: a.manifest.BundleID, ManifestSHA256: a.sha}})
	p.setCut(func() int64 { return 0 })
	before := p.sent.Load()
	res, err = syncclient.Push(ctx, cfg, writeBundle(t, b))
	if err != nil || res.Answer.Outcome != syncapi.OutcomeNewVersion {
		t.Fatalf("new version: %v %+v", err, res.Answer)
	}
	sent := p.sent.Load() - before
	t.Logf("versi baru: %d bytes through the link for a bundle of %d bytes", sent, len(b.file))
	if sent > int64(len(big))/4 {
		t.Fatalf("versi baru sent %d bytes: the unchanged %d-byte file went again", sent, len(big))
	}
}

// A refusal is final: the client stops and returns it (no retrying a
// bundle the server will never take).
func TestClientStopsOnRefusal(t *testing.T) {
	e := newEnv(t)
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000073", seq: 1})
	res, err := syncclient.Push(context.Background(), syncclient.Config{Server: e.url, Pemda: pemdaKode, MaxFailures: 3}, writeBundle(t, m))
	if err != nil || res.Answer.Outcome != syncapi.OutcomeRejected || res.Answer.Error.Code != syncapi.CodeUnknownKey || res.Failures != 0 {
		t.Fatalf("%v %+v failures %d", err, res.Answer, res.Failures)
	}
}

// The outbox pushes in sequence order whatever the order bundles were
// added in (a versi baru before its predecessor would be a konflik), keeps
// each receipt, and drops the bundle copy once decided.
func TestOutboxPushesInOrder(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	a := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000081", seq: 1, evidence: [][]byte{[]byte("SK")}})
	b := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000082", seq: 2, level: 4, evidence: [][]byte{[]byte("SK revisi")},
		supersedes: &bundle.Supersedes{BundleID: a.manifest.BundleID, ManifestSHA256: a.sha}})
	data := t.TempDir()
	ob := outbox.Open(data)
	for _, m := range []made{b, a} {
		if err := ob.Add(writeBundle(t, m)); err != nil {
			t.Fatal(err)
		}
	}
	var order []string
	err := ob.Push(context.Background(), syncclient.Config{Server: e.url, Pemda: pemdaKode}, func(it syncapi.OutboxItem) {
		order = append(order, it.Outcome)
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ",") != "baru,versi baru" {
		t.Fatalf("outcomes in push order: %v", order)
	}
	items, err := ob.Items()
	if err != nil || len(items) != 2 {
		t.Fatalf("items %v %v", items, err)
	}
	for _, it := range items {
		if it.State != "done" || len(it.Receipt) == 0 {
			t.Fatalf("item %+v", it)
		}
		if r, err := syncapi.ReadReceipt(it.Receipt); err != nil || r.BundleID != it.BundleID {
			t.Fatalf("receipt %+v %v", r, err)
		}
		if _, err := os.Stat(filepath.Join(data, outbox.DirName, it.Name)); !os.IsNotExist(err) {
			t.Fatalf("bundle copy of a decided bundle kept: %v", err)
		}
	}
}
