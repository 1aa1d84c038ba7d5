package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func TestWriteVerify(t *testing.T) {
	in, _ := fixture(t)
	b := build(t, in)
	v, err := verifyBytes(b, withKey())
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	m := v.Manifest
	if !v.SignerKnown || v.Signer.KeyID != m.Signer.KeyID || m.OPD.Kode != "DISKOMINFO" || m.Periode != 2026 || m.Sequence != 3 {
		t.Fatalf("verified %+v", v)
	}
	if len(m.Files) != 5 { // answers, report, 3 distinct evidence
		t.Fatalf("files %+v", m.Files)
	}
	if m.Signer.Fingerprint != keys.Fingerprint(testKey.Public().(ed25519.PublicKey)) {
		t.Fatal("fingerprint")
	}
	if len(v.Answers.Answers) < 2 || len(v.Answers.Answers[0].Evidence) != 2 || v.Answers.Score.Answered < 2 {
		t.Fatalf("answers %+v", v.Answers)
	}
	if v.Answers.Score.Index == "" || v.Answers.Score.Complete {
		t.Fatalf("score %+v", v.Answers.Score)
	}
}

func TestEntryLayout(t *testing.T) {
	in, _ := fixture(t)
	b := build(t, in)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		wantMethod := zip.Deflate
		if f.Name == EntryReport || strings.HasPrefix(f.Name, evidenceDir) {
			wantMethod = zip.Store
		}
		if f.Method != wantMethod || !f.Modified.Equal(entryTime) || !ValidEntryName(f.Name) {
			t.Errorf("%s: method %d modified %v", f.Name, f.Method, f.Modified)
		}
	}
	want := []string{EntryManifest, EntrySignature, EntryAnswers, EntryReport,
		"evidence/", "evidence/", "evidence/"}
	for i := range want {
		if i >= len(names) || !strings.HasPrefix(names[i], want[i]) {
			t.Fatalf("entry order %v", names)
		}
	}
	if zr.Comment != "" {
		t.Fatal("comment written")
	}
	for _, n := range names[4:] {
		if strings.Contains(n, "..") || strings.Contains(n, "passwd") && !strings.HasSuffix(n, "-etc-passwd") && !strings.HasSuffix(n, "-passwd") {
			t.Errorf("unsafe evidence name %q", n)
		}
	}
}

func TestReproducible(t *testing.T) {
	in1, _ := fixture(t)
	in2, _ := fixture(t)
	a, b := build(t, in1), build(t, in2)
	if !bytes.Equal(a, b) {
		t.Fatal("same inputs and key gave different bundles")
	}
	in2.Sequence++
	if bytes.Equal(a, build(t, in2)) {
		t.Fatal("different sequence gave the same bundle")
	}
}

func TestUnknownSigner(t *testing.T) {
	in, _ := fixture(t)
	v, err := verifyBytes(build(t, in), Options{})
	if err != nil {
		t.Fatalf("Verify without keys: %v", err)
	}
	if v.SignerKnown {
		t.Fatal("signer reported known without keys")
	}
}

func TestOtherKeyIsDifferentKey(t *testing.T) {
	in, _ := fixture(t)
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)).Public().(ed25519.PublicKey)
	_, err := verifyBytes(build(t, in), Options{Keys: []ed25519.PublicKey{other}})
	assertCheck(t, err, "manifest.sig.json", CheckSigner)
}

func TestEvidenceChangedInStore(t *testing.T) {
	in, store := fixture(t)
	sha := in.Snapshot.Evidence[0].Blob.SHA256
	store[sha] = []byte("SK Kepala Dinas tentang Arsitektur SPBF") // same size, other bytes
	var buf bytes.Buffer
	_, err := Write(context.Background(), &buf, in, testKey)
	var e *Error
	if !errors.As(err, &e) || e.Check != CheckEvidence || !strings.HasPrefix(e.Entry, "evidence/"+sha[:16]) {
		t.Fatalf("Write with changed blob: %v", err)
	}
}

func TestSanitiseName(t *testing.T) {
	for in, want := range map[string]string{
		"SK Arsitektur SPBE (final).pdf":  "sk-arsitektur-spbe-final-.pdf",
		"../../etc/passwd":                "passwd",
		`C:\Users\x\Foto Rapat.JPG`:       "foto-rapat.jpg",
		"Laporan Ümum.docx":               "laporan-mum.docx",
		".hidden":                         "hidden",
		"":                                "berkas",
		"بيانات":                          "berkas",
		strings.Repeat("a", 200) + ".pdf": strings.Repeat("a", 77) + ".pdf",
	} {
		got := SanitiseName(in)
		if got != want {
			t.Errorf("SanitiseName(%q) = %q, want %q", in, got, want)
		}
		if !ValidEntryName("evidence/0123456789abcdef-" + got) {
			t.Errorf("%q not whitelisted", got)
		}
	}
}

func assertCheck(t *testing.T, err error, entry string, check Check) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want *Error %s at %q, got %v", check, entry, err)
	}
	if e.Check != check || (entry != "*" && e.Entry != entry) {
		t.Fatalf("got check %s at %q (%v), want %s at %q", e.Check, e.Entry, err, check, entry)
	}
	if e.Error() == "" {
		t.Fatal("empty message")
	}
}
