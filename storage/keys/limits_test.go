package keys

import (
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// The GUI refuses a short passphrase with the domain's minimum before
// storage/keys refuses it with its own: both must say the same.
func TestPassphraseMinimumAgrees(t *testing.T) {
	if assessment.MinPassphraseLen != MinPassphraseLen {
		t.Errorf("assessment.MinPassphraseLen = %d, keys.MinPassphraseLen = %d", assessment.MinPassphraseLen, MinPassphraseLen)
	}
}
