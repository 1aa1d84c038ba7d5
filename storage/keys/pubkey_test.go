package keys

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"filippo.io/edwards25519"
)

// torsionKeys are the canonical encodings of the 8 points of small order
// (the torsion subgroup of edwards25519): y = 1 (identity), y = −1
// (order 2), y = 0 with both signs of x (order 4), and the two order-8 y
// values with both signs of x.
var torsionKeys = []string{
	"0100000000000000000000000000000000000000000000000000000000000000",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"0000000000000000000000000000000000000000000000000000000000000000",
	"0000000000000000000000000000000000000000000000000000000000000080",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
}

// nonCanonicalTorsion are other encodings crypto/ed25519 accepts for
// torsion points: x = 0 with the sign bit set, y = p (≡ 0) and y = p + 1
// (≡ 1).
var nonCanonicalTorsion = []string{
	"0100000000000000000000000000000000000000000000000000000000000080",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// forgedSignature is R = identity, S = 0: with the identity as public key
// [S]B − [k]A is the identity whatever the message, so crypto/ed25519
// accepts it for every message.
func forgedSignature() []byte {
	sig := make([]byte, ed25519.SignatureSize)
	sig[0] = 1
	return sig
}

func TestCheckPublicKeyRefusesSmallOrder(t *testing.T) {
	identity := mustHex(t, torsionKeys[0])
	if !ed25519.Verify(identity, []byte("apa saja"), forgedSignature()) {
		t.Fatal("premise: crypto/ed25519 accepts R = identity, S = 0 under the identity key")
	}
	for _, h := range append(append([]string{}, torsionKeys...), nonCanonicalTorsion...) {
		pub := mustHex(t, h)
		if err := CheckPublicKey(pub); !errors.Is(err, ErrUnsafePublicKey) {
			t.Errorf("CheckPublicKey(%s) = %v, want ErrUnsafePublicKey", h, err)
		}
		if p, err := new(edwards25519.Point).SetBytes(pub); err == nil &&
			new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) != 1 {
			t.Errorf("%s is not a torsion point", h)
		}
		if err := VerifySignature(pub, []byte("apa saja"), forgedSignature()); !errors.Is(err, ErrUnsafePublicKey) {
			t.Errorf("VerifySignature under %s = %v", h, err)
		}
	}
}

func TestCheckPublicKeyRefusesNonCanonical(t *testing.T) {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	found := 0
	for y := int64(2); y < 19; y++ {
		canon := leBytes(big.NewInt(y))
		if _, err := new(edwards25519.Point).SetBytes(canon); err != nil {
			continue // not on the curve
		}
		alias := leBytes(new(big.Int).Add(p, big.NewInt(y))) // y + p < 2^255
		if _, err := new(edwards25519.Point).SetBytes(alias); err != nil {
			t.Fatalf("premise: y+p alias of %d is accepted by the decoder: %v", y, err)
		}
		if err := CheckPublicKey(alias); !errors.Is(err, ErrUnsafePublicKey) {
			t.Errorf("alias y = p + %d: %v", y, err)
		}
		found++
	}
	if found == 0 {
		t.Fatal("no small y on the curve; the test proves nothing")
	}
	if err := CheckPublicKey(mustHex(t, strings.Repeat("ff", 31)+"7f")); !errors.Is(err, ErrUnsafePublicKey) {
		t.Errorf("y = 2^255 − 1: %v", err)
	}
}

func leBytes(n *big.Int) []byte {
	b := n.FillBytes(make([]byte, 32))
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return b
}

func TestCheckPublicKeyRefusesMixedOrder(t *testing.T) {
	pub := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32)).Public().(ed25519.PublicKey)
	a, _ := new(edwards25519.Point).SetBytes(pub)
	torsion, _ := new(edwards25519.Point).SetBytes(mustHex(t, torsionKeys[4]))
	mixed := new(edwards25519.Point).Add(a, torsion).Bytes()
	if err := CheckPublicKey(mixed); !errors.Is(err, ErrUnsafePublicKey) {
		t.Fatalf("mixed-order key: %v", err)
	}
}

func TestCheckPublicKeyAcceptsRealKeys(t *testing.T) {
	for i := range 64 {
		priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{byte(i)}, 32))
		pub := priv.Public().(ed25519.PublicKey)
		if err := CheckPublicKey(pub); err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		msg := []byte("manifest")
		if err := VerifySignature(pub, msg, ed25519.Sign(priv, msg)); err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		if err := VerifySignature(pub, []byte("lain"), ed25519.Sign(priv, msg)); !errors.Is(err, ErrBadSignature) {
			t.Fatalf("seed %d: wrong message verified: %v", i, err)
		}
	}
	if err := CheckPublicKey(make([]byte, 31)); !errors.Is(err, ErrUnsafePublicKey) {
		t.Fatalf("short key: %v", err)
	}
}

// TestParsePublicRefusesUnsafeKey: a public key file with a small-order
// key is refused where it enters (keys add, feedback trust, verify --pubkey).
func TestParsePublicRefusesUnsafeKey(t *testing.T) {
	for _, h := range append(append([]string{}, torsionKeys...), nonCanonicalTorsion...) {
		data := MarshalPublic(IdentityOf(mustHex(t, h), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
		_, err := ParsePublic(data)
		if !errors.Is(err, ErrCorruptPublicKey) || !errors.Is(err, ErrUnsafePublicKey) {
			t.Errorf("%s: %v", h, err)
		}
	}
}

// TestParsePublicStrictEncodings: base64 with a line break (which Go's
// decoder skips) and a created_at with a local offset are refused.
func TestParsePublicStrictEncodings(t *testing.T) {
	pub := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, 32)).Public().(ed25519.PublicKey)
	good := MarshalPublic(IdentityOf(pub, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	if _, err := ParsePublic(good); err != nil {
		t.Fatal(err)
	}
	enc := b64.EncodeToString(pub)
	for name, bad := range map[string][]byte{
		"newline in base64": bytes.Replace(good, []byte(enc), []byte(enc[:20]+`\n`+enc[20:]), 1),
		"CRLF in base64":    bytes.Replace(good, []byte(enc), []byte(enc[:20]+`\r\n`+enc[20:]), 1),
		"offset time":       bytes.Replace(good, []byte(`2026-01-02T03:04:05Z`), []byte(`2026-01-02T10:04:05+07:00`), 1),
		"lone surrogate":    bytes.Replace(good, []byte(`"ed25519"`), []byte(`"ed25519\ud800"`), 1),
	} {
		if !bytes.Contains(bad, []byte(`\`)) && name != "offset time" {
			t.Fatalf("%s: replacement did not apply", name)
		}
		if _, err := ParsePublic(bad); !errors.Is(err, ErrCorruptPublicKey) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
