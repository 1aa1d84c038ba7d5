package assessment

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// Headline rules of a catalog (Catalog.ProvisionalIndex).
const (
	// HeadlineMean extrapolates: the provisional index is the weighted mean
	// of the answered indicators (SPBE 2020, and the default).
	HeadlineMean = "mean"
	// HeadlineMissingAsOne counts every indicator without a value as 1,
	// which is what KemenPANRB publishes for Pemdi ("Asumsi nilai dari
	// indikator yang menggunakan indeks lain = 1"; no evidence → 1).
	HeadlineMissingAsOne = "missing-as-1"
)

// EvidenceItem is one itemised piece of evidence of a level (butir bukti
// dukung) as the evaluation portal lists it: code I{n}-L{l}-{NN} and its
// text with provenance, flattened into one JSON object
// {"code","text","source","ref"}.
type EvidenceItem struct {
	Code string `json:"code"`
	Text
}

// itemCode is the portal's item code; NN is the item's number in the Modul.
var itemCode = regexp.MustCompile(`^I([1-9][0-9]{0,2})-L([1-5])-([0-9]{2})$`)

// ParseItemCode splits an item code into indicator, level and item number.
func ParseItemCode(code string) (indicator, level, item int, ok bool) {
	m := itemCode.FindStringSubmatch(code)
	if m == nil {
		return 0, 0, 0, false
	}
	indicator, _ = strconv.Atoi(m[1])
	level, _ = strconv.Atoi(m[2])
	item, _ = strconv.Atoi(m[3])
	return indicator, level, item, item >= 1
}

// ScoreRange is a closed range [Min, Max] of the indicator's reference
// index (ValuedBy's scale) that corresponds to one level.
type ScoreRange struct {
	Min json.Number `json:"min"`
	Max json.Number `json:"max"`
}

// ConversionBand maps the agency's scores From..To linearly onto the
// indicator values ValueFrom..ValueTo.
type ConversionBand struct {
	From      json.Number `json:"from"`
	To        json.Number `json:"to"`
	ValueFrom json.Number `json:"value_from"`
	ValueTo   json.Number `json:"value_to"`
}

// ValuedBy names the other agency whose index values an indicator.
type ValuedBy struct {
	Agency string `json:"agency"` // "Bappenas"
	Index  string `json:"index"`  // "Indeks Satu Data Indonesia (SDI)"
	// Imported: the value is converted from the agency's published score,
	// not self-assessed (no level to pick, no evidence demanded). False
	// when the index is evidence the assessor checks (IKASANDI).
	Imported bool `json:"imported"`
	// ScaleMin..ScaleMax is the agency index's own scale; required with a
	// conversion or score ranges, absent when the sources do not give it.
	ScaleMin json.Number `json:"scale_min,omitempty"`
	ScaleMax json.Number `json:"scale_max,omitempty"`
	// Conversion is a piecewise-linear map of contiguous bands covering
	// the scale; empty when the sources give none.
	Conversion []ConversionBand `json:"conversion,omitempty"`
	// MissingValue is the indicator value used while the agency's score is
	// missing; required when Imported.
	MissingValue json.Number `json:"missing_value,omitempty"`
	// Note says where the rule and the conversion come from.
	Note Text `json:"note"`
}

// usesV2 reports whether the catalog uses a field of format version 2,
// with the path of the first one (for the error message).
func usesV2(c *Catalog) (string, bool) {
	if c.ProvisionalIndex != "" {
		return "provisional_index", true
	}
	for i, in := range c.Indicators {
		p := fmt.Sprintf("indicators[%d]", i)
		switch {
		case in.ValuedBy != nil:
			return p + ".valued_by", true
		case in.Notes != nil:
			return p + ".notes", true
		}
		for l := 1; l <= 5; l++ {
			lt := in.Level(l)
			switch {
			case lt.Items != nil:
				return fmt.Sprintf("%s.levels.%d.evidence_items", p, l), true
			case lt.ScoreRange != nil:
				return fmt.Sprintf("%s.levels.%d.score_range", p, l), true
			}
		}
	}
	return "", false
}

// Convert turns the agency's score into the indicator value by the
// catalog's piecewise-linear bands, exactly: in the band From..To the value
// is ValueFrom + (score − From)·(ValueTo − ValueFrom)/(To − From). A score
// on the edge of two bands gives the same value in both (the validator
// demands it). An *InputError when the score is off the agency's scale or
// no conversion is known.
func Convert(vb ValuedBy, score *big.Rat) (Value, error) {
	if score == nil {
		return nil, inputErrorf("skor %s kosong", vb.Index)
	}
	lo, okLo := parseDecimal(string(vb.ScaleMin))
	hi, okHi := parseDecimal(string(vb.ScaleMax))
	if okLo && okHi && (score.Cmp(lo) < 0 || score.Cmp(hi) > 0) {
		return nil, inputErrorf("skor %s %s di luar skala %s–%s", vb.Index, score.FloatString(2), vb.ScaleMin, vb.ScaleMax)
	}
	for _, b := range vb.Conversion {
		from, to := rat(b.From), rat(b.To)
		if score.Cmp(from) < 0 || score.Cmp(to) > 0 || from.Cmp(to) >= 0 {
			continue
		}
		v0, v1 := rat(b.ValueFrom), rat(b.ValueTo)
		slope := new(big.Rat).Quo(new(big.Rat).Sub(v1, v0), new(big.Rat).Sub(to, from))
		v := new(big.Rat).Mul(slope, new(big.Rat).Sub(score, from))
		return v.Add(v, v0), nil
	}
	return nil, inputErrorf("konversi skor %s ke nilai indikator tidak diketahui dalam katalog", vb.Index)
}

// ConvertText is Convert for a typed score ("25", "68,75").
func ConvertText(vb ValuedBy, s string) (Value, error) {
	if !typedValue.MatchString(s) {
		return nil, inputErrorf("skor %q bukan angka desimal (mis. 25 atau 68,75)", s)
	}
	r, _ := new(big.Rat).SetString(strings.Replace(s, ",", ".", 1))
	return Convert(vb, r)
}

// MissingValueOf is the value used while the agency's score is missing
// (1 when the catalog gives none).
func (vb ValuedBy) MissingValueOf() Value {
	if r, ok := parseDecimal(string(vb.MissingValue)); ok {
		return r
	}
	return LevelValue(1)
}
