package feedback

import (
	"bytes"
	"crypto/ed25519"
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
	// Refused since issue 11: base64 with a line break in the payload.
	f.Add(bytes.Replace(good, []byte(`"payload": "`), []byte(`"payload": "\n`), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Signer(data)
		m, err := Verify(data, pub)
		if err != nil {
			return
		}
		if diff := cmp.Diff(want, m); diff != "" {
			t.Fatalf("a file verified to a manifest nobody signed (-signed +got):\n%s", diff)
		}
	})
}
