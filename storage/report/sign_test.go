package report

import (
	"bytes"
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
