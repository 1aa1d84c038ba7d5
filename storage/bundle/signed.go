package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// readSigned is step 3: the signature and the manifest, raw, each through
// LimitReader(limit+1).
func readSigned(entries map[string]*zip.File, lim Limits) (sig, manifest []byte, err error) {
	if sig, err = readEntry(entries[EntrySignature], lim.MaxSignatureSize); err != nil {
		return nil, nil, err
	}
	manifest, err = readEntry(entries[EntryManifest], lim.MaxManifestSize)
	return sig, manifest, err
}

// readEntry reads a whole entry of at most limit bytes into memory.
func readEntry(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fail(f.Name, CheckTooLarge, "%d byte, maksimum %d", f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, failErr(f.Name, CheckData, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(f.UncompressedSize64))
	n, err := buf.ReadFrom(io.LimitReader(rc, limit+1))
	if n > limit {
		return nil, fail(f.Name, CheckTooLarge, "lebih dari %d byte", limit)
	}
	if err != nil {
		return nil, failErr(f.Name, CheckData, err)
	}
	if uint64(n) != f.UncompressedSize64 {
		return nil, fail(f.Name, CheckData, "%d byte terbaca, header menyatakan %d", n, f.UncompressedSize64)
	}
	return buf.Bytes(), nil
}

// parseEnvelope decodes manifest.sig.json. It is the only JSON parsed
// before the signature is checked, and it is parsed strictly: it is the
// container of the signature itself.
func parseEnvelope(raw []byte) (*Envelope, error) {
	var env Envelope
	if err := strictjson.Unmarshal(raw, &env); err != nil {
		return nil, failErr(EntrySignature, CheckJSON, err)
	}
	if env.PayloadType != PayloadType {
		return nil, fail(EntrySignature, CheckPayloadType, "%q, seharusnya %q", env.PayloadType, PayloadType)
	}
	if len(env.Signatures) == 0 || len(env.Signatures) > 16 {
		return nil, fail(EntrySignature, CheckEnvelope, "%d tanda tangan", len(env.Signatures))
	}
	for i, s := range env.Signatures {
		if !keys.ValidKeyID(s.KeyID) {
			return nil, fail(EntrySignature, CheckEnvelope, "signatures[%d].keyid bukan 64 digit heksadesimal", i)
		}
		if _, err := decodeSig(s.Sig); err != nil {
			return nil, fail(EntrySignature, CheckBase64, "signatures[%d].sig: %v", i, err)
		}
	}
	return &env, nil
}

func decodeSig(s string) ([]byte, error) {
	sig, err := strictjson.DecodeBase64(s)
	if err != nil {
		return nil, err
	}
	if len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("%d byte, seharusnya %d", len(sig), ed25519.SignatureSize)
	}
	return sig, nil
}

// checkSignature is step 4: the first signature over DSSE PAE of the raw
// manifest bytes, before the manifest is parsed.
func checkSignature(env *Envelope, manifest []byte, trusted []ed25519.PublicKey, v *Verified) error {
	if len(trusted) == 0 {
		return nil // signer unknown: reported, not failed
	}
	first := env.Signatures[0]
	var pub ed25519.PublicKey
	for _, k := range trusted {
		if keys.KeyID(k) == first.KeyID {
			pub = k
		}
	}
	if pub == nil {
		return fail(EntrySignature, CheckSigner, "keyid %.16s… bukan kunci yang diharapkan", first.KeyID)
	}
	sig, _ := decodeSig(first.Sig)
	err := keys.VerifySignature(pub, PAE(PayloadType, manifest), sig)
	if errors.Is(err, keys.ErrUnsafePublicKey) {
		return failErr(EntrySignature, CheckPublicKey, err)
	}
	if err != nil {
		return fail(EntryManifest, CheckSignature, "")
	}
	v.SignerKnown = true
	v.Signer = keys.IdentityOf(pub, time.Time{})
	return nil
}

// parseManifest is step 5: strict JSON, then values, then the signer block
// against the signature.
func parseManifest(raw []byte, env *Envelope, v *Verified) error {
	if err := strictjson.Unmarshal(raw, &v.Manifest); err != nil {
		return failErr(EntryManifest, CheckJSON, err)
	}
	m := &v.Manifest
	if err := m.validate(); err != nil {
		return err
	}
	if m.Signer.KeyID != env.Signatures[0].KeyID {
		return fail(EntryManifest, CheckSigner, "signer.keyid berbeda dengan keyid tanda tangan")
	}
	if v.SignerKnown && m.Signer.Fingerprint != v.Signer.Fingerprint {
		return fail(EntryManifest, CheckSigner, "signer.fingerprint bukan sidik jari kunci penanda tangan")
	}
	return nil
}
