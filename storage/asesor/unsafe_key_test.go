package asesor

import (
	"context"
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestAddKeyRefusesSmallOrderKey: `keys add` of a public key file with the
// identity point (under which R = identity, S = 0 verifies any bundle)
// registers nothing, from a file or as an identity (issue 11, class 5).
func TestAddKeyRefusesSmallOrderKey(t *testing.T) {
	w := openWS(t)
	id := keys.IdentityOf(ed25519.PublicKey(append([]byte{1}, make([]byte, 31)...)), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	path := filepath.Join(t.TempDir(), "KUNCI_PUBLIK_DISKOMINFO.json")
	if err := os.WriteFile(path, keys.MarshalPublic(id), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.AddKeyFile(context.Background(), path, "DISKOMINFO"); !errors.Is(err, keys.ErrUnsafePublicKey) {
		t.Fatalf("AddKeyFile = %v", err)
	}
	var ie *InputError
	if _, _, err := w.AddKey(context.Background(), id, "gui", "DISKOMINFO"); !errors.As(err, &ie) {
		t.Fatalf("AddKey = %v", err)
	}
	if list, err := w.Keys(context.Background()); err != nil || len(list) != 0 {
		t.Fatalf("registry: %v, %v", list, err)
	}
}
