package bundle

import (
	"context"
	"errors"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestExportRefusesUnusableProfileCode: a profile code saved by an older
// version that no bundle can carry ("dinas kominfo": the report's QR text
// refuses the space) is refused before a sequence number is taken, with
// the rule and where to fix it — not a failure inside the PDF.
func TestExportRefusesUnusableProfileCode(t *testing.T) {
	for _, kode := range []string{"dinas kominfo", "diskominfo", "DISK\u041eMINFO", "DISKOMINFO\u200b"} {
		e, log, snap, open := newExporter(t)
		snap.Profile.OPDKode = kode
		dir := t.TempDir()
		_, err := e.Export(context.Background(), snap, open, dir, nil)
		var be *Error
		var ie *assessment.IdentityError
		if !errors.As(err, &be) || be.Check != CheckInput || !errors.As(err, &ie) {
			t.Fatalf("%q: %v, want a CheckInput error with the identity rule", kode, err)
		}
		if seq, _ := e.Keys.LastSequence(e.Key.KeyID); seq != 0 || len(log.records) != 0 {
			t.Errorf("%q: a refused export took sequence %d", kode, seq)
		}
		assertOnly(t, dir)
	}
}
