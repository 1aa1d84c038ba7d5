package assessment

import (
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"
)

var (
	ratOne     = big.NewRat(1, 1)
	ratFive    = big.NewRat(5, 1)
	ratHundred = big.NewRat(100, 1)
)

// validator collects problems instead of stopping at the first, so a
// catalog author sees everything wrong with a file at once.
type validator struct{ probs []Problem }

func (v *validator) add(path, format string, a ...any) {
	v.probs = append(v.probs, Problem{Path: path, Msg: fmt.Sprintf(format, a...)})
}

// Validate checks a decoded catalog and returns every problem found.
func Validate(c *Catalog) []Problem {
	v := &validator{}
	v.header(c)
	scales := v.scales(c.Scales)
	v.predicates(c.Predicates)
	domains := v.domains(c.Domains)
	aspects := v.aspects(c.Aspects, domains)
	v.indicators(c.Indicators, aspects, scales)
	v.weights(c)
	v.formatV2(c)
	return v.probs
}

func (v *validator) header(c *Catalog) {
	if c.Format != CatalogFormat {
		v.add("format", "harus %q, bukan %q", CatalogFormat, c.Format)
	}
	if c.FormatVersion < 1 || c.FormatVersion > CatalogFormatVersion {
		v.add("format_version", "versi format %d tidak didukung (didukung: 1–%d)", c.FormatVersion, CatalogFormatVersion)
	}
	for _, f := range []struct{ path, val string }{{"id", c.ID}, {"version", c.Version}, {"title", c.Title}, {"legal_basis.regulation", c.LegalBasis.Regulation}} {
		if f.val == "" {
			v.add(f.path, "wajib diisi")
		}
	}
	if c.Status != StatusOfficial && c.Status != StatusProvisional {
		v.add("status", "harus %q atau %q, bukan %q", StatusOfficial, StatusProvisional, c.Status)
	}
}

func (v *validator) text(path string, t Text, required bool) {
	switch {
	case t.Source == "":
		if required || t.Text != "" {
			v.add(path+".source", "sumber teks wajib diisi (regulation, pedoman-teknis, secondary, paraphrase, missing)")
		}
	case !validProvenance[t.Source]:
		v.add(path+".source", "sumber teks %q tidak dikenal", t.Source)
	case t.Source == FromMissing && t.Text != "":
		v.add(path, "teks bersumber \"missing\" harus kosong")
	case t.Source != FromMissing && t.Text == "":
		v.add(path, "teks kosong harus bersumber \"missing\"")
	}
}

func (v *validator) scales(scales []Scale) map[string]bool {
	ids := map[string]bool{}
	if len(scales) == 0 {
		v.add("scales", "minimal satu skala tingkat")
	}
	for i, s := range scales {
		p := fmt.Sprintf("scales[%d]", i)
		if s.ID == "" {
			v.add(p+".id", "wajib diisi")
		} else if ids[s.ID] {
			v.add(p+".id", "skala %q ganda", s.ID)
		}
		ids[s.ID] = true
		seen := map[int]bool{}
		for j, l := range s.Levels {
			lp := fmt.Sprintf("%s.levels[%d]", p, j)
			if l.Level < 1 || l.Level > 5 {
				v.add(lp+".level", "tingkat %d di luar 1–5", l.Level)
			} else if seen[l.Level] {
				v.add(lp+".level", "tingkat %d ganda", l.Level)
			}
			seen[l.Level] = true
			if l.Name == "" {
				v.add(lp+".name", "wajib diisi")
			}
			v.text(lp+".description", l.Description, false)
		}
		for l := 1; l <= 5; l++ {
			if !seen[l] {
				v.add(p+".levels", "tingkat %d tidak ada", l)
			}
		}
	}
	return ids
}

// plainDecimal is the only number form a weight or bound may take ("13",
// "2.75"): no exponent and a bounded length, because "1e-999999" would make
// big.Rat build a million-digit denominator (a few such numbers in a file
// stall validation for seconds).
var plainDecimal = regexp.MustCompile(`^-?[0-9]{1,15}(\.[0-9]{1,15})?$`)

// parseDecimal parses a plain decimal exactly.
func parseDecimal(n string) (*big.Rat, bool) {
	if !plainDecimal.MatchString(n) {
		return nil, false
	}
	return new(big.Rat).SetString(n)
}

// decimal parses a weight or bound, reporting a problem when it is not a
// plain decimal number.
func (v *validator) decimal(path string, n string) (*big.Rat, bool) {
	r, ok := parseDecimal(n)
	if !ok {
		v.add(path, "bukan angka desimal biasa (mis. 2.75): %q", n)
	}
	return r, ok
}

