package feedback

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// identityKey is the Ed25519 identity point; negativeZeroKey a
// non-canonical encoding of it.
var (
	identityKey     = ed25519.PublicKey(append([]byte{1}, make([]byte, 31)...))
	negativeZeroKey = ed25519.PublicKey(append(append([]byte{1}, make([]byte, 30)...), 0x80))
)

// forged is a feedback file "signed" under pub with R = identity, S = 0,
// which crypto/ed25519 accepts for every message when pub is the identity.
func forged(t *testing.T, pub ed25519.PublicKey) []byte {
	t.Helper()
	m := manifest()
	id := keys.IdentityOf(pub, time.Time{})
	m.Format, m.Asesor.KeyID, m.Asesor.Fingerprint = FormatVersion, id.KeyID, id.Fingerprint
	payload, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	sig := make([]byte, ed25519.SignatureSize)
	sig[0] = 1
	if !ed25519.Verify(identityKey, bundle.PAE(PayloadType, payload), sig) {
		t.Fatal("premise: crypto/ed25519 accepts the forgery under the identity key")
	}
	env := Envelope{PayloadType: PayloadType, Payload: base64.StdEncoding.EncodeToString(payload),
		Signatures: []bundle.Signature{{KeyID: id.KeyID, Sig: base64.StdEncoding.EncodeToString(sig)}}}
	data, _ := json.Marshal(env)
	return data
}

func TestVerifyRefusesSmallOrderKey(t *testing.T) {
	for _, pub := range []ed25519.PublicKey{identityKey, negativeZeroKey} {
		data := forged(t, pub)
		for name, verify := range map[string]func([]byte, ed25519.PublicKey) (*Manifest, error){"Verify": Verify, "VerifyStored": VerifyStored} {
			if m, err := verify(data, pub); err == nil || !strings.Contains(err.Error(), "tidak aman") {
				t.Errorf("%s under %x: %+v, %v", name, pub, m, err)
			}
		}
	}
}

// signedWith signs m after edit and returns the file.
func signedWith(t *testing.T, edit func(*Manifest)) ([]byte, ed25519.PublicKey) {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	m := manifest()
	edit(&m)
	data, err := Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	return data, priv.Public().(ed25519.PublicKey)
}

func TestVerifyStrictEncodings(t *testing.T) {
	good, pub := signedWith(t, func(*Manifest) {})
	var env Envelope
	if err := json.Unmarshal(good, &env); err != nil {
		t.Fatal(err)
	}
	wrapped := env
	wrapped.Payload = env.Payload[:16] + "\n" + env.Payload[16:]
	newline, _ := json.Marshal(wrapped)
	if _, err := Verify(newline, pub); err == nil || !strings.Contains(err.Error(), "base64") {
		t.Errorf("payload base64 with a line break: %v", err)
	}
	if _, err := VerifyStored(newline, pub); err != nil {
		t.Errorf("a file imported before the rule must stay readable: %v", err)
	}
	for name, edit := range map[string]func(*Manifest){
		"created_at with an offset":  func(m *Manifest) { m.CreatedAt = "2026-06-01T15:00:00+07:00" },
		"reviewed_at with an offset": func(m *Manifest) { m.Items[0].ReviewedAt = "2026-06-01T15:00:00+07:00" },
		"value 1e1000000":            func(m *Manifest) { m.Items[0].Value = "1e1000000" },
		"value as a fraction":        func(m *Manifest) { m.Items[0].Value = "5/2" },
		"value out of range":         func(m *Manifest) { m.Items[0].Value = "7" },
		"value not canonical":        func(m *Manifest) { m.Items[0].Value = "2,50" },
		"sequence beyond int64":      func(m *Manifest) { m.Bundle.Sequence = 1 << 63 },
		"lone surrogate":             func(m *Manifest) { m.Items[0].Note = "SURROGAT" },
	} {
		data, pub := signedWith(t, edit)
		if name == "lone surrogate" { // Go cannot encode one: put the escape into the signed bytes
			data = resignPayload(t, data, func(p []byte) []byte {
				return bytes.Replace(p, []byte(`"note":"SURROGAT"`), []byte(`"note":"\ud800"`), 1)
			})
		}
		_, err := Verify(data, pub)
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		t.Logf("%s: %v", name, err)
	}
	ok, pub := signedWith(t, func(m *Manifest) { m.Items[0].Value = "2.5"; m.Items[0].ReviewedAt = "2026-06-01T08:00:00Z" })
	if _, err := Verify(ok, pub); err != nil {
		t.Errorf("canonical value and UTC time: %v", err)
	}
}

// resignPayload edits the signed payload bytes and signs them again.
func resignPayload(t *testing.T, data []byte, edit func([]byte) []byte) []byte {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	var env Envelope
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(env.Payload)
	var compact bytes.Buffer
	json.Compact(&compact, raw)
	edited := edit(compact.Bytes())
	if bytes.Equal(edited, compact.Bytes()) {
		t.Fatal("edit did not apply")
	}
	env.Payload = base64.StdEncoding.EncodeToString(edited)
	env.Signatures[0].Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(priv, bundle.PAE(PayloadType, edited)))
	out, _ := json.Marshal(env)
	return out
}
