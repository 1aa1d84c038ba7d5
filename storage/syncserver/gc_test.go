package syncserver

import (
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// GC removes an abandoned half-sent bundle (its S3 multipart upload
// aborted, its tail gone) and leaves decided bundles alone; the OPD can
// announce the abandoned one again later.
func TestGCExpiresAbandonedUploads(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	c := e.client()
	done := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-0000000000c1", seq: 1, evidence: [][]byte{[]byte("SK")}})
	if code, a := c.push(done); code != http.StatusCreated {
		t.Fatalf("push: %d %+v", code, a)
	}
	big := randomBytes(7 << 20)
	half := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-0000000000c2", seq: 2, level: 4, evidence: [][]byte{big}})
	_, ans, _ := c.announce(half)
	c.chunk = 6 << 20
	if code, _, err := c.patch(half, ans.Missing[0].SHA256, big, 0); err != nil || code != http.StatusNoContent {
		t.Fatalf("PATCH: %d %v", code, err)
	}
	time.Sleep(10 * time.Millisecond)
	rep, err := e.srv.GC(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Bundles != 1 || rep.Uploads != 1 {
		t.Fatalf("gc %+v, want 1 bundle and 1 upload", rep)
	}
	if tails, _ := filepath.Glob(filepath.Join(e.srv.cfg.Staging, "*.tail")); len(tails) != 0 {
		t.Fatalf("tails left: %v", tails)
	}
	code, a, _ := c.do(mustReq(t, http.MethodGet, c.path("/bundles/"+done.manifest.BundleID)))
	if code != http.StatusOK || a.Outcome != syncapi.OutcomeDuplicate || len(a.Receipt) == 0 {
		t.Fatalf("decided bundle after gc: %d %+v", code, a)
	}
	c.chunk = 0
	if code, a := c.push(half); code != http.StatusCreated || a.Outcome != syncapi.OutcomeConflict {
		t.Fatalf("announce again after gc: %d %+v", code, a)
	}

}

func mustReq(t *testing.T, method, url string) *http.Request {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
