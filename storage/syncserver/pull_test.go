package syncserver

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// asesorGet is a GET signed with the Tim Asesor key.
func (e *env) asesorGet(t *testing.T, uri string, k ed25519.PrivateKey) *http.Response {
	t.Helper()
	ts := time.Now().Unix()
	sig := ed25519.Sign(k, bundle.PAE(syncapi.SignedRequestType, syncapi.SignedRequestText(http.MethodGet, uri, ts)))
	req, _ := http.NewRequest(http.MethodGet, e.url+uri, nil)
	req.Header.Set("Authorization", fmt.Sprintf("SPBE-Asesor %s:%d:%s", keys.KeyID(k.Public().(ed25519.PublicKey)), ts,
		base64.StdEncoding.EncodeToString(sig)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// The assessor's pull: the log lists what the server decided, the
// container rebuilt from the parts is imported by the unchanged desktop
// import with the same outcome — and nobody without an enrolled assessor
// key can read either.
func TestAsesorPullImportsWithTheDesktopImport(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-0000000000d1", seq: 1, evidence: [][]byte{randomBytes(6 << 20), []byte("SK")}})
	res, err := syncclient.Push(context.Background(), syncclient.Config{Server: e.url, Pemda: pemdaKode}, writeBundle(t, m))
	if err != nil || res.Answer.Outcome != syncapi.OutcomeNew {
		t.Fatalf("push: %v %+v", err, res.Answer)
	}
	base := "/v1/pemda/" + pemdaKode
	if resp := e.asesorGet(t, base+"/log?after=0", key(42)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("log read with an unenrolled key: %s", resp.Status)
	}
	if resp, _ := http.Get(e.url + base + "/bundles/" + m.manifest.BundleID + "/container"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("container without a signature: %s", resp.Status)
	}
	resp := e.asesorGet(t, base+"/log?after=0", e.asesor)
	var log []serverdb.LogEntry
	if err := json.NewDecoder(resp.Body).Decode(&log); err != nil || len(log) != 1 || log[0].BundleID != m.manifest.BundleID || log[0].Seq != 1 {
		t.Fatalf("log: %v %+v", err, log)
	}
	resp.Body.Close()
	resp = e.asesorGet(t, base+"/bundles/"+log[0].BundleID+"/container", e.asesor)
	path := filepath.Join(t.TempDir(), "pulled.spbe")
	f, _ := os.Create(path)
	if _, err := io.Copy(f, resp.Body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	f.Close()

	ws, err := asesor.Open(filepath.Join(t.TempDir(), asesor.DirName))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	id := keys.IdentityOf(opdKey.Public().(ed25519.PublicKey), time.Time{})
	if _, _, err := ws.AddKey(context.Background(), id, "uji", "DISKOMINFO"); err != nil {
		t.Fatal(err)
	}
	out, err := ws.Import(context.Background(), []string{path}, nil)
	if err != nil || len(out) != 1 || out[0].Kind != intake.KindNew || out[0].ManifestSHA256 != m.sha {
		t.Fatalf("desktop import of the pulled bundle: %v %+v", err, out)
	}
}
