package syncserver

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// A link that drops at random offsets: every connection is cut after a
// random number of bytes, the client asks the acknowledged offset (HEAD)
// and goes on from there. The bundle arrives whole — the object in S3 has
// the manifest's SHA-256 — and the bytes sent stay close to the file size
// (only what was in flight at a cut is sent twice).
func TestResumeAfterCuts(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	big := randomBytes(11<<20 + 777) // crosses two S3 part boundaries at 5 MiB
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000051", seq: 1, evidence: [][]byte{big, []byte("SK")}})

	p := newProxy(t, strings.TrimPrefix(e.http.URL, "http://"))
	rng := rand.New(rand.NewPCG(15, 2026))
	p.setCut(func() int64 { return 64<<10 + rng.Int64N(3<<20) })
	e.url = p.url()
	c := e.client()
	c.http.Transport.(*http.Transport).DisableKeepAlives = true // each request its own connection: each gets its cut

	code, ans, err := c.announce(m)
	if err != nil || code != http.StatusAccepted {
		t.Fatalf("announce: %d %v", code, err)
	}
	for _, f := range ans.Missing {
		if err := c.upload(m, f, 200); err != nil {
			t.Fatal(err)
		}
	}
	code, ans, err = c.completeReq(m)
	if err != nil || code != http.StatusCreated || ans.Outcome != syncapi.OutcomeNew {
		t.Fatalf("complete: %d %q %v %+v", code, ans.Outcome, err, ans.Error)
	}
	if p.cuts.Load() < 3 {
		t.Fatalf("only %d cuts: the test did not exercise resuming", p.cuts.Load())
	}
	sum := sha256.Sum256(big)
	want := hex.EncodeToString(sum[:])
	obj, err := e.srv.cfg.S3.GetObject(t.Context(), e.srv.cfg.Bucket, blobKey(want), minio.GetObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if n, err := io.Copy(h, obj); err != nil || n != int64(len(big)) {
		t.Fatalf("object: %d bytes, %v", n, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Fatalf("object SHA-256 %s, want %s", got, want)
	}
	t.Logf("%d cuts, %d bytes through the proxy for %d bytes of evidence", p.cuts.Load(), p.sent.Load(), len(big))
	if p.sent.Load() > int64(len(big))*2 {
		t.Fatalf("%d bytes sent for %d: resuming resent too much", p.sent.Load(), len(big))
	}
}
