package keys

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/sha256"
	"errors"
	"math/big"
)

// pdfKeyInfo is the HKDF info string of the PDF signing key; changing it
// changes every installation's PDF certificate.
const pdfKeyInfo = "spbe-pdf-signing-key-v1"

// PDFSigningKey derives the installation's ECDSA P-256 key for the PDF
// approval signature from the Ed25519 seed, so it needs no storage of its
// own and is the same after a backup/restore. See DerivePDFSigningKey.
func (k *Key) PDFSigningKey() (*ecdsa.PrivateKey, error) {
	if len(k.priv) != 64 {
		return nil, errors.New("keys: kunci privat tidak valid")
	}
	return DerivePDFSigningKey(k.priv.Seed())
}

// DerivePDFSigningKey derives an ECDSA P-256 private key from a 32-byte
// Ed25519 seed: 48 bytes c = HKDF-SHA256(secret = seed, salt = none,
// info = "spbe-pdf-signing-key-v1"), read big-endian, and
// d = (c mod (n−1)) + 1 (FIPS 186-5 A.2.1, "extra random bits": d is never
// zero and the bias is below 2⁻¹²⁸). The public point is computed by
// crypto/ecdsa. Only integer arithmetic is involved, so the key does not
// depend on the Go version (unlike ecdsa.GenerateKey with a fixed reader).
func DerivePDFSigningKey(seed []byte) (*ecdsa.PrivateKey, error) {
	if len(seed) != 32 {
		return nil, errors.New("keys: seed harus 32 byte")
	}
	okm, err := hkdf.Key(sha256.New, seed, nil, pdfKeyInfo, 48)
	if err != nil {
		return nil, err
	}
	curve := elliptic.P256()
	nMinus1 := new(big.Int).Sub(curve.Params().N, big.NewInt(1))
	d := new(big.Int).SetBytes(okm)
	d.Mod(d, nMinus1).Add(d, big.NewInt(1))
	return ecdsa.ParseRawPrivateKey(curve, d.FillBytes(make([]byte, 32)))
}
