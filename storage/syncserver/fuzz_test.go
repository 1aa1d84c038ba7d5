package syncserver

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
)

// FuzzParseRegistry: a registry payload from the network never panics the
// parser, and what it accepts has only valid keys, codes and statuses.
func FuzzParseRegistry(f *testing.F) {
	good, _ := json.Marshal(syncapi.Registry{Format: "spbe-key-registry", Pemda: pemdaKode, Version: 3, Keys: []syncapi.RegistryKey{
		{PublicKey: base64.StdEncoding.EncodeToString(opdKey.Public().(ed25519.PublicKey)), OPDKode: "DISKOMINFO", Status: "verified"}}})
	f.Add(good)
	f.Add([]byte(`{"format":"spbe-key-registry","pemda":"72.10","version":1,"keys":[{"public_key":"AAAA","opd_kode":"x","status":"verified"}]}`))
	f.Add([]byte(`{"format":"spbe-key-registry","pemda":"72.10","version":1,"keys":[],"keys":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, ks, err := parseRegistry(data, pemdaKode)
		if err != nil {
			return
		}
		if reg.Version < 1 || len(ks) != len(reg.Keys) {
			t.Fatalf("accepted %+v", reg)
		}
		for _, k := range ks {
			if len(k.PublicKey) != ed25519.PublicKeySize || k.OPDKode == "" {
				t.Fatalf("accepted key %+v", k)
			}
		}
	})
}

// FuzzSignedEnvelope: signedjson.Open on arbitrary bytes never panics and
// accepts only what the trusted key signed.
func FuzzSignedEnvelope(f *testing.F) {
	signer := key(9)
	pub := signer.Public().(ed25519.PublicKey)
	good := signedjson.Sign(syncapi.RegistryPayloadType, []byte(`{"a":1}`), signer)
	f.Add(good)
	f.Add([]byte(`{"payloadType":"` + syncapi.RegistryPayloadType + `","payload":"","signatures":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		payload, _, err := signedjson.Open(data, syncapi.RegistryPayloadType, func(string) ed25519.PublicKey { return pub })
		if err == nil && !bytes.Equal(payload, []byte(`{"a":1}`)) {
			t.Fatalf("accepted a payload never signed: %q", payload)
		}
	})
}

// FuzzSignedPair: the multipart body of a push is read within limits, or
// refused; never a panic.
func FuzzSignedPair(f *testing.F) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, name := range []string{bundle.EntryManifest, bundle.EntrySignature} {
		w, _ := mw.CreateFormFile(name, name)
		_, _ = w.Write([]byte(`{}`))
	}
	mw.Close()
	f.Add(body.Bytes(), mw.Boundary())
	f.Add([]byte("--x\r\n\r\n--x--"), "x")
	f.Fuzz(func(t *testing.T, data []byte, boundary string) {
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(data))
		r.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		man, sig, _, err := readSignedPair(httptest.NewRecorder(), r)
		if err == nil && (man == nil || sig == nil) {
			t.Fatal("accepted a body without both parts")
		}
	})
}
