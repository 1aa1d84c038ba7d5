package syncserver

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsync"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// End to end without a stick: the Tim Asesor registers three OPD keys in
// its desktop workspace and publishes the registry; three OPD
// installations push through a link that drops; the assessor pulls and
// imports with the unchanged desktop import (3 × baru), a later versi baru
// arrives by the next pull, and the cursor never hands a bundle twice.
func TestEndToEndThreeOPDs(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ws, err := asesor.Open(filepath.Join(t.TempDir(), asesor.DirName))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	opds := []string{"DISKOMINFO", "BAPPEDA", "DINKES"}
	priv := map[string]ed25519.PrivateKey{}
	for _, o := range opds {
		seed := sha256.Sum256([]byte(o))
		priv[o] = ed25519.NewKeyFromSeed(seed[:])
		k, _, err := ws.AddKey(ctx, keys.IdentityOf(priv[o].Public().(ed25519.PublicKey), time.Time{}), "formulir", o)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ws.VerifyKey(ctx, k.KeyID, "Tim Asesor", "telepon"); err != nil {
			t.Fatal(err)
		}
	}
	tim := syncclient.Asesor{Server: e.url, Pemda: pemdaKode, Key: e.asesor}
	if n, err := asesorsync.PublishRegistry(ctx, ws, tim); err != nil || n != 3 {
		t.Fatalf("registry: %d keys, %v", n, err)
	}

	p := newProxy(t, strings.TrimPrefix(e.http.URL, "http://"))
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(3, 3))
	p.setCut(func() int64 { mu.Lock(); defer mu.Unlock(); return 64<<10 + rng.Int64N(1<<20) })
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives, tr.ExpectContinueTimeout = true, 5*time.Second
	cfg := syncclient.Config{Server: p.url(), Pemda: pemdaKode, HTTP: &http.Client{Transport: tr, Timeout: time.Minute},
		Chunk: 1 << 20, BackoffBase: time.Millisecond, BackoffCap: 20 * time.Millisecond, MaxFailures: 200}
	first := map[string]made{}
	var wg sync.WaitGroup
	for i, o := range opds {
		m := makeBundle(t, spec{bundleID: fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-0000000000e%d", i), seq: 1, opd: o, key: priv[o],
			evidence: [][]byte{randomBytes(2<<20 + i), []byte("SK " + o)}})
		first[o] = m
		path := writeBundle(t, m)
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := syncclient.Push(ctx, cfg, path)
			if err != nil || res.Answer.Outcome != syncapi.OutcomeNew {
				t.Errorf("%s: %v %+v", o, err, res.Answer)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	pull := func(want ...intake.Kind) {
		t.Helper()
		out, err := asesorsync.Pull(ctx, ws, tim)
		if err != nil || len(out) != len(want) {
			t.Fatalf("pull: %v, %d bundles, want %d", err, len(out), len(want))
		}
		for i, o := range out {
			if o.Kind != want[i] {
				t.Fatalf("desktop import of pulled %s: %q %s %s", o.OPDKode, o.Kind, o.Code, o.Reason)
			}
		}
	}
	pull(intake.KindNew, intake.KindNew, intake.KindNew)
	pull() // the cursor (in the workspace) hands nothing twice
	rev := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-0000000000f1", seq: 2, level: 4, opd: "BAPPEDA", key: priv["BAPPEDA"],
		evidence:   [][]byte{[]byte("SK BAPPEDA revisi")},
		supersedes: &bundle.Supersedes{BundleID: first["BAPPEDA"].manifest.BundleID, ManifestSHA256: first["BAPPEDA"].sha}})
	if res, err := syncclient.Push(ctx, cfg, writeBundle(t, rev)); err != nil || res.Answer.Outcome != syncapi.OutcomeNewVersion {
		t.Fatalf("versi baru: %v %+v", err, res.Answer)
	}
	pull(intake.KindNewVersion)
	if inbox, _ := filepath.Glob(filepath.Join(ws.Dir(), "inbox", "*.spbe")); len(inbox) != 0 {
		t.Fatalf("pulled files left after import: %v", inbox)
	}
}
