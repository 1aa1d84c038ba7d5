package storage

import (
	"context"
	"crypto/ed25519"
	"errors"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestTrustAsesorRefusesSmallOrderKey: a key anyone can forge
// signatures for (here the identity point) never becomes a trusted
// assessor key, however it arrives (issue 11, class 5).
func TestTrustAsesorRefusesSmallOrderKey(t *testing.T) {
	db := openTest(t)
	id := keys.IdentityOf(ed25519.PublicKey(append([]byte{1}, make([]byte, 31)...)), time.Time{})
	if _, err := db.TrustAsesor(context.Background(), id, "KUNCI_ASESOR.json", false); !errors.Is(err, keys.ErrUnsafePublicKey) {
		t.Fatalf("TrustAsesor = %v, want ErrUnsafePublicKey", err)
	}
	if list, err := db.TrustedAsesors(context.Background()); err != nil || len(list) != 0 {
		t.Fatalf("trusted: %v, %v", list, err)
	}
}
