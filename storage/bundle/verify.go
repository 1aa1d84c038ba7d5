package bundle

import (
	"crypto/ed25519"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Options configure Verify.
type Options struct {
	// Keys are the public keys the bundle may be signed by (the key
	// registry, or the one --pubkey). Empty: the signature cannot be
	// checked and the signer is reported unknown (tidak dikenal); every
	// other check still runs. Non-empty: the first signature must be by one
	// of them and verify.
	Keys []ed25519.PublicKey
	// Limits; the zero value means DefaultLimits.
	Limits *Limits
}

// Verified is a bundle that passed every check.
type Verified struct {
	Manifest       Manifest
	ManifestSHA256 string
	Answers        Answers
	// SignerKnown is true when the signature was verified with one of
	// Options.Keys; Signer is then that key.
	SignerKnown bool
	Signer      keys.Identity
}

// Verify checks a bundle in the documented order (docs/bundle-format.md):
// sizes and entry headers, then the signature over the raw manifest bytes,
// then strict JSON, then the file set, sizes, hashes and content digest.
// It only reads from r; nothing is written anywhere. A failure is an *Error.
func Verify(r io.ReaderAt, size int64, opt Options) (*Verified, error) {
	lim := DefaultLimits
	if opt.Limits != nil {
		lim = *opt.Limits
	}
	zr, err := OpenZip(r, size, lim)
	if err != nil {
		return nil, err
	}
	entries, err := scanEntries(zr.File, lim)
	if err != nil {
		return nil, err
	}
	sigRaw, manRaw, err := readSigned(entries, lim)
	if err != nil {
		return nil, err
	}
	v := &Verified{ManifestSHA256: sha256Hex(manRaw)}
	env, err := parseEnvelope(sigRaw)
	if err != nil {
		return nil, err
	}
	if err := checkSignature(env, manRaw, opt.Keys, v); err != nil {
		return nil, err
	}
	if err := parseManifest(manRaw, env, v); err != nil {
		return nil, err
	}
	if err := checkContent(entries, zr.File, lim, v); err != nil {
		return nil, err
	}
	return v, nil
}
