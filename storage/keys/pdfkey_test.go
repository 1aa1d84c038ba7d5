package keys

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"testing"
)

// Vector computed independently (Python hmac/hashlib for HKDF, the
// "cryptography" package for the public point) for the seed 00 01 … 1f.
func TestDerivePDFSigningKeyVector(t *testing.T) {
	seed := make([]byte, 32)
	for i := range seed {
		seed[i] = byte(i)
	}
	k, err := DerivePDFSigningKey(seed)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := k.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := hex.EncodeToString(raw), "e853dd5d57a45d2e5cfe2ca991e4558156f165746b71b2812ecf53aeac05c607"; got != want {
		t.Errorf("d = %s, want %s", got, want)
	}
	if got, want := fmt.Sprintf("%064x %064x", k.X, k.Y),
		"74f4f7e84b64fd93b3ee00c5cca3c4d767c96fba0f87ba76409cb3a4dda30244 2b7ccb3cdc80080e1549095d19b737dd85ab19014a7ab2d1f889e140a2c93a14"; got != want {
		t.Errorf("Q = %s, want %s", got, want)
	}
	if _, err := DerivePDFSigningKey(seed[:31]); err == nil {
		t.Error("short seed accepted")
	}
}

// The PDF key follows the Ed25519 key through lock/unlock and differs
// between keys.
func TestPDFSigningKeyStable(t *testing.T) {
	d := newDir(t)
	k, err := d.Create(pass, now)
	if err != nil {
		t.Fatal(err)
	}
	u, err := d.Unlock(pass)
	if err != nil {
		t.Fatal(err)
	}
	a, err := k.PDFSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	b, err := u.PDFSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	if !a.Equal(b) {
		t.Fatal("PDF key differs after unlock")
	}
	other := &Key{priv: ed25519.NewKeyFromSeed(make([]byte, 32))}
	c, err := other.PDFSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	if a.Equal(c) {
		t.Fatal("two Ed25519 keys gave the same PDF key")
	}
}
