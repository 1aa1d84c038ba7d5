package asesorsvc

import (
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestConsolidatedOPDs: the letterhead takes the name most counted OPDs
// gave (ties: the lowest code's), lists every variant when they differ,
// ignores a revoked key's bundle for the name, and marks it excluded.
func TestConsolidatedOPDs(t *testing.T) {
	recap := []assessment.RecapRow{
		{OPDKode: "A", Instansi: "Pemkab Sigi", Periode: 2025, Conflicts: 1},
		{OPDKode: "B", Instansi: "Pemerintah Kabupaten Sigi", Periode: 2025},
		{OPDKode: "C", Instansi: "Pemerintah Kabupaten Sigi", Periode: 2025},
		{OPDKode: "D", Instansi: "Pemkab Sigi", Periode: 2025},
		{OPDKode: "E", Instansi: "Kabupaten Palsu", Periode: 2025},
		{OPDKode: "F", Instansi: "Lain", Periode: 2024},
	}
	opds, name, variants := ConsolidatedOPDs(recap, 2025, []string{"E"})
	if len(opds) != 5 || !opds[4].Excluded || opds[0].Excluded || opds[0].Conflicts != 1 {
		t.Fatalf("opds %+v", opds)
	}
	if name != "Pemkab Sigi" || len(variants) != 2 || variants[0].Name != "Pemkab Sigi" || strings.Join(variants[0].OPDs, ",") != "A,D" ||
		strings.Join(variants[1].OPDs, ",") != "B,C" {
		t.Errorf("name %q, variants %+v", name, variants)
	}
	_, name, variants = ConsolidatedOPDs(recap[1:3], 2025, nil)
	if name != "Pemerintah Kabupaten Sigi" || variants != nil {
		t.Errorf("agreeing OPDs: %q %+v", name, variants)
	}
}

func TestFileSafe(t *testing.T) {
	for in, want := range map[string]string{"DISKOMINFO": "DISKOMINFO", "../x": "___x", "": "OPD", "a b": "a_b"} {
		if got := fileSafe(in); got != want {
			t.Errorf("fileSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
