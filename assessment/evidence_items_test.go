package assessment

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// pemdiForTest is the embedded Pemdi 2026 catalog (items on I1–I4, I5
// valued by Indeks SDI on 0–100).
func pemdiForTest(t testing.TB) *Catalog {
	t.Helper()
	b, err := os.ReadFile("../assets/catalogs/pemdi-2026.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalog("pemdi-2026.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCheckItemLinks(t *testing.T) {
	c := pemdiForTest(t)
	for _, tc := range []struct {
		name      string
		indicator int
		codes     []string
		want      string // joined result, or the error text expected
		err       bool
	}{
		{"sorted and deduplicated", 4, []string{"I4-L2-01", "I4-L1-02", "I4-L1-02"}, "I4-L1-02,I4-L2-01", false},
		{"lower case and spaces", 4, []string{" i4-l1-01 "}, "I4-L1-01", false},
		{"none clears", 4, nil, "", false},
		{"blank entries ignored", 4, []string{"", " "}, "", false},
		{"another indicator", 4, []string{"I1-L1-01"}, "milik indikator 1, bukan indikator 4", true},
		{"not in the catalog", 4, []string{"I4-L5-01"}, "tidak ada di katalog", true},
		{"malformed", 4, []string{"I4-L1-2"}, "bukan kode butir bukti", true},
		{"level 6", 4, []string{"I4-L6-01"}, "bukan kode butir bukti", true},
		{"item 00", 4, []string{"I4-L1-00"}, "bukan kode butir bukti", true},
		{"unknown indicator", 99, []string{"I99-L1-01"}, "indikator 99 tidak ada", true},
	} {
		got, err := CheckItemLinks(c, tc.indicator, tc.codes)
		var ie *InputError
		switch {
		case tc.err && (!errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want InputError with %q", tc.name, err, tc.want)
		case !tc.err && (err != nil || strings.Join(got, ",") != tc.want):
			t.Errorf("%s: got %v, %v, want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestCanonicalScore(t *testing.T) {
	sdi := ValuedBy{Index: "Indeks SDI", ScaleMin: "0", ScaleMax: "100"}
	for _, tc := range []struct {
		in, want string
		err      bool
	}{
		{"25", "25", false},
		{"68,75", "68.75", false},
		{"068.750", "68.75", false},
		{"100", "100", false},
		{"0", "0", false},
		{"25,0", "25", false},
		{" 12.5 ", "12.5", false},
		{"100,01", "", true},
		{"-1", "", true},
		{"2e1", "", true},
		{"", "", true},
		{"5/2", "", true},
	} {
		got, err := CanonicalScore(sdi, tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("CanonicalScore(%q) = %q, %v; want %q (error %v)", tc.in, got, err, tc.want, tc.err)
		}
		if err == nil && !WellFormedScore(got) {
			t.Errorf("CanonicalScore(%q) = %q is not WellFormedScore", tc.in, got)
		}
	}
	// Without a scale in the catalog any plain decimal is taken.
	if got, err := CanonicalScore(ValuedBy{Index: "X"}, "450"); err != nil || got != "450" {
		t.Errorf("no scale: %q, %v", got, err)
	}
}

func TestWellFormedScore(t *testing.T) {
	for s, want := range map[string]bool{
		"25": true, "68.75": true, "0": true, "0.5": true, "100": true,
		"25.0": false, "025": false, "25,5": false, "": false, "-1": false, "1e2": false, ".5": false, "1.": false,
	} {
		if WellFormedScore(s) != want {
			t.Errorf("WellFormedScore(%q) = %v", s, !want)
		}
	}
}

func TestCheckExternal(t *testing.T) {
	c := pemdiForTest(t)
	got, err := CheckExternal(c, 5, ExternalScore{Score: "25,00", Year: 2025})
	if err != nil || got != (ExternalScore{Score: "25", Year: 2025}) {
		t.Errorf("I5: %+v, %v", got, err)
	}
	for _, tc := range []struct {
		n    int
		e    ExternalScore
		want string
	}{
		{4, ExternalScore{Score: "25"}, "tidak dinilai dari indeks instansi lain"},
		{5, ExternalScore{Score: "25", Year: 1999}, "tahun skor 1999"},
		{5, ExternalScore{Score: "120"}, "di luar skala"},
	} {
		if _, err := CheckExternal(c, tc.n, tc.e); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("I%d %+v: %v, want %q", tc.n, tc.e, err, tc.want)
		}
	}
}

func TestFormatHistoryTexts(t *testing.T) {
	if got := FormatExternal(&ExternalScore{Score: "25", Year: 2025}); got != "25 (2025)" {
		t.Errorf("FormatExternal = %q", got)
	}
	if got := FormatExternal(&ExternalScore{Score: "25"}); got != "25" {
		t.Errorf("FormatExternal without year = %q", got)
	}
	if got := FormatItemLinks(7, nil); got != "#7 butir: –" {
		t.Errorf("FormatItemLinks(none) = %q", got)
	}
	if got := SplitItemCodes("I4-L1-01, I4-L1-02;I4-L2-01"); strings.Join(got, "|") != "I4-L1-01|I4-L1-02|I4-L2-01" {
		t.Errorf("SplitItemCodes = %q", got)
	}
}

func TestAnswerValues(t *testing.T) {
	c := pemdiForTest(t)
	sdi := func(s string) *ExternalScore { return &ExternalScore{Score: s, Year: 2025} }
	got := AnswerValues(c, []Answer{
		{Indicator: 4, Level: 3},
		{Indicator: 5, External: sdi("25")},               // converted: 2
		{Indicator: 18, Level: 4, External: sdi("68.75")}, // the score wins over a level: 3.75
		{Indicator: 6, Level: 2},                          // no score: the level chosen earlier stays
		{Indicator: 7},                                    // nothing: left to the headline rule
		{Indicator: 1, External: sdi("25")},               // not externally valued: no value from a score
		{Indicator: 99, Level: 3},                         // not in the catalog
	})
	want := map[int]string{4: "3", 5: "2", 18: "15/4", 6: "2"}
	if len(got) != len(want) {
		t.Errorf("values %v, want %v", got, want)
	}
	for n, w := range want {
		if got[n] == nil || got[n].RatString() != w {
			t.Errorf("I%d = %v, want %s", n, got[n], w)
		}
	}
}
