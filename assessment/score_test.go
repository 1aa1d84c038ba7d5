package assessment_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

func catalog(t testing.TB, id string) *assessment.Catalog {
	t.Helper()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func dec(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

// fill sets every indicator of the given numbers to v.
func fill(values map[int]assessment.Value, v string, from, to int) {
	for n := from; n <= to; n++ {
		values[n] = dec(v)
	}
}

func mustScore(t *testing.T, c *assessment.Catalog, values map[int]assessment.Value) assessment.Score {
	t.Helper()
	s, err := assessment.ScoreValues(c, values)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func wantRat(t *testing.T, what string, got *big.Rat, want string) {
	t.Helper()
	if got == nil || got.Cmp(dec(want)) != 0 {
		t.Errorf("%s = %v, want exactly %s", what, got, want)
	}
}

// The three worked examples printed in PermenPANRB 59/2020 Bab II.B.
func TestRegulationWorkedExamples(t *testing.T) {
	c := catalog(t, "spbe-2020")
	v := map[int]assessment.Value{}
	// Domain 1 (indicators 1–10, 1,3 % each) at 3,70: seven 4s and three 3s.
	fill(v, "4", 1, 7)
	fill(v, "3", 8, 10)
	// Aspek 2: levels 3, 4, 3, 2 → 30,00 / 10 = 3,00.
	v[11], v[12], v[13], v[14] = dec("3"), dec("4"), dec("3"), dec("2")
	fill(v, "4", 15, 18) // aspek 3 → 4,00
	fill(v, "3", 19, 20) // aspek 4 → 3,00; domain 2 → 85,00 / 25 = 3,40
	fill(v, "3", 21, 31) // domain 3 → 3,00
	fill(v, "3.2", 32, 47)
	s := mustScore(t, c, v)

	wantRat(t, "aspek 2", s.Aspects[2], "3")
	wantRat(t, "domain 2", s.Domains[2], "3.4")
	wantRat(t, "domain 1", s.Domains[1], "3.7")
	wantRat(t, "domain 4", s.Domains[4], "3.2")
	// 328,20 / 100 = 3,282 → shown as 3,28.
	wantRat(t, "indeks", s.Index, "3.282")
	if got := assessment.FormatDecimal(s.Index); got != "3,28" {
		t.Errorf("display = %q, want 3,28", got)
	}
	if !s.Complete || s.Predicate != "Baik" || s.Answered != 47 || s.Total != 47 {
		t.Errorf("complete=%v predicate=%q answered=%d/%d", s.Complete, s.Predicate, s.Answered, s.Total)
	}
}

func TestAllOnesAndAllFives(t *testing.T) {
	for _, id := range []string{"spbe-2020", "pemdi-2026"} {
		c := catalog(t, id)
		for _, lv := range []string{"1", "5"} {
			v := map[int]assessment.Value{}
			for _, in := range c.Indicators {
				v[in.Number] = dec(lv)
			}
			s := mustScore(t, c, v)
			wantRat(t, id+" indeks", s.Index, lv)
			for a, x := range s.Aspects {
				wantRat(t, id+" aspek", x, lv)
				_ = a
			}
			for _, x := range s.Domains {
				wantRat(t, id+" domain", x, lv)
			}
			want := map[string]string{"1": "Kurang", "5": "Memuaskan"}[lv]
			if s.Predicate != want {
				t.Errorf("%s all %s: predicate %q, want %q", id, lv, s.Predicate, want)
			}
		}
	}
}

func TestIndexNeverDecreasesWhenAnIndicatorRises(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, id := range []string{"spbe-2020", "pemdi-2026"} {
		c := catalog(t, id)
		for trial := 0; trial < 300; trial++ {
			v := map[int]assessment.Value{}
			for _, in := range c.Indicators {
				if trial%3 == 0 && rng.Intn(3) == 0 {
					continue // partial assessments too
				}
				v[in.Number] = big.NewRat(int64(100+rng.Intn(401)), 100)
			}
			if len(v) == 0 {
				continue
			}
			before := mustScore(t, c, v)
			var pick int
			for n := range v {
				pick = n
				break
			}
			raised := map[int]assessment.Value{}
			for n, x := range v {
				raised[n] = x
			}
			up := new(big.Rat).Add(v[pick], big.NewRat(int64(rng.Intn(50)), 100))
			if up.Cmp(big.NewRat(5, 1)) > 0 {
				up = big.NewRat(5, 1)
			}
			raised[pick] = up
			after := mustScore(t, c, raised)
			if after.Index.Cmp(before.Index) < 0 {
				t.Fatalf("%s: raising indicator %d lowered the index %v → %v", id, pick, before.Index, after.Index)
			}
		}
	}
}

func TestPredicateBoundaries(t *testing.T) {
	spbe, pemdi := catalog(t, "spbe-2020"), catalog(t, "pemdi-2026")
	cases := []struct {
		c    *assessment.Catalog
		x    string
		want string
	}{
		{spbe, "2.6", "Baik"},
		{spbe, "2.5999", "Cukup"},
		{spbe, "2.594", "Cukup"}, // re-adding rounded domains would wrongly give 2,60 = Baik
		{spbe, "1.8", "Cukup"},
		{spbe, "1.7999", "Kurang"},
		{spbe, "1", "Kurang"},
		{spbe, "3.5", "Sangat Baik"},
		{spbe, "4.1999", "Sangat Baik"},
		{spbe, "4.2", "Memuaskan"},
		{spbe, "5", "Memuaskan"},
		{spbe, "2.5", "Cukup"},
		{pemdi, "2.5", "Baik"}, // the two instruments' bands differ
		{pemdi, "2.4999", "Cukup"},
		{pemdi, "1.5", "Cukup"},
		{pemdi, "1.4999", "Kurang"},
		{pemdi, "4", "Memuaskan"},
		{pemdi, "3.9999", "Sangat Baik"},
		{pemdi, "5", "Memuaskan"},
	}
	for _, tc := range cases {
		if got := tc.c.PredicateOf(dec(tc.x)); got != tc.want {
			t.Errorf("%s PredicateOf(%s) = %q, want %q", tc.c.ID, tc.x, got, tc.want)
		}
	}
}

func TestPartialScoreIsProvisionalMeanOfAnswered(t *testing.T) {
	c := catalog(t, "spbe-2020")
	// Indicator 1 (1,3 %) at 4 and indicator 11 (2,5 %) at 2.
	s := mustScore(t, c, map[int]assessment.Value{1: dec("4"), 11: dec("2")})
	if s.Complete || s.Answered != 2 || s.Total != 47 {
		t.Fatalf("complete=%v answered=%d total=%d", s.Complete, s.Answered, s.Total)
	}
	// (4×1,3 + 2×2,5) / (1,3 + 2,5) = 10,2 / 3,8
	wantRat(t, "provisional index", s.Index, "102/38")
	wantRat(t, "aspek 1", s.Aspects[1], "4")
	wantRat(t, "domain 2", s.Domains[2], "2")
	if _, ok := s.Aspects[3]; ok {
		t.Error("an aspect without answers must have no value")
	}
	// Bounds: unanswered at 1 and at 5.
	wantRat(t, "lowest", s.Lowest, new(big.Rat).Quo(dec("106.4"), dec("100")).RatString())
	wantRat(t, "highest", s.Highest, new(big.Rat).Quo(dec("491.2"), dec("100")).RatString())
	wantRat(t, "answered weight", s.AnsweredWeight, "3.8")
}

func TestEmptyAssessmentHasNoIndex(t *testing.T) {
	s := mustScore(t, catalog(t, "pemdi-2026"), map[int]assessment.Value{})
	if s.Index != nil || s.Predicate != "" || s.Complete {
		t.Errorf("empty: index=%v predicate=%q complete=%v", s.Index, s.Predicate, s.Complete)
	}
	if got := assessment.FormatDecimal(s.Index); got != "–" {
		t.Errorf("display of no index = %q", got)
	}
}

func TestScoreRejectsBadInput(t *testing.T) {
	c := catalog(t, "pemdi-2026")
	for name, v := range map[string]map[int]assessment.Value{
		"unknown indicator": {21: dec("3")},
		"below 1":           {1: dec("0.99")},
		"above 5":           {1: dec("5.01")},
	} {
		_, err := assessment.ScoreValues(c, v)
		var ie *assessment.InputError
		if err == nil || !asInput(err, &ie) {
			t.Errorf("%s: err = %v, want *InputError", name, err)
		}
	}
}

func asInput(err error, target **assessment.InputError) bool {
	ie, ok := err.(*assessment.InputError)
	*target = ie
	return ok
}

func TestParseValueAcceptsIndonesianComma(t *testing.T) {
	for in, want := range map[string]string{"1,26": "1.26", "3": "3", " 2.5 ": "2.5"} {
		got, err := assessment.ParseValue(in)
		if err != nil || got.Cmp(dec(want)) != 0 {
			t.Errorf("ParseValue(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "abc", "0", "6", "NaN"} {
		if _, err := assessment.ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) accepted", bad)
		}
	}
}

func TestFormatDecimalRoundsHalfUpForDisplayOnly(t *testing.T) {
	for in, want := range map[string]string{"2.945": "2,95", "2.944": "2,94", "3": "3,00", "1.005": "1,01"} {
		if got := assessment.FormatDecimal(dec(in)); got != want {
			t.Errorf("FormatDecimal(%s) = %q, want %q", in, got, want)
		}
	}
}
