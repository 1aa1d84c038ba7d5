package assessment

import (
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// FieldExternal is the history field of an answer's external score
// (Answer.External); its Old/New texts are FormatExternal's.
const FieldExternal = "external"

// MinExternalYear..MaxExternalYear bound the publication year of an
// agency score (0 = unknown).
const (
	MinExternalYear = 2000
	MaxExternalYear = 2100
)

// ItemOf is one evidence item of an indicator with the level it belongs to.
type ItemOf struct {
	EvidenceItem
	Level int
}

// IndicatorItems lists the evidence items of indicator in, level 1 to 5,
// in catalog order, a level without catalog items by its synthetic item
// (LevelItems).
func IndicatorItems(in Indicator) []ItemOf {
	var out []ItemOf
	for l := 1; l <= 5; l++ {
		for _, it := range LevelItems(in, l) {
			out = append(out, ItemOf{EvidenceItem: it, Level: l})
		}
	}
	return out
}

// HasItems reports whether any level of the indicator lists evidence items
// in the catalog (synthetic items do not count: they exist only for an
// indicator that has items).
func HasItems(in Indicator) bool {
	for l := 1; l <= 5; l++ {
		if len(in.Level(l).Items) > 0 {
			return true
		}
	}
	return false
}

// ExternallyValued reports whether the indicator's value is imported from
// another agency's index (no level to pick, no evidence demanded).
func ExternallyValued(in Indicator) bool { return in.ValuedBy != nil && in.ValuedBy.Imported }

// CheckItemLinks checks the item codes a file of the given indicator is to
// support against catalog c and returns them trimmed, sorted and without
// duplicates (nil for none, which clears the links). A code must be
// well-formed, belong to that indicator and exist in the catalog; the
// refusal names the code in Indonesian. A synthetic code (I4-L3-00, a
// level without catalog items) is accepted and left out of the result: a
// file supports it by being attached at its level (FileItems), so the
// stored links and the bundle keep only official codes. ItemsLevel gives
// the level such a file is attached at.
func CheckItemLinks(c *Catalog, indicator int, codes []string) ([]string, error) {
	in, ok := c.Indicator(indicator)
	if !ok {
		return nil, inputErrorf("indikator %d tidak ada di katalog %s %s", indicator, c.ID, c.Version)
	}
	known := map[string]bool{}
	for _, it := range IndicatorItems(in) {
		known[it.Code] = true
	}
	seen := map[string]bool{}
	var out []string
	for _, code := range codes {
		code = strings.ToUpper(strings.TrimSpace(code))
		if code == "" || seen[code] {
			continue
		}
		n, _, item, ok := ParseItemRef(code)
		switch {
		case !ok || (item == SyntheticItemNumber && !known[code]):
			return nil, inputErrorf("%q bukan kode butir bukti (contoh: I4-L1-02)", code)
		case n != indicator:
			return nil, inputErrorf("butir %s milik indikator %d, bukan indikator %d", code, n, indicator)
		case !known[code]:
			return nil, inputErrorf("butir %s tidak ada di katalog %s %s untuk indikator %d", code, c.ID, c.Version, indicator)
		}
		seen[code] = true
		if !IsSyntheticItem(code) { // reached through the file's level (FileItems), never stored
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out, nil
}

// ItemsLevel is the level a file linked to codes is attached at: the
// highest level among them, synthetic ones included (0 = none).
func ItemsLevel(codes []string) int {
	level := 0
	for _, c := range codes {
		if _, l, _, ok := ParseItemRef(c); ok && l > level {
			level = l
		}
	}
	return level
}

// SplitItemCodes reads a typed list of item codes ("I4-L1-01, I4-L1-02"),
// as the CLI's --item and the GUI take it.
func SplitItemCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
}

// CanonicalScore checks an agency score as the officer typed it ("25",
// "68,75", "68.75") against the indicator's ValuedBy and returns it as
// stored: a plain decimal with a decimal point and no trailing zeros
// ("068,750" → "68.75"). It must lie on the agency's scale
// (ScaleMin..ScaleMax) when the catalog gives one.
func CanonicalScore(vb ValuedBy, s string) (string, error) {
	s = strings.TrimSpace(s)
	if !typedValue.MatchString(s) {
		return "", inputErrorf("skor %s %q bukan angka desimal (mis. 25 atau 68,75)", vb.Index, s)
	}
	r, _ := new(big.Rat).SetString(strings.Replace(s, ",", ".", 1))
	lo, okLo := parseDecimal(string(vb.ScaleMin))
	hi, okHi := parseDecimal(string(vb.ScaleMax))
	if okLo && okHi && (r.Cmp(lo) < 0 || r.Cmp(hi) > 0) {
		return "", inputErrorf("skor %s %s di luar skala %s–%s", vb.Index, s, vb.ScaleMin, vb.ScaleMax)
	}
	return canonicalDecimal(r, s), nil
}

// canonicalDecimal writes r (which has at most as many decimals as typed)
// with a point and without trailing zeros.
func canonicalDecimal(r *big.Rat, typed string) string {
	decimals := 0
	if i := strings.IndexAny(typed, ".,"); i >= 0 {
		decimals = len(typed) - i - 1
	}
	out := r.FloatString(decimals)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	return out
}

// storedScore is CanonicalScore's output form, which the bundle verifier
// and the stores accept back.
var storedScore = regexp.MustCompile(`^(0|[1-9][0-9]{0,2})(\.[0-9]{0,5}[1-9])?$`)

// WellFormedScore reports whether s is in CanonicalScore's output form.
func WellFormedScore(s string) bool { return storedScore.MatchString(s) }

// CheckExternal checks an external score for indicator n of catalog c and
// returns it canonical: the indicator must be valued by another agency,
// the score on its scale and the year 0 (unknown) or 2000–2100.
func CheckExternal(c *Catalog, n int, e ExternalScore) (ExternalScore, error) {
	in, ok := c.Indicator(n)
	if !ok {
		return e, inputErrorf("indikator %d tidak ada di katalog %s %s", n, c.ID, c.Version)
	}
	if in.ValuedBy == nil {
		return e, inputErrorf("indikator %d tidak dinilai dari indeks instansi lain; skor eksternal tidak dapat dicatat", n)
	}
	if e.Year != 0 && (e.Year < MinExternalYear || e.Year > MaxExternalYear) {
		return e, inputErrorf("tahun skor %d tidak masuk akal (%d–%d)", e.Year, MinExternalYear, MaxExternalYear)
	}
	s, err := CanonicalScore(*in.ValuedBy, e.Score)
	if err != nil {
		return e, err
	}
	return ExternalScore{Score: s, Year: e.Year}, nil
}

// FormatExternal is the history text of an external score: "25 (2025)",
// "25" without a year, "" for none.
func FormatExternal(e *ExternalScore) string {
	switch {
	case e == nil:
		return ""
	case e.Year == 0:
		return e.Score
	}
	return e.Score + " (" + strconv.Itoa(e.Year) + ")"
}

// FormatItemLinks is the history text of a file's item links:
// "#7 butir: I4-L1-01, I4-L1-02" ("#7 butir: –" for none).
func FormatItemLinks(evidenceID int64, items []string) string {
	list := strings.Join(items, ", ")
	if list == "" {
		list = "–"
	}
	return "#" + strconv.FormatInt(evidenceID, 10) + " butir: " + list
}

// SameItems reports whether two sorted code lists are equal.
func SameItems(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// KnownItems keeps the codes that catalog c has for the indicator, sorted
// and unique: a duplicated assessment on a newer catalog keeps the links
// that still mean something and drops the others.
func KnownItems(c *Catalog, indicator int, codes []string) []string {
	var out []string
	for _, code := range codes {
		if ok, err := CheckItemLinks(c, indicator, []string{code}); err == nil {
			out = append(out, ok...)
		}
	}
	out, _ = CheckItemLinks(c, indicator, out)
	return out
}

// ExternalValue is the indicator value an external score gives: the
// conversion of the score, or — with no score — the catalog's value for a
// missing score (assumed true: KemenPANRB takes 1). An error when the
// catalog gives no conversion or the score is off the scale.
func ExternalValue(vb ValuedBy, e *ExternalScore) (v Value, assumed bool, err error) {
	if e == nil {
		return vb.MissingValueOf(), true, nil
	}
	v, err = ConvertText(vb, e.Score)
	return v, false, err
}
