package assessment

import (
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// Value is an indicator value: a whole level 1–5 in a self-assessment, or a
// decimal such as 1,26 in a published assessor result. It is kept as an
// exact rational so that sums and predicate boundaries are exact.
type Value = *big.Rat

// ParseValue reads a decimal value ("3", "2.5", "1,26") and checks 1 ≤ v ≤ 5.
func ParseValue(s string) (Value, error) {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	r, ok := new(big.Rat).SetString(s)
	if !ok || s == "" {
		return nil, inputErrorf("nilai %q bukan angka", s)
	}
	if r.Cmp(ratOne) < 0 || r.Cmp(ratFive) > 0 {
		return nil, inputErrorf("nilai %s di luar rentang 1–5", s)
	}
	return r, nil
}

// LevelValue is the value of a whole level.
func LevelValue(level int) Value { return big.NewRat(int64(level), 1) }

// Score is the result of scoring a (possibly partial) assessment.
//
// For a complete assessment the indices are exactly the regulation's:
// aspect = Σ(value×weight)/aspect weight, domain = Σ(aspect×weight)/domain
// weight, index = Σ(domain×weight)/100 — computed from raw sums in exact
// arithmetic (which is the same as Σ over indicators of value×weight / 100).
//
// For a partial assessment (Complete false) every index is *provisional*: it
// is the same weighted mean taken over the answered indicators only, i.e.
// Σ(value×weight)/Σ(weight of answered indicators) within each aspect,
// domain and the whole. It answers "what the index would be if the
// unanswered indicators scored like the answered ones" and is always
// labelled sementara/provisional. Aspects and domains without any answer
// have no value and are absent from the maps. Lowest/Highest bound the final
// index: unanswered indicators at level 1 and at level 5 respectively.
//
// A catalog whose headline rule is HeadlineMissingAsOne (Pemdi 2026) gives
// the figure KemenPANRB publishes instead: Index, Predicate, Aspects and
// Domains count every indicator without a value as 1 (an externally valued
// one at its valued_by missing_value; with missing_value 1 Index equals
// Lowest); the extrapolated mean stays in Extrapolated as a secondary figure.
type Score struct {
	CatalogID string
	Complete  bool
	Answered  int
	Total     int
	// AnsweredWeight is the share (0–100) of the total weight answered.
	AnsweredWeight *big.Rat
	Index          *big.Rat // nil when nothing is answered
	Predicate      string   // of the unrounded (provisional) index; "" when nothing is answered
	Aspects        map[int]*big.Rat
	Domains        map[int]*big.Rat
	Lowest         *big.Rat
	Highest        *big.Rat
	// Headline is the rule Index follows: HeadlineMean or HeadlineMissingAsOne.
	Headline string
	// Extrapolated is the weighted mean over the answered indicators (equal
	// to Index under HeadlineMean, and for a complete assessment).
	Extrapolated          *big.Rat
	ExtrapolatedPredicate string
}

// IndexFloat is the unrounded index as float64 (0 when nothing is answered).
func (s Score) IndexFloat() float64 { return ratFloat(s.Index) }

func ratFloat(r *big.Rat) float64 {
	if r == nil {
		return 0
	}
	f, _ := r.Float64()
	return f
}

// AspectFloats returns the aspect indices keyed by aspect number as text.
func (s Score) AspectFloats() map[string]float64 { return floatsByKey(s.Aspects) }

// DomainFloats returns the domain indices keyed by domain number as text.
func (s Score) DomainFloats() map[string]float64 { return floatsByKey(s.Domains) }

func floatsByKey(m map[int]*big.Rat) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[strconv.Itoa(k)] = ratFloat(v)
	}
	return out
}

// ScoreValues scores values keyed by indicator number. An unknown indicator
// or a value outside 1–5 is an *InputError naming it.
func ScoreValues(c *Catalog, values map[int]Value) (Score, error) {
	for n, v := range values {
		if _, ok := c.Indicator(n); !ok {
			return Score{}, inputErrorf("indikator %d tidak ada di katalog %s", n, c.ID)
		}
		if v == nil || v.Cmp(ratOne) < 0 || v.Cmp(ratFive) > 0 {
			return Score{}, inputErrorf("nilai indikator %d di luar rentang 1–5", n)
		}
	}
	return score(c, values), nil
}

// sums accumulates Σ(value×weight) and Σ(weight) of the answered part.
type sums struct{ vw, w *big.Rat }

