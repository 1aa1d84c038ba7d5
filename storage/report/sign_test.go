package report

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestSignPdfsig(t *testing.T) {
	unsigned := render(t, spbeSnapshot(t), testFooter)
	key, cert, err := NewSigningCert("Operator DISKOMINFO Kabupaten Sigi", genAt)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := Sign(unsigned, key, cert, genAt, profile.Operator)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(signed, unsigned) {
		t.Fatal("signed PDF does not start with the unsigned bytes (not an incremental update)")
	}
	if len(CertSHA256(cert)) != 64 {
		t.Errorf("CertSHA256 = %q", CertSHA256(cert))
	}
	bin := tool(t, "pdfsig")
	out, _ := exec.Command(bin, writeTemp(t, "signed.pdf", signed)).CombinedOutput()
	s := string(out)
	t.Log(s)
	if !strings.Contains(s, "Signature is Valid.") {
		t.Fatalf("pdfsig:\n%s", s)
	}
	if !strings.Contains(s, "Signature Type: adbe.pkcs7.detached") {
		t.Errorf("pdfsig:\n%s", s)
	}
	if !strings.Contains(s, "Total document signed") {
		t.Errorf("signature does not cover the whole document:\n%s", s)
	}
}

func TestSignRejectsGarbage(t *testing.T) {
	key, cert, err := NewSigningCert("x", genAt)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range [][]byte{nil, []byte("%PDF-1.4\nnot really"), []byte("hello")} {
		if _, err := Sign(in, key, cert, genAt, "x"); err == nil {
			t.Errorf("Sign(%q) gave no error", in)
		}
	}
	if _, err := Sign([]byte("%PDF"), nil, nil, genAt, "x"); err == nil {
		t.Error("Sign without key gave no error")
	}
}

// TestSignTwice shows that the approval signature leaves room for a later
// one (an official TTE): both verify, the first over its revision.
func TestSignTwice(t *testing.T) {
	key, cert, err := NewSigningCert("Operator", genAt)
	if err != nil {
		t.Fatal(err)
	}
	once, err := Sign(render(t, spbeSnapshot(t), testFooter), key, cert, genAt, "Operator")
	if err != nil {
		t.Fatal(err)
	}
	key2, cert2, err := NewSigningCert("Kepala Dinas", genAt)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Sign(once, key2, cert2, genAt.Add(time.Hour), "Kepala Dinas")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(tool(t, "pdfsig"), writeTemp(t, "twice.pdf", twice)).CombinedOutput()
	if n := strings.Count(string(out), "Signature is Valid."); n != 2 {
		t.Fatalf("%d valid signatures, want 2:\n%s", n, out)
	}
}

// fixedPDFKey is a fixed P-256 key (any scalar below n will do).
func fixedPDFKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), bytes.Repeat([]byte{0x42}, 32))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestSignReproducible: same PDF, key, certificate inputs and time give
// the same signed bytes, and the CMS signing time is when, not the clock.
func TestSignReproducible(t *testing.T) {
	unsigned := render(t, spbeSnapshot(t), testFooter)
	sign := func() ([]byte, *x509.Certificate) {
		key := fixedPDFKey(t)
		cert, err := SigningCert(key, "Dinas Komunikasi dan Informatika (SPBE Mandiri)", "Pemerintah Kabupaten Sigi", genAt.AddDate(0, -1, 0))
		if err != nil {
			t.Fatal(err)
		}
		signed, err := Sign(unsigned, key, cert, genAt, profile.Operator)
		if err != nil {
			t.Fatal(err)
		}
		return signed, cert
	}
	a, certA := sign()
	time.Sleep(1100 * time.Millisecond) // the library's clock moves on
	b, certB := sign()
	if !bytes.Equal(certA.Raw, certB.Raw) {
		t.Fatal("SigningCert is not deterministic")
	}
	if !bytes.Equal(a, b) {
		t.Fatal("Sign is not byte-reproducible")
	}
	if !bytes.HasPrefix(a, unsigned) {
		t.Fatal("not an incremental update")
	}
	contents, err := signatureContents(a, len(unsigned))
	if err != nil {
		t.Fatal(err)
	}
	der, err := hex.DecodeString(string(contents))
	if err != nil {
		t.Fatal(err)
	}
	st, _ := asn1.Marshal(genAt.UTC())
	if !bytes.Contains(der, append([]byte{0x31, byte(len(st))}, st...)) {
		t.Errorf("CMS signing time is not %s", genAt.UTC())
	}
	if !bytes.Contains(der, certA.Raw) {
		t.Error("certificate not in the CMS")
	}
	if certA.Subject.CommonName != "Dinas Komunikasi dan Informatika (SPBE Mandiri)" ||
		certA.Subject.Organization[0] != "Pemerintah Kabupaten Sigi" || !certA.NotAfter.Equal(certA.NotBefore.AddDate(10, 0, 0)) {
		t.Errorf("certificate %+v", certA.Subject)
	}
	if err := certA.CheckSignature(certA.SignatureAlgorithm, certA.RawTBSCertificate, certA.Signature); err != nil {
		t.Errorf("self-signature: %v", err)
	}
	out, _ := exec.Command(tool(t, "pdfsig"), writeTemp(t, "det.pdf", a)).CombinedOutput()
	t.Log(string(out))
	if !strings.Contains(string(out), "Signature is Valid.") {
		t.Fatalf("pdfsig:\n%s", out)
	}
}
