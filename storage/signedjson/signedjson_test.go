package signedjson

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"testing"
)

const typ = "application/vnd.spbe.test+json;version=1"

var k = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, 32))

func trusted(string) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

// What was signed opens; a changed payload, another payload type or an
// unknown signer does not.
func TestSignOpen(t *testing.T) {
	env := Sign(typ, []byte(`{"a":1}`), k)
	got, pub, err := Open(env, typ, trusted)
	if err != nil || string(got) != `{"a":1}` || !pub.Equal(k.Public()) {
		t.Fatalf("open: %q %v", got, err)
	}
	var e Envelope
	_ = json.Unmarshal(env, &e)
	e.Payload = "eyJhIjoyfQ==" // {"a":2}
	changed, _ := json.Marshal(e)
	if _, _, err := Open(changed, typ, trusted); err == nil {
		t.Fatal("a changed payload opened")
	}
	if _, _, err := Open(env, typ+"x", trusted); err == nil {
		t.Fatal("another payload type opened")
	}
	if _, _, err := Open(env, typ, func(string) ed25519.PublicKey { return nil }); !errors.Is(err, ErrUntrusted) {
		t.Fatalf("unknown signer: %v", err)
	}
}
