package assessment_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// FuzzPortalFileNames: whatever original names and item codes arrive
// (from an OPD's PC or, on the assessor's side, from a bundle), every
// file of the package gets a safe local name of bounded length, with its
// indicator's prefix, unique in its folder ignoring case.
func FuzzPortalFileNames(f *testing.F) {
	for _, s := range []struct{ a, b, items string }{
		{"SK Tim.pdf", "sk tim.PDF", "I1-L1-01"},
		{`C:\Users\x\nul.pdf`, "../../etc/passwd", "I1-L1-02,I1-L2-01"},
		{"a:b?.pdf. ", strings.Repeat("panjang", 40) + ".docx", "I4-L1-01,rubbish,I1-L9-01"},
		{"", "..", ""},
		{"\x00\xff.pdf", "CON", "I1-L1-00,I1-L1-01"},
		{strings.Repeat("😀", 70) + ".pdf", strings.Repeat("文", 70) + ".文文文文文文文文文文", "I1-L1-01"},
	} {
		f.Add(s.a, s.b, s.items)
	}
	cat := catfixV2(f)
	f.Fuzz(func(t *testing.T, a, b, items string) {
		codes := strings.Split(items, ",")
		evs := []assessment.Evidence{ev(1, 1, a, "x", 1, codes...), ev(2, 1, b, "y", 2, codes...), ev(3, 1, a, "z", 0)}
		p, err := assessment.PlanPortalPackage(assessment.Snapshot{Catalog: cat, Evidence: evs})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, fl := range p.Indicators[0].Files {
			n := fl.Name
			if assessment.LocalFileName(n, "") != n || strings.ContainsAny(n, `/\`) || !utf8.ValidString(n) {
				t.Errorf("unsafe name %q", n)
			}
			if !strings.HasPrefix(n, "I01-L") || utf8.RuneCountInString(n) > 80 || len(n) > 255 {
				t.Errorf("name %q lacks the prefix or is too long", n)
			}
			if seen[strings.ToLower(n)] {
				t.Errorf("name %q twice", n)
			}
			seen[strings.ToLower(n)] = true
		}
	})
}
