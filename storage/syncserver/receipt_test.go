package syncserver

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/outbox"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// installConfig writes the Pemda's server-configuration file for a server
// at url whose receipts verify with pub, and installs it in a data folder.
func installConfig(t *testing.T, url string, pub ed25519.PublicKey) string {
	t.Helper()
	data := t.TempDir()
	f := filepath.Join(t.TempDir(), "spbe-server.json")
	if err := os.WriteFile(f, syncclient.NewServerConfig(url, pemdaKode, "Kabupaten Sigi", pub), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := outbox.InstallServerConfig(data, f); err != nil {
		t.Fatal(err)
	}
	return data
}

// pushOutbox queues m in the data folder's outbox and pushes it with the
// installed server configuration.
func pushOutbox(t *testing.T, data string, m made) (outbox.Outbox, error) {
	t.Helper()
	ob := outbox.Open(data)
	if err := ob.Add(writeBundle(t, m)); err != nil {
		t.Fatal(err)
	}
	cfg, err := outbox.ClientConfig(data, "", "")
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxFailures = 3
	return ob, ob.Push(context.Background(), cfg, nil)
}

// The OPD accepts a receipt only when it verifies with the server key of
// the Pemda's configuration file and names this bundle; a receipt signed
// by another key, or none at all, is refused with an Indonesian message
// and the bundle stays in the outbox (it counts as not yet submitted).
func TestOutboxChecksReceiptSignature(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	good := installConfig(t, e.url, e.serverK.Public().(ed25519.PublicKey))
	ob, err := pushOutbox(t, good, makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000091", seq: 1}))
	if err != nil {
		t.Fatalf("push with the right server key: %v", err)
	}
	if items, _ := ob.Items(); len(items) != 1 || items[0].State != "done" {
		t.Fatalf("items %+v", items)
	}

	forged := installConfig(t, e.url, key(12).Public().(ed25519.PublicKey))
	assertRefused(t, forged, makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000092", seq: 2}), "tanda tangan tidak sah")

	strip := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		e.srv.Handler().ServeHTTP(rec, r)
		var a map[string]any
		body := rec.Body.Bytes()
		if json.Unmarshal(body, &a) == nil {
			delete(a, "receipt")
			body, _ = json.Marshal(a)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rec.Code)
		_, _ = w.Write(body)
	}))
	defer strip.Close()
	unsigned := installConfig(t, strip.URL, e.serverK.Public().(ed25519.PublicKey))
	assertRefused(t, unsigned, makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000093", seq: 3}), "tidak mengirim tanda terima")
}

func assertRefused(t *testing.T, data string, m made, want string) {
	t.Helper()
	ob, err := pushOutbox(t, data, m)
	if !errors.Is(err, syncapi.ErrReceipt) || !strings.Contains(err.Error(), want) {
		t.Fatalf("push: %v, want a refused receipt (%s)", err, want)
	}
	items, _ := ob.Items()
	if len(items) != 1 || items[0].State != "queued" || len(items[0].Receipt) != 0 || !strings.Contains(items[0].Reason, "tanda terima") {
		t.Fatalf("a bundle with a refused receipt must stay queued with the reason: %+v", items)
	}
	if _, err := os.Stat(filepath.Join(data, outbox.DirName, items[0].Name)); err != nil {
		t.Fatalf("bundle copy gone although its receipt was refused: %v", err)
	}
}

// Pushing without an installed server configuration is refused before
// anything is sent: no receipt could be checked.
func TestOutboxNeedsServerConfig(t *testing.T) {
	if _, err := outbox.ClientConfig(t.TempDir(), "", ""); !errors.Is(err, syncapi.ErrNoServerConfig) {
		t.Fatalf("%v", err)
	}
	var buf bytes.Buffer
	buf.Write(syncclient.NewServerConfig("https://a", pemdaKode, "", key(1).Public().(ed25519.PublicKey)))
	bad := bytes.Replace(buf.Bytes(), []byte(`"receipt_fingerprint": "`), []byte(`"receipt_fingerprint": "1`), 1)
	if _, _, err := syncclient.ParseServerConfig(bad); err == nil || !strings.Contains(err.Error(), "sidik jari") {
		t.Fatalf("a fingerprint that does not match the key: %v", err)
	}
}

// Menunggu kunci: a bundle pushed before the Tim Asesor registered the
// OPD's key is not lost and not trusted: the server refuses it before any
// evidence (it never raises a key's trust), the outbox keeps it queued as
// waiting for the key, and the push after the signed registry update
// arrives decides it (baru).
func TestOutboxHoldsBundleUntilKeyRegistered(t *testing.T) {
	e := newEnv(t)
	data := installConfig(t, e.url, e.serverK.Public().(ed25519.PublicKey))
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000094", seq: 1, evidence: [][]byte{randomBytes(1 << 20)}})
	ob, err := pushOutbox(t, data, m)
	if err != nil {
		t.Fatalf("push with an unregistered key: %v", err)
	}
	items, _ := ob.Items()
	if len(items) != 1 || items[0].State != "queued" || items[0].Code != syncapi.CodeUnknownKey {
		t.Fatalf("held bundle: %+v", items)
	}
	if _, err := os.Stat(filepath.Join(data, outbox.DirName, items[0].Name)); err != nil {
		t.Fatalf("held bundle's copy gone: %v", err)
	}
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	cfg, _ := outbox.ClientConfig(data, "", "")
	if err := ob.Push(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	if items, _ = ob.Items(); items[0].State != "done" || items[0].Outcome != syncapi.OutcomeNew {
		t.Fatalf("after the registry: %+v", items[0])
	}
}
