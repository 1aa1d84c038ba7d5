package bundle

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Envelope is manifest.sig.json: a DSSE envelope without its payload (the
// payload is manifest.json itself). Adding "payload": base64(manifest.json)
// makes it a standard DSSE envelope. Signatures after the first (e.g. an
// assessor's receipt) may be appended later; the first is the OPD's.
type Envelope struct {
	PayloadType string      `json:"payloadType"`
	Signatures  []Signature `json:"signatures"`
}

// Signature is one DSSE signature; Sig is standard base64 with padding.
type Signature struct {
	KeyID string `json:"keyid"`
	Sig   string `json:"sig"`
}

// PAE is DSSE's pre-authentication encoding:
// "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in ASCII decimal.
func PAE(payloadType string, body []byte) []byte {
	out := make([]byte, 0, len(body)+len(payloadType)+32)
	out = append(out, "DSSEv1 "...)
	out = strconv.AppendInt(out, int64(len(payloadType)), 10)
	out = append(out, ' ')
	out = append(out, payloadType...)
	out = append(out, ' ')
	out = strconv.AppendInt(out, int64(len(body)), 10)
	out = append(out, ' ')
	return append(out, body...)
}

// signManifest returns manifest.sig.json for the raw manifest bytes.
func signManifest(priv ed25519.PrivateKey, manifest []byte) ([]byte, error) {
	pub := priv.Public().(ed25519.PublicKey)
	env := Envelope{PayloadType: PayloadType, Signatures: []Signature{{
		KeyID: keys.KeyID(pub),
		Sig:   base64.StdEncoding.EncodeToString(ed25519.Sign(priv, PAE(PayloadType, manifest))),
	}}}
	data, err := json.MarshalIndent(env, "", "  ")
	return append(data, '\n'), err
}
