package main

import (
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// The GUI refuses a short passphrase with the domain's minimum before
// storage/keys refuses it with its own: both must say the same.
func TestPassphraseMinimumAgrees(t *testing.T) {
	if assessment.MinPassphraseLen != keys.MinPassphraseLen {
		t.Errorf("assessment.MinPassphraseLen = %d, keys.MinPassphraseLen = %d", assessment.MinPassphraseLen, keys.MinPassphraseLen)
	}
}

// The GUI refuses a long assessor name with the domain's limit before the
// feedback file would: both must say the same.
func TestAsesorNameLimitAgrees(t *testing.T) {
	if assessment.MaxAsesorNameRunes != feedback.MaxNameRunes {
		t.Errorf("assessment.MaxAsesorNameRunes = %d, feedback.MaxNameRunes = %d", assessment.MaxAsesorNameRunes, feedback.MaxNameRunes)
	}
}
