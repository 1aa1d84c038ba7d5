package feedback

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzVerify: feedback files reach the OPD on a USB stick. With one
// trusted key that signed exactly one manifest, no input may verify to
// anything else (and none may panic); Signer never panics either.
func FuzzVerify(f *testing.F) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	signed := manifest()
	good, err := Sign(priv, signed)
	if err != nil {
		f.Fatal(err)
	}
	want, err := Verify(good, pub)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(bytes.Replace(good, []byte(`"payloadType"`), []byte(`"payloadType": "x", "payloadType"`), 1))
	f.Add(bytes.Replace(good, []byte(`"signatures": [`), []byte(`"signatures": [{"keyid": "", "sig": ""}, `), 1))
	f.Add([]byte(`{"payload": "", "payloadType": "", "signatures": []}`))
	// Format 2 (per-item review), signed by another key: a seed of that
	// shape for the mutations; it must not verify with pub either.
	if items, err := Sign(ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)), itemsManifest()); err == nil {
		f.Add(items)
	}
	// With a note on a synthetic level item (I1-L4-00).
	synth := itemsManifest()
	synth.Items[0].EvidenceItems = append(synth.Items[0].EvidenceItems, ItemNote{Code: "I1-L4-00", Status: "diterima"})
	if items, err := Sign(ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)), synth); err == nil {
		f.Add(items)
	}
	var env Envelope
	if err := json.Unmarshal(good, &env); err != nil {
		f.Fatal(err)
	}
	rewrapped, _ := json.Marshal(env) // the same payload in a compact envelope
	f.Add(rewrapped)
	wantID, err := PayloadSHA256(good)
	if err != nil {
		f.Fatal(err)
	}
	// Refused since issue 11: base64 with a line break in the payload.
	f.Add(bytes.Replace(good, []byte(`"payload": "`), []byte(`"payload": "\n`), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Signer(data)
		id, idErr := PayloadSHA256(data)
		m, err := Verify(data, pub)
		if err != nil {
			return
		}
		if diff := cmp.Diff(want, m); diff != "" {
			t.Fatalf("a file verified to a manifest nobody signed (-signed +got):\n%s", diff)
		}
		// Whatever envelope carries it, what verifies is the same feedback.
		if idErr != nil || id != wantID {
			t.Fatalf("verified file with identity %q (%v), want %q", id, idErr, wantID)
		}
	})
}
