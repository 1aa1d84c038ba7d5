package feedback

import (
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// The GUI refuses a long assessor name with the domain's limit before the
// feedback file would: both must say the same.
func TestAsesorNameLimitAgrees(t *testing.T) {
	if assessment.MaxAsesorNameRunes != MaxNameRunes {
		t.Errorf("assessment.MaxAsesorNameRunes = %d, feedback.MaxNameRunes = %d", assessment.MaxAsesorNameRunes, MaxNameRunes)
	}
}