func (v *validator) predicates(ps []Predicate) {
	if len(ps) == 0 {
		v.add("predicates", "minimal satu predikat")
		return
	}
	bands := v.predicateBands(ps)
	if len(bands) != len(ps) {
		return
	}
	sort.Slice(bands, func(a, b int) bool { return bands[a].min.Cmp(bands[b].min) < 0 })
	first, last := bands[0], bands[len(bands)-1]
	if first.min.Cmp(ratOne) != 0 || !first.p.MinInclusive {
		v.add(fmt.Sprintf("predicates[%d]", first.i), "rentang predikat harus dimulai tepat di 1 (inklusif)")
	}
	if last.max.Cmp(ratFive) != 0 || !last.p.MaxInclusive {
		v.add(fmt.Sprintf("predicates[%d]", last.i), "rentang predikat harus berakhir tepat di 5 (inklusif)")
	}
	for k := 1; k < len(bands); k++ {
		v.predicateSeam(bands[k-1], bands[k])
	}
}

// predicateBand is a predicate with its parsed bounds and its place in the list.
type predicateBand struct {
	i        int
	min, max *big.Rat
	p        Predicate
}

// predicateBands parses each predicate's bounds, reporting the ones that
// are not a valid range; only the valid ones are returned.
func (v *validator) predicateBands(ps []Predicate) []predicateBand {
	var bands []predicateBand
	for i, p := range ps {
		path := fmt.Sprintf("predicates[%d]", i)
		if p.Name == "" {
			v.add(path+".name", "wajib diisi")
		}
		lo, ok1 := v.decimal(path+".min", string(p.Min))
		hi, ok2 := v.decimal(path+".max", string(p.Max))
		if !ok1 || !ok2 {
			continue
		}
		if lo.Cmp(hi) >= 0 {
			v.add(path, "batas bawah %s harus lebih kecil dari batas atas %s", p.Min, p.Max)
			continue
		}
		bands = append(bands, predicateBand{i, lo, hi, p})
	}
	return bands
}

// predicateSeam checks that band b starts exactly where a (the band below
// it) ends, with every value at the seam in exactly one of them.
func (v *validator) predicateSeam(a, b predicateBand) {
	path := fmt.Sprintf("predicates[%d]", b.i)
	switch c := a.max.Cmp(b.min); {
	case c < 0:
		v.add(path, "celah antara %s dan %s (setelah predikat %q)", a.p.Max, b.p.Min, a.p.Name)
	case c > 0:
		v.add(path, "tumpang tindih dengan predikat %q", a.p.Name)
	case a.p.MaxInclusive == b.p.MinInclusive:
		if a.p.MaxInclusive {
			v.add(path, "nilai %s masuk ke dua predikat (%q dan %q)", b.p.Min, a.p.Name, b.p.Name)
		} else {
			v.add(path, "nilai %s tidak masuk predikat mana pun", b.p.Min)
		}
	}
}

func (v *validator) domains(ds []Domain) map[int]bool {
	nums := map[int]bool{}
	for i, d := range ds {
		p := fmt.Sprintf("domains[%d]", i)
		if d.Number < 1 {
			v.add(p+".number", "harus ≥ 1")
		} else if nums[d.Number] {
			v.add(p+".number", "nomor domain %d ganda", d.Number)
		}
		nums[d.Number] = true
		if d.Name == "" {
			v.add(p+".name", "wajib diisi")
		}
		v.positive(p+".weight", d.Weight)
	}
	return nums
}

func (v *validator) positive(path string, n interface{ String() string }) {
	if r, ok := v.decimal(path, n.String()); ok && r.Sign() <= 0 {
		v.add(path, "bobot harus positif")
	}
}

func (v *validator) aspects(as []Aspect, domains map[int]bool) map[int]bool {
	nums := map[int]bool{}
	if len(as) == 0 {
		v.add("aspects", "minimal satu aspek")
	}
	for i, a := range as {
		p := fmt.Sprintf("aspects[%d]", i)
		if a.Number < 1 {
			v.add(p+".number", "harus ≥ 1")
		} else if nums[a.Number] {
			v.add(p+".number", "nomor aspek %d ganda", a.Number)
		}
		nums[a.Number] = true
		if a.Name == "" {
			v.add(p+".name", "wajib diisi")
		}
		switch {
		case len(domains) == 0 && a.Domain != 0:
			v.add(p+".domain", "katalog tanpa domain, tetapi aspek merujuk domain %d", a.Domain)
		case len(domains) > 0 && !domains[a.Domain]:
			v.add(p+".domain", "domain %d tidak ada", a.Domain)
		}
		v.positive(p+".weight", a.Weight)
	}
	return nums
}

