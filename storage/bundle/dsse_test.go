package bundle

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	"github.com/secure-systems-lab/go-securesystemslib/signerverifier"
)

// TestIndependentDSSE verifies our signature with an independent DSSE
// implementation: manifest.sig.json plus "payload": base64(manifest.json)
// is a standard DSSE envelope.
func TestIndependentDSSE(t *testing.T) {
	in, _ := fixture(t)
	es := unpack(t, build(t, in))
	manifest, sigFile := find(es, EntryManifest).data, find(es, EntrySignature).data

	var env dsse.Envelope
	if err := json.Unmarshal(sigFile, &env); err != nil {
		t.Fatal(err)
	}
	env.Payload = base64.StdEncoding.EncodeToString(manifest)

	pub := testKey.Public().(ed25519.PublicKey)
	sv, err := signerverifier.NewED25519SignerVerifierFromSSLibKey(&signerverifier.SSLibKey{
		KeyType: "ed25519", Scheme: "ed25519", KeyID: signerOf(testKey).KeyID,
		KeyVal: signerverifier.KeyVal{Public: hex.EncodeToString(pub)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := dsse.NewEnvelopeVerifier(sv)
	if err != nil {
		t.Fatal(err)
	}
	accepted, err := ev.Verify(context.Background(), &env)
	if err != nil || len(accepted) != 1 || accepted[0].KeyID != signerOf(testKey).KeyID {
		t.Fatalf("independent DSSE verification failed: %v (%v)", err, accepted)
	}

	env.Payload = base64.StdEncoding.EncodeToString(append([]byte(" "), manifest...))
	if _, err := ev.Verify(context.Background(), &env); err == nil {
		t.Fatal("independent DSSE accepted a changed payload")
	}
}

// TestPAEVector checks PAE against the DSSE specification's example and
// against the library's implementation.
func TestPAEVector(t *testing.T) {
	want := "DSSEv1 29 http://example.com/HelloWorld 11 hello world"
	if got := string(PAE("http://example.com/HelloWorld", []byte("hello world"))); got != want {
		t.Fatalf("PAE = %q, want %q", got, want)
	}
	body := []byte("{\"é\": 1}\n")
	if got, lib := PAE(PayloadType, body), dsse.PAE(PayloadType, body); string(got) != string(lib) {
		t.Fatalf("PAE differs from the library: %q vs %q", got, lib)
	}
}
