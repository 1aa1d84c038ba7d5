package assessment_test

import (
	"encoding/json"
	"math/big"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// catfixV2Path is minimal.json in format version 2: items on indicator 1,
// an imported SDI-like index on indicator 3 (the Modul's SDI bands),
// IKASANDI-like ranges on indicator 4, the missing-as-1 headline rule.
const catfixV2Path = "../testdata/catalogs/minimal-v2.json"

func catfixV2(t testing.TB) *assessment.Catalog {
	t.Helper()
	b, err := os.ReadFile(catfixV2Path)
	if err != nil {
		t.Fatal(err)
	}
	var c assessment.Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// An index known by name only (no scale, no conversion, like EPSS/IPS in
// the Pemdi catalog) is valid; Convert then says the conversion is unknown.
func TestValuedByNameOnly(t *testing.T) {
	c := catfixV2(t)
	v := vb(c, 3)
	v.ScaleMin, v.ScaleMax, v.Conversion = "", "", nil
	if _, err := assessment.ParseCatalog("v2.json", catfixEncode(t, c)); err != nil {
		t.Fatal(err)
	}
	if _, err := assessment.Convert(*v, big.NewRat(3, 1)); err == nil || !strings.Contains(err.Error(), "tidak diketahui") {
		t.Errorf("Convert without a conversion: %v", err)
	}
}

func TestV2FixtureIsValid(t *testing.T) {
	b, err := os.ReadFile(catfixV2Path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("minimal-v2.json", b)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := c.Indicator(1)
	if got := in.Level(1).Items; len(got) != 2 || got[0].Code != "I1-L1-01" || got[0].Source != assessment.FromSecondary || !got[1].Missing() {
		t.Errorf("items %+v", got)
	}
}

// A v1 catalog without the new fields keeps its canonical bytes, so the
// sha256 pinned by assessments started on it does not move.
func TestV1CanonicalBytesUnchanged(t *testing.T) {
	c, err := assessment.ParseCatalog("minimal.json", catfixBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	canon, _ := assessment.CanonicalBytes(c)
	for _, k := range []string{"evidence_items", "score_range", "valued_by", "notes", "provisional_index"} {
		if strings.Contains(string(canon), k) {
			t.Errorf("canonical bytes of a v1 catalog contain %q", k)
		}
	}
}

func sdi(t *testing.T) assessment.ValuedBy {
	t.Helper()
	in, _ := catfixV2(t).Indicator(3)
	return *in.ValuedBy
}

func TestConvertSDI(t *testing.T) {
	vb := sdi(t)
	for _, tc := range []struct{ score, want string }{
		{"25", "2"},       // Modul I5 worked example: SDI 25 → 2,00
		{"68.75", "3.75"}, // Modul I5 worked example: SDI 68,75 → 3,75
		{"0", "1"},        // ≤12,5 → 1–1,5: the band's edges
		{"12.5", "1.5"},
		{"6.25", "1.25"},
		{"37.5", "2.5"},
		{"62.5", "3.5"},
		{"75", "4"},
		{"87.5", "4.5"},
		{"100", "5"},
		{"1", "1.04"},
	} {
		score, _ := new(big.Rat).SetString(tc.score)
		got, err := assessment.Convert(vb, score)
		if err != nil {
			t.Errorf("SDI %s: %v", tc.score, err)
			continue
		}
		if want, _ := new(big.Rat).SetString(tc.want); got.Cmp(want) != 0 {
			t.Errorf("SDI %s → %s, want %s", tc.score, got.FloatString(4), tc.want)
		}
	}
	if got, err := assessment.ConvertText(vb, "68,75"); err != nil || assessment.FormatDecimal(got) != "3,75" {
		t.Errorf("ConvertText 68,75 = %v, %v", got, err)
	}
}

func TestConvertRefuses(t *testing.T) {
	vb := sdi(t)
	for _, s := range []string{"-1", "100.01", "1000"} {
		score, _ := new(big.Rat).SetString(s)
		if _, err := assessment.Convert(vb, score); err == nil || !strings.Contains(err.Error(), "di luar skala") {
			t.Errorf("SDI %s: %v, want off-scale error", s, err)
		}
	}
	for _, s := range []string{"", "abc", "1e3", "25/2"} {
		if _, err := assessment.ConvertText(vb, s); err == nil {
			t.Errorf("ConvertText %q accepted", s)
		}
	}
	vb.Conversion = nil
	if _, err := assessment.Convert(vb, big.NewRat(25, 1)); err == nil || !strings.Contains(err.Error(), "tidak diketahui") {
		t.Errorf("no conversion: %v", err)
	}
	if _, err := assessment.Convert(vb, nil); err == nil {
		t.Error("nil score accepted")
	}
}

func TestParseItemCode(t *testing.T) {
	for _, tc := range []struct {
		code       string
		n, l, item int
		ok         bool
	}{
		{"I4-L1-02", 4, 1, 2, true},
		{"I20-L1-04", 20, 1, 4, true},
		{"I12-L2-01", 12, 2, 1, true},
		{"I4-L1-00", 4, 1, 0, false},
		{"I4-L6-01", 0, 0, 0, false},
		{"I04-L1-02", 0, 0, 0, false},
		{"I4-L1-2", 0, 0, 0, false},
		{"i4-l1-02", 0, 0, 0, false},
		{"I4-L1-02 ", 0, 0, 0, false},
	} {
		n, l, item, ok := assessment.ParseItemCode(tc.code)
		if ok != tc.ok || (ok && (n != tc.n || l != tc.l || item != tc.item)) {
			t.Errorf("%q → %d %d %d %v", tc.code, n, l, item, ok)
		}
	}
}

func TestCascade(t *testing.T) {
	A, R, P := assessment.ItemAccepted, assessment.ItemRejected, assessment.ItemPending
	it := func(code string, l int, s assessment.ItemStatus) assessment.ItemState {
		return assessment.ItemState{Code: code, Level: l, Status: s}
	}
	for _, tc := range []struct {
		name     string
		items    []assessment.ItemState
		level    int
		rejected int
		auto     []string
	}{
		{"nothing", nil, 0, 0, nil},
		// Portal: I4-L1-02 revisi → I4-L2-02 "Otomatis ditolak".
		{"I4 stage 1", []assessment.ItemState{it("I4-L1-01", 1, A), it("I4-L1-02", 1, R), it("I4-L1-03", 1, A), it("I4-L2-02", 2, A)}, 0, 1, []string{"I4-L2-02"}},
		// Portal: I12-L1-02 belum diunggah → I12-L2-01 "Otomatis ditolak".
		{"I12 stage 1", []assessment.ItemState{it("I12-L1-01", 1, A), it("I12-L1-02", 1, R), it("I12-L2-01", 2, P)}, 0, 1, []string{"I12-L2-01"}},
		// I1: L1 complete, L2 2 of 3 → level 1 reached, nothing above L2 to reject.
		{"I1 stage 1", []assessment.ItemState{it("I1-L1-01", 1, A), it("I1-L2-01", 2, A), it("I1-L2-02", 2, A), it("I1-L2-03", 2, R)}, 1, 2, nil},
		// I17: L1 and L2 complete.
		{"I17 stage 1", []assessment.ItemState{it("I17-L1-01", 1, A), it("I17-L1-02", 1, A), it("I17-L2-01", 2, A), it("I17-L2-02", 2, A)}, 2, 0, nil},
		{"all accepted to 5", []assessment.ItemState{it("a", 1, A), it("b", 2, A), it("c", 3, A), it("d", 4, A), it("e", 5, A)}, 5, 0, nil},
		// A level without items is never reached, even with accepted items above it.
		{"gap", []assessment.ItemState{it("a", 1, A), it("c", 3, A)}, 1, 0, nil},
		// A pending item blocks its level but rejects nothing.
		{"pending", []assessment.ItemState{it("a", 1, A), it("b", 2, P), it("c", 3, A)}, 1, 0, nil},
		// The lowest rejected level rules; items above it are auto-rejected
		// whatever their own verdict, in input order.
		{"two rejections", []assessment.ItemState{it("e", 5, A), it("c", 3, R), it("a", 1, A), it("b", 2, R), it("d", 4, A)}, 1, 2, []string{"e", "c", "d"}},
		{"level 1 rejected", []assessment.ItemState{it("a", 1, R), it("b", 2, A), it("c", 2, R)}, 0, 1, []string{"b", "c"}},
		{"bad levels ignored", []assessment.ItemState{it("x", 0, R), it("y", 6, R), it("a", 1, A)}, 1, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := assessment.Cascade(tc.items)
			if got.Level != tc.level || got.RejectedLevel != tc.rejected || !reflect.DeepEqual(got.AutoRejected, tc.auto) {
				t.Errorf("got %+v, want level %d rejected %d auto %v", got, tc.level, tc.rejected, tc.auto)
			}
		})
	}
}

// TestValidateV2 breaks the v2 fixture one way at a time and expects the
// problem at its path.
func TestValidateV2(t *testing.T) {
	for _, tc := range []struct {
		name, path, msg string
		mutate          func(c *assessment.Catalog)
	}{
		{"v1 with v2 fields", "indicators[0].notes", "format_version 2", func(c *assessment.Catalog) { c.FormatVersion = 1; c.ProvisionalIndex = "" }},
		{"format 3", "format_version", "tidak didukung", func(c *assessment.Catalog) { c.FormatVersion = 3 }},
		{"headline rule", "provisional_index", "bukan \"lowest\"", func(c *assessment.Catalog) { c.ProvisionalIndex = "lowest" }},
		{"code form", "indicators[0].levels.1.evidence_items[0].code", "tidak berbentuk", func(c *assessment.Catalog) { item(c, 1, 1, 0).Code = "I1-L1-1" }},
		{"code indicator", "indicators[0].levels.1.evidence_items[0].code", "harus diawali I1-L1-", func(c *assessment.Catalog) { item(c, 1, 1, 0).Code = "I2-L1-01" }},
		{"code level", "indicators[0].levels.2.evidence_items[0].code", "harus diawali I1-L2-", func(c *assessment.Catalog) { item(c, 1, 2, 0).Code = "I1-L1-03" }},
		{"code duplicate", "indicators[0].levels.1.evidence_items[1].code", "ganda (sudah dipakai di indicators[0].levels.1.evidence_items[0])", func(c *assessment.Catalog) { item(c, 1, 1, 1).Code = "I1-L1-01" }},
		{"item text", "indicators[0].levels.1.evidence_items[0].source", "sumber teks wajib", func(c *assessment.Catalog) { item(c, 1, 1, 0).Source = "" }},
		{"item missing with text", "indicators[0].levels.1.evidence_items[1]", "harus kosong", func(c *assessment.Catalog) { item(c, 1, 1, 1).Text.Text = "x" }},
		{"note", "indicators[0].notes[0]", "harus bersumber \"missing\"", func(c *assessment.Catalog) { c.Indicators[0].Notes[0].Text = "" }},
		{"agency", "indicators[2].valued_by.agency", "wajib", func(c *assessment.Catalog) { vb(c, 3).Agency = "" }},
		{"missing value required", "indicators[2].valued_by.missing_value", "wajib diisi", func(c *assessment.Catalog) { vb(c, 3).MissingValue = "" }},
		{"missing value range", "indicators[2].valued_by.missing_value", "di luar rentang 1–5", func(c *assessment.Catalog) { vb(c, 3).MissingValue = "0" }},
		{"scale", "indicators[2].valued_by", "skala 100–0", func(c *assessment.Catalog) { vb(c, 3).ScaleMin, vb(c, 3).ScaleMax = "100", "0" }},
		{"first band start", "indicators[2].valued_by.conversion[0].from", "mulai di awal skala 0, bukan 1", func(c *assessment.Catalog) { vb(c, 3).Conversion[0].From = "1" }},
		{"gap", "indicators[2].valued_by.conversion[2].from", "bersambung: mulai di 37.5", func(c *assessment.Catalog) { vb(c, 3).Conversion[2].From = "40" }},
		{"overlap", "indicators[2].valued_by.conversion[2].from", "bukan 30", func(c *assessment.Catalog) { vb(c, 3).Conversion[2].From = "30" }},
		{"value jump", "indicators[2].valued_by.conversion[1].value_from", "nilai harus bersambung: 1.5", func(c *assessment.Catalog) { vb(c, 3).Conversion[1].ValueFrom = "1.6" }},
		{"falling", "indicators[2].valued_by.conversion[4]", "konversi harus naik", func(c *assessment.Catalog) { vb(c, 3).Conversion[4].ValueTo = "3.9" }},
		{"value off 1–5", "indicators[2].valued_by.conversion[4].value_to", "di luar rentang 1–5", func(c *assessment.Catalog) { vb(c, 3).Conversion[4].ValueTo = "5.5" }},
		{"empty band", "indicators[2].valued_by.conversion[3]", "batas bawah harus lebih kecil", func(c *assessment.Catalog) { vb(c, 3).Conversion[3].To = "62.5" }},
		{"not covering", "indicators[2].valued_by.conversion[4].to", "berakhir di akhir skala 100", func(c *assessment.Catalog) { vb(c, 3).Conversion[4].To = "90" }},
		{"band number", "indicators[2].valued_by.conversion[0].to", "bukan angka desimal", func(c *assessment.Catalog) { vb(c, 3).Conversion[0].To = "1e1" }},
		{"range outside scale", "indicators[3].levels.5.score_range", "di luar skala IKASANDI (0–5)", func(c *assessment.Catalog) { rng(c, 4, 5).Max = "6" }},
		{"range gap", "indicators[3].levels.3.score_range.min", "bersambung dengan tingkat 2: mulai di 2.5, bukan 2.6", func(c *assessment.Catalog) { rng(c, 4, 3).Min = "2.6" }},
		{"range empty", "indicators[3].levels.2.score_range", "batas bawah harus lebih kecil", func(c *assessment.Catalog) { rng(c, 4, 2).Max = "1.5" }},
		{"range without scale", "indicators[3].levels.1.score_range", "butuh skala", func(c *assessment.Catalog) { vb(c, 4).ScaleMin, vb(c, 4).ScaleMax = "", "" }},
		{"half a scale", "indicators[2].valued_by.scale_min", "bukan angka desimal", func(c *assessment.Catalog) { vb(c, 3).ScaleMin = "" }},
		{"range without index", "indicators[3].levels.1.score_range", "butuh valued_by", func(c *assessment.Catalog) { c.Indicators[3].ValuedBy = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := catfixV2(t)
			tc.mutate(c)
			_, err := assessment.ParseCatalog("v2.json", catfixEncode(t, c))
			if err == nil {
				t.Fatal("accepted")
			}
			want := "v2.json: " + tc.path + ": "
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.Contains(line, tc.path+": ") && strings.Contains(line, tc.msg) {
					return
				}
			}
			t.Errorf("want a problem %q…%q, got:\n%v", want, tc.msg, err)
		})
	}
}

func item(c *assessment.Catalog, n, l, j int) *assessment.EvidenceItem {
	for i := range c.Indicators {
		if c.Indicators[i].Number == n {
			return &c.Indicators[i].Levels[string(rune('0'+l))].Items[j]
		}
	}
	panic("no indicator")
}

func vb(c *assessment.Catalog, n int) *assessment.ValuedBy {
	in, _ := c.Indicator(n)
	return in.ValuedBy
}

func rng(c *assessment.Catalog, n, l int) *assessment.ScoreRange {
	in, _ := c.Indicator(n)
	return in.Level(l).ScoreRange
}

// TestHeadlineMissingAsOne: under the Pemdi rule an unanswered indicator
// counts as 1 in the headline; the extrapolated mean and the range stay.
func TestHeadlineMissingAsOne(t *testing.T) {
	b, _ := os.ReadFile(catfixV2Path)
	c, err := assessment.ParseCatalog("v2", b)
	if err != nil {
		t.Fatal(err)
	}
	// Indicator 4 (39.5) at 3; 1 (0.1), 2 (0.2) and the imported 3 (60.2) missing.
	s, err := assessment.ScoreValues(c, map[int]assessment.Value{4: assessment.LevelValue(3)})
	if err != nil {
		t.Fatal(err)
	}
	// (39.5·3 + 60.5·1) / 100 = 1.79
	if s.Headline != assessment.HeadlineMissingAsOne || assessment.FormatDecimal(s.Index) != "1,79" || s.Index.Cmp(s.Lowest) != 0 {
		t.Errorf("headline %s index %s lowest %s", s.Headline, assessment.FormatDecimal(s.Index), assessment.FormatDecimal(s.Lowest))
	}
	if s.Predicate != "Kurang" || assessment.FormatDecimal(s.Extrapolated) != "3,00" || s.ExtrapolatedPredicate != "Baik" {
		t.Errorf("predicate %s extrapolated %s %s", s.Predicate, assessment.FormatDecimal(s.Extrapolated), s.ExtrapolatedPredicate)
	}
	if s.Complete || s.Answered != 1 || assessment.FormatDecimal(s.Highest) != "4,21" {
		t.Errorf("complete %v answered %d highest %s", s.Complete, s.Answered, assessment.FormatDecimal(s.Highest))
	}
	// Aspects follow the headline: aspect 1 and 2 have no answer → 1.
	if assessment.FormatDecimal(s.Aspects[1]) != "1,00" || assessment.FormatDecimal(s.Aspects[3]) != "3,00" || assessment.FormatDecimal(s.Domains[2]) != "1,79" {
		t.Errorf("aspects %v domains %v", s.AspectFloats(), s.DomainFloats())
	}
	// An imported score converts and counts like any value: SDI 25 → 2.
	v, _ := assessment.ConvertText(sdi(t), "25")
	s, _ = assessment.ScoreValues(c, map[int]assessment.Value{3: v, 4: assessment.LevelValue(3)})
	if got := assessment.FormatDecimal(s.Index); got != "2,39" { // (60.2·2 + 39.5·3 + 0.3·1) / 100 = 2.392
		t.Errorf("with SDI 25: %s", got)
	}
	// Nothing answered: no index, as before.
	if s, _ := assessment.ScoreValues(c, nil); s.Index != nil || s.Extrapolated != nil {
		t.Errorf("empty: %v", s.Index)
	}
}

// The default rule is unchanged: the headline is the extrapolated mean.
func TestHeadlineMeanIsDefault(t *testing.T) {
	c, err := assessment.ParseCatalog("minimal.json", catfixBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := assessment.ScoreValues(c, map[int]assessment.Value{4: assessment.LevelValue(3)})
	if s.Headline != assessment.HeadlineMean || assessment.FormatDecimal(s.Index) != "3,00" || s.Extrapolated.Cmp(s.Index) != 0 {
		t.Errorf("headline %s index %s", s.Headline, assessment.FormatDecimal(s.Index))
	}
}