func (v *validator) indicators(ins []Indicator, aspects map[int]bool, scales map[string]bool) {
	nums := map[int]bool{}
	if len(ins) == 0 {
		v.add("indicators", "minimal satu indikator")
	}
	for i, in := range ins {
		p := fmt.Sprintf("indicators[%d]", i)
		if in.Number < 1 {
			v.add(p+".number", "harus ≥ 1")
		} else if nums[in.Number] {
			v.add(p+".number", "nomor indikator %d ganda", in.Number)
		}
		nums[in.Number] = true
		if in.Name == "" {
			v.add(p+".name", "wajib diisi")
		}
		if !aspects[in.Aspect] {
			v.add(p+".aspect", "aspek %d tidak ada", in.Aspect)
		}
		if !scales[in.Scale] {
			v.add(p+".scale", "skala %q tidak ada", in.Scale)
		}
		v.positive(p+".weight", in.Weight)
		v.text(p+".question", in.Question, true)
		v.text(p+".guidance", in.Guidance, true)
		v.text(p+".assessment_note", in.AssessmentNote, false)
		v.text(p+".evidence_general", in.EvidenceGeneral, false)
		v.levelTexts(p, in.Levels)
	}
}

func (v *validator) levelTexts(p string, levels map[string]LevelText) {
	for k := range levels {
		if n, err := strconv.Atoi(k); err != nil || n < 1 || n > 5 || k != strconv.Itoa(n) {
			v.add(p+".levels."+k, "tingkat %q di luar 1–5", k)
		}
	}
	for l := 1; l <= 5; l++ {
		k := strconv.Itoa(l)
		lt, ok := levels[k]
		if !ok {
			v.add(p+".levels", "tingkat %d tidak ada", l)
			continue
		}
		v.text(p+".levels."+k+".criterion", lt.Criterion, true)
		v.text(p+".levels."+k+".evidence", lt.Evidence, true)
	}
}

// weights checks that indicator weights add up to their aspect's weight,
// aspects to their domain's, and the top layer to 100 — exactly, in
// decimal arithmetic, because the index formulas divide by these sums.
func (v *validator) weights(c *Catalog) {
	aspectSum, ok := indicatorSums(c)
	if !ok {
		return // already reported
	}
	domainSum, total, ok := v.aspectWeights(c, aspectSum)
	if !ok {
		return
	}
	if len(c.Domains) > 0 {
		if total, ok = v.domainWeights(c, domainSum); !ok {
			return
		}
	}
	if total.Cmp(ratHundred) != 0 {
		layer := "aspek"
		if len(c.Domains) > 0 {
			layer = "domain"
		}
		v.add(map[bool]string{true: "domains", false: "aspects"}[len(c.Domains) > 0], "bobot %s berjumlah %s, harus 100", layer, total.FloatString(4))
	}
}

// addWeight adds w to sums[k].
func addWeight(sums map[int]*big.Rat, k int, w *big.Rat) {
	if sums[k] == nil {
		sums[k] = new(big.Rat)
	}
	sums[k].Add(sums[k], w)
}

// indicatorSums sums the indicator weights per aspect (false when a
// weight does not parse: that is reported already).
func indicatorSums(c *Catalog) (map[int]*big.Rat, bool) {
	aspectSum := map[int]*big.Rat{}
	for _, in := range c.Indicators {
		w, ok := parseDecimal(string(in.Weight))
		if !ok {
			return nil, false
		}
		addWeight(aspectSum, in.Aspect, w)
	}
	return aspectSum, true
}

// aspectWeights checks each aspect's weight against its indicators' sum
// and returns the aspect weights summed per domain and in total.
func (v *validator) aspectWeights(c *Catalog, aspectSum map[int]*big.Rat) (map[int]*big.Rat, *big.Rat, bool) {
	domainSum := map[int]*big.Rat{}
	total := new(big.Rat)
	for i, a := range c.Aspects {
		w, ok := parseDecimal(string(a.Weight))
		if !ok {
			return nil, nil, false
		}
		got := aspectSum[a.Number]
		if got == nil {
			v.add(fmt.Sprintf("aspects[%d]", i), "aspek %d tidak punya indikator", a.Number)
		} else if got.Cmp(w) != 0 {
			v.add(fmt.Sprintf("aspects[%d].weight", i), "bobot aspek %d adalah %s, tetapi bobot indikatornya berjumlah %s", a.Number, a.Weight, got.FloatString(4))
		}
		addWeight(domainSum, a.Domain, w)
		total.Add(total, w)
	}
	return domainSum, total, true
}

// domainWeights checks each domain's weight against its aspects' sum and
// returns the domain weights' total.
func (v *validator) domainWeights(c *Catalog, domainSum map[int]*big.Rat) (*big.Rat, bool) {
	total := new(big.Rat)
	for i, d := range c.Domains {
		w, ok := parseDecimal(string(d.Weight))
		if !ok {
			return nil, false
		}
		total.Add(total, w)
		got := domainSum[d.Number]
		if got == nil {
			v.add(fmt.Sprintf("domains[%d]", i), "domain %d tidak punya aspek", d.Number)
		} else if got.Cmp(w) != 0 {
			v.add(fmt.Sprintf("domains[%d].weight", i), "bobot domain %d adalah %s, tetapi bobot aspeknya berjumlah %s", d.Number, d.Weight, got.FloatString(4))
		}
	}
	return total, true
}
