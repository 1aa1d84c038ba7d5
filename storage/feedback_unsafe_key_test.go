package storage

import (
	"context"
	"crypto/ed25519"
	"errors"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestTrustAssessorRefusesSmallOrderKey: a key anyone can forge
// signatures for (here the identity point) never becomes a trusted
// assessor key, however it arrives (issue 11, class 5).
func TestTrustAssessorRefusesSmallOrderKey(t *testing.T) {
	db := openTest(t)
	id := keys.IdentityOf(ed25519.PublicKey(append([]byte{1}, make([]byte, 31)...)), time.Time{})
	if _, err := db.TrustAssessor(context.Background(), id, "KUNCI_ASESOR.json", false); !errors.Is(err, keys.ErrUnsafePublicKey) {
		t.Fatalf("TrustAssessor = %v, want ErrUnsafePublicKey", err)
	}
	if list, err := db.TrustedAssessors(context.Background()); err != nil || len(list) != 0 {
		t.Fatalf("trusted: %v, %v", list, err)
	}
}
