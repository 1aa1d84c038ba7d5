package report

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// detSigner signs deterministically: crypto/ecdsa's Sign with a nil
// random source computes k by RFC 6979 (Go ≥ 1.24, see the Sign docs in
// crypto/ecdsa). The reader the caller passes is ignored.
type detSigner struct{ k *ecdsa.PrivateKey }

func (s detSigner) Public() crypto.PublicKey { return &s.k.PublicKey }

func (s detSigner) Sign(_ io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	return s.k.Sign(nil, digest, opts)
}

// certOU marks every certificate SigningCert makes.
const certOU = "Sertifikat swa-tanda tangan SPBE Mandiri (bukan TTE resmi)"

// SigningCert makes the self-signed certificate of key for the PDF
// approval signature, deterministically: the same key, names and
// notBefore give the same DER bytes. Subject CN = commonName,
// O = organization (omitted if empty), OU = certOU; serial number = the
// first 16 bytes of SHA-256 of the key's SubjectPublicKeyInfo; valid from
// notBefore (whole seconds, UTC) for ten years; key usage digital
// signature and non-repudiation; not a CA. The certificate's own ECDSA
// signature is RFC 6979.
func SigningCert(key *ecdsa.PrivateKey, commonName, organization string, notBefore time.Time) (*x509.Certificate, error) {
	if key == nil {
		return nil, errors.New("report: kunci penanda tangan kosong")
	}
	spki, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(spki)
	subject := pkix.Name{CommonName: commonName, OrganizationalUnit: []string{certOU}}
	if organization != "" {
		subject.Organization = []string{organization}
	}
	from := notBefore.UTC().Truncate(time.Second)
	tmpl := &x509.Certificate{
		SerialNumber:          new(big.Int).SetBytes(sum[:16]),
		Subject:               subject,
		NotBefore:             from,
		NotAfter:              from.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	// The reader is never used: detSigner ignores it, and the template has
	// a serial number.
	der, err := x509.CreateCertificate(nil, tmpl, tmpl, &key.PublicKey, detSigner{key})
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// oidSigningTime is the CMS signing-time attribute (RFC 5652 11.3).
var oidSigningTime = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}

// pinSigningTime replaces, in the signature pdfsign appended after the
// first n bytes of signed, the CMS signing-time attribute (which
// digitorus/pkcs7 always sets to time.Now) by when, signs the signed
// attributes again with key (RFC 6979) and writes the new CMS into the
// same /Contents placeholder, zero-padded as before. Nothing the PDF
// signature's ByteRange covers changes, so the messageDigest attribute
// stays valid; signed keeps its length.
func pinSigningTime(signed []byte, n int, key *ecdsa.PrivateKey, when time.Time) error {
	if when.IsZero() {
		return errors.New("waktu tanda tangan kosong")
	}
	contents, err := signatureContents(signed, n)
	if err != nil {
		return err
	}
	der := make([]byte, hex.DecodedLen(len(contents)))
	if _, err := hex.Decode(der, contents); err != nil {
		return fmt.Errorf("/Contents bukan heksadesimal: %w", err)
	}
	in := cryptobyte.String(der)
	var cms cryptobyte.String
	if !in.ReadASN1Element(&cms, cbasn1.SEQUENCE) {
		return errors.New("/Contents bukan CMS")
	}
	out, err := rewriteCMS(cms, key, when)
	if err != nil {
		return err
	}
	if hex.EncodedLen(len(out)) > len(contents) {
		return errors.New("CMS baru tidak muat di /Contents")
	}
	w := hex.Encode(contents, out)
	for i := w; i < len(contents); i++ {
		contents[i] = '0'
	}
	return nil
}

// signatureContents is the hex string of the /Contents of the signature
// dictionary appended after the first n bytes (a slice of signed).
func signatureContents(signed []byte, n int) ([]byte, error) {
	const br = "/ByteRange ["
	i := bytes.LastIndex(signed[n:], []byte(br))
	if i < 0 {
		return nil, errors.New("/ByteRange tidak ditemukan")
	}
	i += n + len(br)
	var r [4]int
	if _, err := fmt.Sscanf(string(signed[i:min(i+80, len(signed))]), "%d %d %d %d", &r[0], &r[1], &r[2], &r[3]); err != nil {
		return nil, fmt.Errorf("/ByteRange tidak terbaca: %w", err)
	}
	if r[0] != 0 || r[1] < n || r[2] <= r[1]+2 || r[2]+r[3] != len(signed) ||
		signed[r[1]] != '<' || signed[r[2]-1] != '>' {
		return nil, fmt.Errorf("/ByteRange %v tidak sesuai", r)
	}
	return signed[r[1]+1 : r[2]-1], nil
}

// rewriteCMS copies a ContentInfo holding SignedData with one SignerInfo,
// replacing the signing-time value and the signature.
func rewriteCMS(cms cryptobyte.String, key *ecdsa.PrivateKey, when time.Time) ([]byte, error) {
	bad := func(what string) ([]byte, error) { return nil, fmt.Errorf("CMS tidak dikenali: %s", what) }
	var ci, oid, wrap, sd cryptobyte.String
	if !cms.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1Element(&oid, cbasn1.OBJECT_IDENTIFIER) ||
		!ci.ReadASN1(&wrap, cbasn1.Tag(0).Constructed().ContextSpecific()) || !ci.Empty() ||
		!wrap.ReadASN1(&sd, cbasn1.SEQUENCE) || !wrap.Empty() {
		return bad("ContentInfo")
	}
	var head [][]byte // SignedData fields before signerInfos, verbatim
	var infos cryptobyte.String
	for !sd.Empty() {
		var el cryptobyte.String
		var tag cbasn1.Tag
		if !sd.ReadAnyASN1Element(&el, &tag) {
			return bad("SignedData")
		}
		if sd.Empty() {
			if tag != cbasn1.SET || !el.ReadASN1(&infos, cbasn1.SET) {
				return bad("signerInfos")
			}
			break
		}
		head = append(head, el)
	}
	var si cryptobyte.String
	if !infos.ReadASN1(&si, cbasn1.SEQUENCE) || !infos.Empty() {
		return bad("harus tepat satu SignerInfo")
	}
	var version, sid, digestAlg, attrs, sigAlg, oldSig cryptobyte.String
	attrsTag := cbasn1.Tag(0).Constructed().ContextSpecific()
	if !si.ReadASN1Element(&version, cbasn1.INTEGER) || !si.ReadASN1Element(&sid, cbasn1.SEQUENCE) ||
		!si.ReadASN1Element(&digestAlg, cbasn1.SEQUENCE) || !si.ReadASN1(&attrs, attrsTag) ||
		!si.ReadASN1Element(&sigAlg, cbasn1.SEQUENCE) || !si.ReadASN1(&oldSig, cbasn1.OCTET_STRING) {
		return bad("SignerInfo")
	}
	tail := []byte(si) // unsigned attributes, if any, verbatim

	newTime, err := asn1.Marshal(when.UTC().Truncate(time.Second))
	if err != nil {
		return nil, err
	}
	var list [][]byte
	pinned := 0
	for !attrs.Empty() {
		var attr, whole, body cryptobyte.String
		var aoid asn1.ObjectIdentifier
		if !attrs.ReadASN1Element(&attr, cbasn1.SEQUENCE) {
			return bad("signedAttrs")
		}
		whole = attr
		if !whole.ReadASN1(&body, cbasn1.SEQUENCE) || !body.ReadASN1ObjectIdentifier(&aoid) {
			return bad("Attribute")
		}
		if aoid.Equal(oidSigningTime) {
			var b cryptobyte.Builder
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(oidSigningTime)
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(newTime) })
			})
			enc, err := b.Bytes()
			if err != nil {
				return nil, err
			}
			attr = enc
			pinned++
		}
		list = append(list, attr)
	}
	if pinned != 1 {
		return bad(fmt.Sprintf("%d atribut signing-time", pinned))
	}
	slices.SortFunc(list, bytes.Compare) // DER SET OF order
	attrBytes := bytes.Join(list, nil)

	// The signature is over the DER of the attributes as a SET OF.
	var set cryptobyte.Builder
	set.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(attrBytes) })
	setDER, err := set.Bytes()
	if err != nil {
		return nil, err
	}
	digest := sha256.Sum256(setDER)
	sig, err := key.Sign(nil, digest[:], crypto.SHA256)
	if err != nil {
		return nil, err
	}

	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(oid)
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				for _, h := range head {
					b.AddBytes(h)
				}
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddBytes(version)
						b.AddBytes(sid)
						b.AddBytes(digestAlg)
						b.AddASN1(attrsTag, func(b *cryptobyte.Builder) { b.AddBytes(attrBytes) })
						b.AddBytes(sigAlg)
						b.AddASN1OctetString(sig)
						b.AddBytes(tail)
					})
				})
			})
		})
	})
	return b.Bytes()
}
