package export

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// The OPD's public key goes on the stick beside each bundle, for the
// assessor to register; another key's file of the same OPD is kept.
func TestWriteOPDPublicKey(t *testing.T) {
	dir := t.TempDir()
	k1, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	p1, err := WriteOPDPublicKey(dir, "dinkes kab.", k1.Identity)
	if err != nil || filepath.Base(p1) != "KUNCI_PUBLIK_DINKES-KAB.json" {
		t.Fatalf("first key: %q %v", p1, err)
	}
	if again, err := WriteOPDPublicKey(dir, "dinkes kab.", k1.Identity); err != nil || again != p1 {
		t.Fatalf("same key again: %q %v", again, err)
	}
	k2, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	p2, err := WriteOPDPublicKey(dir, "dinkes kab.", k2.Identity)
	if err != nil || p2 == p1 || !strings.Contains(filepath.Base(p2), k2.KeyID[:8]) {
		t.Fatalf("second key: %q %v", p2, err)
	}
	for p, want := range map[string]string{p1: k1.KeyID, p2: k2.KeyID} {
		if id, err := keys.ReadPublic(p); err != nil || id.KeyID != want {
			t.Errorf("%s holds %s (%v), want %s", p, id.KeyID, err, want)
		}
	}
}

func writeBundle(t *testing.T, in bundle.Input, key *keys.Key) []byte {
	t.Helper()
	r := SignedReport(key)
	in.Report = func(info bundle.ReportInfo) ([]byte, string, error) { return r(in.Snapshot, info) }
	var buf bytes.Buffer
	if _, err := bundle.Write(context.Background(), &buf, in, key.Private()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSignedReportBundle: the exported bundle's report.pdf carries a valid
// PDF signature whose certificate the manifest names, and the same inputs
// and key give the same bundle bytes (also after unlocking the key again,
// a second later).
func TestSignedReportBundle(t *testing.T) {
	kd := keys.Open(t.TempDir())
	pass := []byte("frasa sandi uji")
	key, err := kd.Create(pass, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	in := exporttest.Input(t)
	first := writeBundle(t, in, key)
	time.Sleep(1100 * time.Millisecond)
	again, err := kd.Unlock(pass)
	if err != nil {
		t.Fatal(err)
	}
	second := writeBundle(t, in, again)
	if !bytes.Equal(first, second) {
		t.Fatal("same inputs and key gave different bundles")
	}

	v, err := bundle.Verify(bytes.NewReader(first), int64(len(first)), bundle.Options{Keys: []ed25519.PublicKey{key.PublicKey}})
	if err != nil {
		t.Fatal(err)
	}
	certHash := v.Manifest.Report.CertSHA256
	if len(certHash) != 64 {
		t.Fatalf("cert_sha256 = %q", certHash)
	}
	// The manifest names the certificate of the key derived from the
	// installation key (and Verify found it in the PDF's /Contents).
	pk, err := key.PDFSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	cert, err := report.SigningCert(pk, "Dinas Komunikasi dan Informatika (SPBE Mandiri)", "Pemerintah Kabupaten Sigi", key.CreatedAt)
	if err != nil {
		t.Fatal(err)
	}
	if report.CertSHA256(cert) != certHash {
		t.Fatalf("cert_sha256 %s, certificate of the derived key %s", certHash, report.CertSHA256(cert))
	}
	pdf := zipEntry(t, first, bundle.EntryReport)
	if !bytes.Contains(pdf, []byte(hex.EncodeToString(cert.Raw))) {
		t.Fatal("certificate DER not in report.pdf")
	}
	pdfsig, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig not installed")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(pdfsig, path).CombinedOutput()
	t.Log(string(out))
	s := string(out)
	for _, want := range []string{"Signature is Valid.", "Total document signed", "adbe.pkcs7.detached",
		"Common Name: Dinas Komunikasi dan Informatika (SPBE Mandiri)", "Signing Time: May 04 2026 03:02:01"} {
		if !strings.Contains(s, want) {
			t.Errorf("pdfsig output lacks %q", want)
		}
	}
}

func zipEntry(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Class 2 of issue 11: a stick can carry a symlink under the temp name an
// earlier writer used (.NAME.partial, opened with O_TRUNC and followed);
// the write then went into the file the link points to, outside the
// stick. The one writer opens a random name with O_EXCL|O_NOFOLLOW.
func TestPlantedPartialSymlinkCannotRedirect(t *testing.T) {
	stick := t.TempDir()
	victim := filepath.Join(t.TempDir(), "dokumen-penting.txt")
	os.WriteFile(victim, []byte("isi asli"), 0o644)
	for _, n := range []string{".KUNCI_PUBLIK_DISKOMINFO.json.partial", ".KUNCI_PUBLIK_DISKOMINFO.json.tmp"} {
		if err := os.Symlink(victim, filepath.Join(stick, n)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	k, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	path, err := WriteOPDPublicKey(stick, "DISKOMINFO", k.Identity)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(mustRead(t, victim)); got != "isi asli" {
		t.Fatalf("the planted link redirected the write: the file outside now holds %q", got)
	}
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("%s is not a plain file: %v", path, err)
	}
	if id, err := keys.ReadPublic(path); err != nil || id.KeyID != k.KeyID {
		t.Fatalf("public key file: %v", err)
	}
}
