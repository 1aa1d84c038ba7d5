package bundle

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

func testCert(t testing.TB) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "uji"},
		NotBefore: fixedTime, NotAfter: fixedTime.AddDate(1, 0, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// cmsLike nests cert where a CMS SignedData keeps it:
// SEQUENCE { OID, [0] { SEQUENCE { INTEGER, SET {}, SEQUENCE {}, [0] { cert } } } }.
func cmsLike(t testing.TB, cert []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier([]int{1, 2, 840, 113549, 1, 7, 2})
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1Int64(1)
				b.AddASN1(cbasn1.SET, func(*cryptobyte.Builder) {})
				b.AddASN1(cbasn1.SEQUENCE, func(*cryptobyte.Builder) {})
				b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddBytes(cert) })
			})
		})
	})
	out, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// signedLikeReport is a stand-in report whose "signature" /Contents holds
// the certificate like a PDF signature does, zero-padded, in uppercase hex
// broken over lines.
func signedLikeReport(t testing.TB, cert *x509.Certificate) RenderReport {
	h := strings.ToUpper(hex.EncodeToString(cmsLike(t, cert.Raw))) + strings.Repeat("0", 200)
	h = h[:40] + "\r\n" + h[40:]
	return func(info ReportInfo) ([]byte, string, error) {
		pdf := fmt.Appendf(nil, "%%PDF-1.7\n%% %s\n1 0 obj << /Type /Page /Contents 5 0 R >> endobj\n"+
			"9 0 obj << /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 1 2 3] /Contents <%s> >> endobj\n%%%%EOF\n",
			info.ContentDigest, h)
		return pdf, sha256Hex(cert.Raw), nil
	}
}

func TestCertScan(t *testing.T) {
	cert := testCert(t)
	pdf, sum, err := signedLikeReport(t, cert)(ReportInfo{ContentDigest: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []int{1, 3, 7, 4096} {
		s := newCertScan(sum)
		for i := 0; i < len(pdf); i += chunk {
			s.Write(pdf[i:min(i+chunk, len(pdf))])
		}
		if !s.found {
			t.Errorf("chunk %d: certificate not found", chunk)
		}
	}
	for name, doc := range map[string]string{
		"bare cert is not in a /Contents": "%PDF /Foo <" + hex.EncodeToString(cert.Raw) + ">",
		"other certificate":               "/Contents <" + hex.EncodeToString(cmsLike(t, testCert(t).Raw)) + ">",
		"indirect /Contents":              "/Contents 5 0 R " + hex.EncodeToString(cert.Raw),
		"truncated":                       "/Contents <" + hex.EncodeToString(cert.Raw[:len(cert.Raw)-1]) + ">",
	} {
		s := newCertScan(sum)
		s.Write([]byte(doc))
		if s.found {
			t.Errorf("%s: found", name)
		}
	}
}

func TestReportCertVerified(t *testing.T) {
	cert := testCert(t)
	in, _ := fixture(t)
	in.Report = signedLikeReport(t, cert)
	good := build(t, in)
	v, err := verifyBytes(good, withKey())
	if err != nil {
		t.Fatal(err)
	}
	if v.Manifest.Report.CertSHA256 != sha256Hex(cert.Raw) {
		t.Fatalf("cert_sha256 = %q", v.Manifest.Report.CertSHA256)
	}
	// Another certificate's hash, manifest properly re-signed: caught.
	other := sha256Hex(testCert(t).Raw)
	bad := pack(t, resign(t, unpack(t, good), false, func(m *Manifest) { m.Report.CertSHA256 = other }), "")
	_, err = verifyBytes(bad, withKey())
	assertCheck(t, err, EntryReport, CheckReportCert)
	// The unsigned report of the fixture names no certificate: nothing to check.
	in.Report = fakeReport
	if _, err := verifyBytes(build(t, in), withKey()); err != nil {
		t.Fatal(err)
	}
	// …but claiming one for it is caught.
	bad = pack(t, resign(t, unpack(t, build(t, in)), false, func(m *Manifest) { m.Report.CertSHA256 = other }), "")
	_, err = verifyBytes(bad, withKey())
	assertCheck(t, err, EntryReport, CheckReportCert)
}
