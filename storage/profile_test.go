package storage

import (
	"errors"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestSaveProfileOPDCodeRule: the profile holds only codes export can use
// (today "dinas kominfo" saved, then every export failed in the QR text),
// stored canonical.
func TestSaveProfileOPDCodeRule(t *testing.T) {
	db := openTest(t)
	p := assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "dinas kominfo", OPDNama: "Dinas Komunikasi", Operator: "Rina"}
	for _, kode := range []string{"dinas kominfo", "DISK\u041eMINFO", "DISKOMINFO\u200b", "DISKO\u00a0MINFO", "DINAS_KOMINFO"} {
		p.OPDKode = kode
		var ie *assessment.IdentityError
		if err := db.SaveProfile(t.Context(), p); !errors.As(err, &ie) {
			t.Errorf("%q saved: %v", kode, err)
		}
	}
	if _, err := db.Profile(t.Context()); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("a refused profile was stored: %v", err)
	}
	p.OPDKode = " diskominfo "
	if err := db.SaveProfile(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Profile(t.Context()); err != nil || got.OPDKode != "DISKOMINFO" {
		t.Fatalf("stored %q, %v; want the canonical DISKOMINFO", got.OPDKode, err)
	}
}
