package syncserver

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/testsvc"
)

// The object store goes away mid-upload: the PATCH that needed it fails
// with a retryable 503 (and /healthz says so), nothing acknowledged is
// lost, and once the store is back the client resumes at the server's
// offset and the bundle completes with the right bytes.
func TestObjectStoreStoppedMidUpload(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	big := randomBytes(13 << 20)
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000061", seq: 1, evidence: [][]byte{big}})
	c := e.client()
	c.chunk = 6 << 20 // each PATCH crosses one 5 MiB part boundary
	_, ans, err := c.announce(m)
	if err != nil || len(ans.Missing) != 1 {
		t.Fatalf("announce: %v %+v", err, ans)
	}
	f := ans.Missing[0]
	if code, off, err := c.patch(m, f.SHA256, big, 0); err != nil || code != http.StatusNoContent || off != 6<<20 {
		t.Fatalf("first PATCH: %d %d %v", code, off, err)
	}
	gw := testsvcGateway(e)
	gw.Stop()
	restarted := false
	defer func() {
		if !restarted {
			_ = gw.Start()
		}
	}()
	code, _, err := c.patch(m, f.SHA256, big, 6<<20)
	if err != nil || code != http.StatusServiceUnavailable {
		t.Fatalf("PATCH with the store down: %d %v, want 503", code, err)
	}
	if resp, err := http.Get(e.url + "/healthz"); err != nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("healthz with the store down: %v %v", resp, err)
	}
	off, err := c.head(m, f.SHA256)
	if err != nil || off < 6<<20 {
		t.Fatalf("offset after the failure: %d %v (acknowledged bytes lost)", off, err)
	}
	if err := gw.Start(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	if err := c.upload(m, f, 20); err != nil {
		t.Fatal(err)
	}
	code, ans, err = c.completeReq(m)
	if err != nil || code != http.StatusCreated || ans.Outcome != syncapi.OutcomeNew {
		t.Fatalf("complete: %d %+v %v", code, ans, err)
	}
	obj, err := e.srv.cfg.S3.GetObject(t.Context(), e.srv.cfg.Bucket, blobKey(f.SHA256), minio.GetObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, obj); err != nil || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		t.Fatalf("stored object differs: %v", err)
	}
}

// PostgreSQL restarted mid-upload: requests during the restart fail
// retryably, the pool reconnects, and the upload resumes from the offset
// it had (the state is in the database and the tail on disk, not in the
// server process).
func TestPostgresRestartedMidUpload(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	big := randomBytes(8 << 20)
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000062", seq: 1, evidence: [][]byte{big}})
	c := e.client()
	c.chunk = 6 << 20
	_, ans, err := c.announce(m)
	if err != nil || len(ans.Missing) != 1 {
		t.Fatalf("announce: %v %+v", err, ans)
	}
	f := ans.Missing[0]
	if code, off, err := c.patch(m, f.SHA256, big, 0); err != nil || code != http.StatusNoContent || off != 6<<20 {
		t.Fatalf("first PATCH: %d %d %v", code, off, err)
	}
	if err := testsvc.Postgres(t).Restart(); err != nil {
		t.Fatal(err)
	}
	if err := c.upload(m, f, 20); err != nil {
		t.Fatal(err)
	}
	code, ans, err := c.completeReq(m)
	for i := 0; err == nil && code == http.StatusServiceUnavailable && i < 5; i++ {
		code, ans, err = c.completeReq(m) // a connection of the pool that died with the restart
	}
	if err != nil || code != http.StatusCreated || ans.Outcome != syncapi.OutcomeNew {
		t.Fatalf("complete after the restart: %d %+v %v", code, ans, err)
	}
}

// A PATCH whose sender stalls is given up after Config.IdleTimeout: the bytes
// that came are kept, and the file is not left locked for the next try.
func TestStalledPatchReleasesTheFile(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.IdleTimeout = 300 * time.Millisecond })
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	big := randomBytes(2 << 20)
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000063", seq: 1, evidence: [][]byte{big}})
	c := e.client()
	_, ans, _ := c.announce(m)
	f := ans.Missing[0]
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		req, _ := http.NewRequest(http.MethodPatch, c.path("/bundles/"+m.manifest.BundleID+"/files/"+f.SHA256), pr)
		req.Header.Set("Content-Type", "application/offset+octet-stream")
		req.Header.Set("Upload-Offset", "0")
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	_, _ = pw.Write(big[:100<<10])
	time.Sleep(time.Second) // the sender stalls, the server gives up
	off, err := c.head(m, f.SHA256)
	if err != nil || off != 100<<10 {
		t.Fatalf("offset after a stall: %d %v", off, err)
	}
	code, got, err := c.patch(m, f.SHA256, big, off)
	if err != nil || code != http.StatusNoContent || got != int64(len(big)) {
		t.Fatalf("PATCH after the stall: %d %d %v (file still locked?)", code, got, err)
	}
	pw.Close()
	<-done
}