func (s *sums) add(v, w *big.Rat) {
	if s.vw == nil {
		s.vw, s.w = new(big.Rat), new(big.Rat)
	}
	s.vw.Add(s.vw, new(big.Rat).Mul(v, w))
	s.w.Add(s.w, w)
}

func (s *sums) mean() *big.Rat {
	if s == nil || s.vw == nil || s.w.Sign() == 0 {
		return nil
	}
	return new(big.Rat).Quo(s.vw, s.w)
}

func score(c *Catalog, values map[int]Value) Score {
	s := extrapolate(c, values)
	s.Headline = HeadlineMean
	s.Extrapolated, s.ExtrapolatedPredicate = s.Index, s.Predicate
	if c.ProvisionalIndex != HeadlineMissingAsOne || s.Complete || s.Answered == 0 {
		return s
	}
	filled := make(map[int]Value, len(c.Indicators))
	for _, in := range c.Indicators {
		v, ok := values[in.Number]
		switch {
		case ok:
		case in.ValuedBy != nil:
			v = in.ValuedBy.MissingValueOf()
		default:
			v = LevelValue(1)
		}
		filled[in.Number] = v
	}
	f := extrapolate(c, filled)
	s.Headline = HeadlineMissingAsOne
	s.Index, s.Predicate, s.Aspects, s.Domains = f.Index, f.Predicate, f.Aspects, f.Domains
	return s
}

// extrapolate is the weighted mean over the answered indicators, with the
// Lowest/Highest bounds.
func extrapolate(c *Catalog, values map[int]Value) Score {
	aspect := map[int]*sums{}
	total := &sums{}
	low, high := new(big.Rat), new(big.Rat)
	for _, in := range c.Indicators {
		w := rat(in.Weight)
		v, ok := values[in.Number]
		if !ok {
			low.Add(low, w)
			high.Add(high, new(big.Rat).Mul(ratFive, w))
			continue
		}
		if aspect[in.Aspect] == nil {
			aspect[in.Aspect] = &sums{}
		}
		aspect[in.Aspect].add(v, w)
		total.add(v, w)
		vw := new(big.Rat).Mul(v, w)
		low.Add(low, vw)
		high.Add(high, vw)
	}
	s := Score{
		CatalogID: c.ID, Answered: len(values), Total: len(c.Indicators),
		Aspects: map[int]*big.Rat{}, Domains: map[int]*big.Rat{},
		Lowest: low.Quo(low, ratHundred), Highest: high.Quo(high, ratHundred),
		AnsweredWeight: new(big.Rat),
	}
	s.Complete = s.Answered == s.Total
	if total.w != nil {
		s.AnsweredWeight = new(big.Rat).Set(total.w)
	}
	domain := map[int]*sums{}
	for _, a := range c.Aspects {
		m := aspect[a.Number].mean()
		if m == nil {
			continue
		}
		s.Aspects[a.Number] = m
		if len(c.Domains) > 0 {
			if domain[a.Domain] == nil {
				domain[a.Domain] = &sums{}
			}
			// Weight an aspect by its answered weight so a domain's
			// provisional value is the mean over its answered indicators; for
			// a complete aspect this is the regulation's aspect weight.
			domain[a.Domain].add(m, aspect[a.Number].w)
		}
	}
	for n, d := range domain {
		s.Domains[n] = d.mean()
	}
	s.Index = total.mean()
	if s.Index != nil {
		s.Predicate = c.PredicateOf(s.Index)
	}
	return s
}

// PredicateOf returns the name of the predicate band containing x, using
// the catalog's inclusive/exclusive bounds on the unrounded value.
func (c *Catalog) PredicateOf(x *big.Rat) string {
	for _, p := range c.Predicates {
		lo, hi := rat(p.Min), rat(p.Max)
		aboveLo := x.Cmp(lo) > 0 || (p.MinInclusive && x.Cmp(lo) == 0)
		belowHi := x.Cmp(hi) < 0 || (p.MaxInclusive && x.Cmp(hi) == 0)
		if aboveLo && belowHi {
			return p.Name
		}
	}
	return ""
}

// FormatDecimal writes x rounded half-up to two decimals with an
// Indonesian decimal comma ("2,95"); rounding is for display only.
func FormatDecimal(x *big.Rat) string {
	if x == nil {
		return "–"
	}
	return strings.Replace(x.FloatString(2), ".", ",", 1)
}

// SortedKeys returns the map's keys in ascending order.
func SortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
