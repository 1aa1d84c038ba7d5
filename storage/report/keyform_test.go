package report

import (
	"bytes"
	"strings"
	"testing"
)

var testKey = KeyInfo{
	PublicKeyBase64: "q3L9m7G1bN0x8Zk4yW2vT5uR6sP1oE3iA9dC7fH2jK0=",
	KeyID:           "8d5e2b3a1c7f90e4d6b2a8c4e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6",
	Fingerprint:     fp,
}

func renderKeyForm(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderKeyForm(&buf, profile, testKey, genAt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestKeyForm(t *testing.T) {
	a, b := renderKeyForm(t), renderKeyForm(t)
	if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
		t.Fatal("key form not a reproducible PDF")
	}
	if n := pageCount(a); n != 1 {
		t.Fatalf("key form has %d pages, want 1", n)
	}
	if *keepOut != "" {
		writeOut(t, "keyform.pdf", a)
	}
	text := pdfText(t, a)
	for _, w := range []string{"FORMULIR PENDAFTARAN KUNCI PENANDATANGAN", "92819", "43959",
		testKey.PublicKeyBase64, "8d5e2b3a", "Tim Asesor Internal", "telepon", "NIP.", "cap dinas"} {
		if !strings.Contains(text, w) {
			t.Errorf("key form text lacks %q", w)
		}
	}
	got := decodeQR(t, a)
	want := "SPBEKEY1:DISKOMINFO:928195982644033599550618543959:" + strings.ToUpper(testKey.KeyID)
	if len(got) != 1 || got[0] != want {
		t.Errorf("QR decodes to %q, want %q", got, want)
	}
}

func TestKeyQRTextErrors(t *testing.T) {
	for _, c := range [][3]string{{"", fp, "ab"}, {"A:B", fp, "ab"}, {"X", "", "ab"}, {"X", fp, ""}} {
		if _, err := KeyQRText(c[0], c[1], c[2]); err == nil {
			t.Errorf("KeyQRText%q gave no error", c)
		}
	}
}
