package keys

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"

	"filippo.io/edwards25519"
)

// ErrUnsafePublicKey is a public key no honest Ed25519 key generation can
// produce. Its messages are meant for the operator.
var ErrUnsafePublicKey = errors.New("kunci publik Ed25519 tidak aman")

// groupOrderMinusOne is ℓ − 1 with ℓ = 2^252 + 27742317777372353535851937790883648493,
// the order of the prime-order subgroup, as a little-endian scalar: ℓ
// itself reduces to 0, so [ℓ]A is computed as [ℓ−1]A + A.
var groupOrderMinusOne = mustScalar([]byte{
	0xec, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
})

func mustScalar(b []byte) *edwards25519.Scalar {
	s, err := edwards25519.NewScalar().SetCanonicalBytes(b)
	if err != nil {
		panic(err)
	}
	return s
}

// CheckPublicKey is the one acceptance test for an Ed25519 public key that
// arrives from outside (a public key file, a key file, the registry, a
// trusted assessor key, the verifier's key list). It refuses, beyond a
// wrong length:
//   - encodings that are not a point on the curve;
//   - non-canonical encodings (y ≥ p, or x = 0 with the sign bit set),
//     which crypto/ed25519 accepts as aliases of canonical ones;
//   - points of small order (the 8 torsion points, whatever their
//     encoding) and points with a torsion component: with such a key,
//     crypto/ed25519's cofactorless check accepts R = identity, S = 0 as a
//     "signature" on any message (identity key), or on a fraction of all
//     messages (other torsion keys). A key made from a seed, A = [s]B, is
//     always in the prime-order subgroup, so this refuses no real key.
//
// With a key that passes, ed25519.Verify is the RFC 8032 check over
// canonical encodings: S must be < ℓ (Go refuses others) and R must equal
// the canonical encoding of [S]B − [k]A, a point of the prime-order
// subgroup, so a non-canonical or small-order R cannot verify either.
func CheckPublicKey(pub []byte) error {
	if len(pub) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: panjang %d byte, seharusnya %d", ErrUnsafePublicKey, len(pub), ed25519.PublicKeySize)
	}
	a, err := new(edwards25519.Point).SetBytes(pub)
	if err != nil {
		return fmt.Errorf("%w: bukan titik pada kurva Ed25519", ErrUnsafePublicKey)
	}
	if !bytes.Equal(a.Bytes(), pub) {
		return fmt.Errorf("%w: pengodean titik tidak kanonis", ErrUnsafePublicKey)
	}
	if new(edwards25519.Point).MultByCofactor(a).Equal(edwards25519.NewIdentityPoint()) == 1 {
		return fmt.Errorf("%w: titik berorde kecil (siapa pun dapat memalsukan tanda tangan untuk kunci ini)", ErrUnsafePublicKey)
	}
	l := new(edwards25519.Point).ScalarMult(groupOrderMinusOne, a)
	if l.Add(l, a).Equal(edwards25519.NewIdentityPoint()) != 1 {
		return fmt.Errorf("%w: titik di luar subgrup berorde prima", ErrUnsafePublicKey)
	}
	return nil
}

// VerifySignature is the signature check of every signed document (bundle
// manifest, feedback): the public key must pass CheckPublicKey, the
// signature must be 64 bytes, and Ed25519 (RFC 8032, cofactorless, S < ℓ)
// must hold over msg. It returns ErrUnsafePublicKey (wrapped) for a bad
// key and ErrBadSignature for a signature that does not verify.
func VerifySignature(pub ed25519.PublicKey, msg, sig []byte) error {
	if err := CheckPublicKey(pub); err != nil {
		return err
	}
	if len(sig) != ed25519.SignatureSize || !ed25519.Verify(pub, msg, sig) {
		return ErrBadSignature
	}
	return nil
}

// ErrBadSignature is a signature that does not verify.
var ErrBadSignature = errors.New("tanda tangan tidak cocok")
