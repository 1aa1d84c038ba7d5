package export

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
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
