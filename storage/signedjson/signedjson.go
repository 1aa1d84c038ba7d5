// Package signedjson is the DSSE envelope of the collection server's signed
// objects — the server's receipts and the Tim Asesor's key-registry
// snapshots — with the payload inside (unlike a bundle, whose manifest is a
// separate entry). The signature is Ed25519 over bundle.PAE(type, payload).
package signedjson

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// MaxSize bounds an envelope read from outside.
const MaxSize = 4 << 20

// Envelope is a DSSE envelope with one or more signatures.
type Envelope struct {
	PayloadType string             `json:"payloadType"`
	Payload     string             `json:"payload"`
	Signatures  []bundle.Signature `json:"signatures"`
}

// Sign wraps payload in an envelope signed by priv.
func Sign(payloadType string, payload []byte, priv ed25519.PrivateKey) []byte {
	pub := priv.Public().(ed25519.PublicKey)
	sig := ed25519.Sign(priv, bundle.PAE(payloadType, payload))
	env := Envelope{PayloadType: payloadType, Payload: base64.StdEncoding.EncodeToString(payload),
		Signatures: []bundle.Signature{{KeyID: keys.KeyID(pub), Sig: base64.StdEncoding.EncodeToString(sig)}}}
	out, _ := json.Marshal(env) // strings and a slice: cannot fail
	return out
}

// ErrUntrusted: the first signature is by no key lookup knows.
var ErrUntrusted = errors.New("ditandatangani kunci yang tidak dikenal")

// Open checks an envelope of payloadType whose first signature must be by a
// key lookup returns (nil: unknown), and returns the payload and that key.
func Open(data []byte, payloadType string, lookup func(keyid string) ed25519.PublicKey) ([]byte, ed25519.PublicKey, error) {
	if len(data) > MaxSize {
		return nil, nil, fmt.Errorf("amplop bertanda tangan lebih dari %d byte", MaxSize)
	}
	var env Envelope
	if err := strictjson.Unmarshal(data, &env); err != nil {
		return nil, nil, fmt.Errorf("amplop bertanda tangan: %w", err)
	}
	if env.PayloadType != payloadType {
		return nil, nil, fmt.Errorf("jenis muatan %q, seharusnya %q", env.PayloadType, payloadType)
	}
	if len(env.Signatures) == 0 || !keys.ValidKeyID(env.Signatures[0].KeyID) {
		return nil, nil, errors.New("amplop tanpa tanda tangan yang sah")
	}
	payload, err := strictjson.DecodeBase64(env.Payload)
	if err != nil {
		return nil, nil, fmt.Errorf("payload: %w", err)
	}
	pub := lookup(env.Signatures[0].KeyID)
	if pub == nil || keys.KeyID(pub) != env.Signatures[0].KeyID {
		return nil, nil, ErrUntrusted
	}
	sig, err := strictjson.DecodeBase64(env.Signatures[0].Sig)
	if err != nil {
		return nil, nil, fmt.Errorf("tanda tangan: %w", err)
	}
	if err := keys.VerifySignature(pub, bundle.PAE(payloadType, payload), sig); err != nil {
		return nil, nil, err
	}
	return payload, pub, nil
}
