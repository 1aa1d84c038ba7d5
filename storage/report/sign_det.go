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
	oid, head, infos, err := readSignedData(cms)
	if err != nil {
		return nil, err
	}
	si, err := readSignerInfo(infos)
	if err != nil {
		return nil, err
	}
	attrBytes, err := withSigningTime(si.attrs, when)
	if err != nil {
		return nil, err
	}
	sig, err := signAttrs(key, attrBytes)
	if err != nil {
		return nil, err
	}
	return buildCMS(oid, head, si, attrBytes, sig)
}

// cmsUnknown is the refusal of every structure rewriteCMS does not expect.
func cmsUnknown(what string) error { return fmt.Errorf("CMS tidak dikenali: %s", what) }

// readSignedData splits a ContentInfo into its content type OID, the
// SignedData fields before signerInfos (verbatim) and the signerInfos SET.
func readSignedData(cms cryptobyte.String) (oid cryptobyte.String, head [][]byte, infos cryptobyte.String, err error) {
	var ci, wrap, sd cryptobyte.String
	if !cms.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1Element(&oid, cbasn1.OBJECT_IDENTIFIER) ||
		!ci.ReadASN1(&wrap, cbasn1.Tag(0).Constructed().ContextSpecific()) || !ci.Empty() ||
		!wrap.ReadASN1(&sd, cbasn1.SEQUENCE) || !wrap.Empty() {
		return nil, nil, nil, cmsUnknown("ContentInfo")
	}
	for !sd.Empty() {
		var el cryptobyte.String
		var tag cbasn1.Tag
		if !sd.ReadAnyASN1Element(&el, &tag) {
			return nil, nil, nil, cmsUnknown("SignedData")
		}
		if sd.Empty() {
			if tag != cbasn1.SET || !el.ReadASN1(&infos, cbasn1.SET) {
				return nil, nil, nil, cmsUnknown("signerInfos")
			}
			break
		}
		head = append(head, el)
	}
	return oid, head, infos, nil
}

// signerInfo is the one SignerInfo, its fields kept verbatim except the
// signed attributes (their content) and the signature being replaced.
type signerInfo struct {
	version, sid, digestAlg, attrs, sigAlg cryptobyte.String
	tail                                   []byte // unsigned attributes, if any, verbatim
}

var signedAttrsTag = cbasn1.Tag(0).Constructed().ContextSpecific()

func readSignerInfo(infos cryptobyte.String) (signerInfo, error) {
	var si, oldSig cryptobyte.String
	var s signerInfo
	if !infos.ReadASN1(&si, cbasn1.SEQUENCE) || !infos.Empty() {
		return s, cmsUnknown("harus tepat satu SignerInfo")
	}
	if !si.ReadASN1Element(&s.version, cbasn1.INTEGER) || !si.ReadASN1Element(&s.sid, cbasn1.SEQUENCE) ||
		!si.ReadASN1Element(&s.digestAlg, cbasn1.SEQUENCE) || !si.ReadASN1(&s.attrs, signedAttrsTag) ||
		!si.ReadASN1Element(&s.sigAlg, cbasn1.SEQUENCE) || !si.ReadASN1(&oldSig, cbasn1.OCTET_STRING) {
		return s, cmsUnknown("SignerInfo")
	}
	s.tail = []byte(si)
	return s, nil
}

// withSigningTime returns the signed attributes with the one signing-time
// set to when, in DER SET OF order.
func withSigningTime(attrs cryptobyte.String, when time.Time) ([]byte, error) {
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
			return nil, cmsUnknown("signedAttrs")
		}
		whole = attr
		if !whole.ReadASN1(&body, cbasn1.SEQUENCE) || !body.ReadASN1ObjectIdentifier(&aoid) {
			return nil, cmsUnknown("Attribute")
		}
		if aoid.Equal(oidSigningTime) {
			if attr, err = signingTimeAttr(newTime); err != nil {
				return nil, err
			}
			pinned++
		}
		list = append(list, attr)
	}
	if pinned != 1 {
		return nil, cmsUnknown(fmt.Sprintf("%d atribut signing-time", pinned))
	}
	slices.SortFunc(list, bytes.Compare) // DER SET OF order
	return bytes.Join(list, nil), nil
}

// signingTimeAttr is the signing-time Attribute holding the DER time.
func signingTimeAttr(derTime []byte) ([]byte, error) {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oidSigningTime)
		b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(derTime) })
	})
	return b.Bytes()
}

// signAttrs signs the attributes: the signature is over their DER as a
// SET OF, not over the [0] IMPLICIT form they are stored in.
func signAttrs(key *ecdsa.PrivateKey, attrBytes []byte) ([]byte, error) {
	var set cryptobyte.Builder
	set.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(attrBytes) })
	setDER, err := set.Bytes()
	if err != nil {
		return nil, err
	}
	digest := sha256.Sum256(setDER)
	return key.Sign(nil, digest[:], crypto.SHA256)
}

// buildCMS reassembles the ContentInfo with the new attributes and signature.
func buildCMS(oid cryptobyte.String, head [][]byte, si signerInfo, attrBytes, sig []byte) ([]byte, error) {
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
						b.AddBytes(si.version)
						b.AddBytes(si.sid)
						b.AddBytes(si.digestAlg)
						b.AddASN1(signedAttrsTag, func(b *cryptobyte.Builder) { b.AddBytes(attrBytes) })
						b.AddBytes(si.sigAlg)
						b.AddASN1OctetString(sig)
						b.AddBytes(si.tail)
					})
				})
			})
		})
	})
	return b.Bytes()
}
