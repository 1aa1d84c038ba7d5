package assessment

import (
	"fmt"
	"math/big"
	"strconv"
)

// formatV2 checks the fields added by format version 2. A version 1 file
// may not use them: its author wrote for a program that would have
// ignored them, so accepting them silently could change its meaning.
func (v *validator) formatV2(c *Catalog) {
	if c.FormatVersion < 2 {
		if path, ok := usesV2(c); ok {
			v.add(path, "bidang ini baru ada di format_version 2 (berkas ini format_version %d)", c.FormatVersion)
		}
		return
	}
	switch c.ProvisionalIndex {
	case "", HeadlineMean, HeadlineMissingAsOne:
	default:
		v.add("provisional_index", "harus %q atau %q, bukan %q", HeadlineMean, HeadlineMissingAsOne, c.ProvisionalIndex)
	}
	codes := map[string]string{}
	for i, in := range c.Indicators {
		p := fmt.Sprintf("indicators[%d]", i)
		for j, t := range in.Notes {
			v.text(fmt.Sprintf("%s.notes[%d]", p, j), t, true)
		}
		scale := v.valuedBy(p+".valued_by", in.ValuedBy)
		v.items(p, in, codes)
		v.scoreRanges(p, in, scale)
	}
}

// items checks that every item code is well formed, names its own
// indicator and level, and is unique in the catalog.
func (v *validator) items(p string, in Indicator, seen map[string]string) {
	for l := 1; l <= 5; l++ {
		for j, it := range in.Level(l).Items {
			ip := fmt.Sprintf("%s.levels.%d.evidence_items[%d]", p, l, j)
			n, lv, _, ok := ParseItemCode(it.Code)
			switch {
			case !ok:
				v.add(ip+".code", "kode butir %q tidak berbentuk I{indikator}-L{tingkat}-{NN}, mis. I4-L1-02", it.Code)
			case n != in.Number || lv != l:
				v.add(ip+".code", "kode butir %q harus diawali I%d-L%d- (indikator %d, tingkat %d)", it.Code, in.Number, l, in.Number, l)
			case seen[it.Code] != "":
				v.add(ip+".code", "kode butir %q ganda (sudah dipakai di %s)", it.Code, seen[it.Code])
			}
			if ok && seen[it.Code] == "" {
				seen[it.Code] = ip
			}
			v.text(ip, it.Text, true)
		}
	}
}

// valuedBy checks the block and returns the agency's scale (nil when the
// block is absent or its scale is unusable).
func (v *validator) valuedBy(p string, vb *ValuedBy) []*big.Rat {
	if vb == nil {
		return nil
	}
	if vb.Agency == "" {
		v.add(p+".agency", "wajib diisi")
	}
	if vb.Index == "" {
		v.add(p+".index", "wajib diisi")
	}
	v.text(p+".note", vb.Note, true)
	v.missingValue(p, vb)
	if vb.ScaleMin == "" && vb.ScaleMax == "" && len(vb.Conversion) == 0 {
		return nil // an index known by name only (scale ranges then refused below)
	}
	lo, ok1 := v.decimal(p+".scale_min", string(vb.ScaleMin))
	hi, ok2 := v.decimal(p+".scale_max", string(vb.ScaleMax))
	if !ok1 || !ok2 {
		return nil
	}
	if lo.Cmp(hi) >= 0 {
		v.add(p, "skala %s–%s: batas bawah harus lebih kecil dari batas atas", vb.ScaleMin, vb.ScaleMax)
		return nil
	}
	v.conversion(p+".conversion", vb.Conversion, lo, hi)
	return []*big.Rat{lo, hi}
}

func (v *validator) missingValue(p string, vb *ValuedBy) {
	if vb.MissingValue == "" {
		if vb.Imported {
			v.add(p+".missing_value", "wajib diisi untuk indikator yang nilainya diimpor (mis. 1)")
		}
		return
	}
	if r, ok := v.decimal(p+".missing_value", string(vb.MissingValue)); ok && !inOneToFive(r) {
		v.add(p+".missing_value", "nilai %s di luar rentang 1–5", vb.MissingValue)
	}
}

func inOneToFive(r *big.Rat) bool { return r.Cmp(ratOne) >= 0 && r.Cmp(ratFive) <= 0 }

// band is one parsed conversion band: from, to, value from, value to.
type band [4]*big.Rat

// conversion checks that the bands, in the order written, cover the
// agency's scale without gap or overlap, that each maps onto 1–5 without
// falling, and that neighbouring bands agree on the value at their shared
// edge — so the map is one monotone line and an edge score has one value.
func (v *validator) conversion(p string, bands []ConversionBand, lo, hi *big.Rat) {
	var prev band
	for i, b := range bands {
		bp := fmt.Sprintf("%s[%d]", p, i)
		cur, ok := v.band(bp, b)
		if !ok {
			return
		}
		switch {
		case i == 0 && cur[0].Cmp(lo) != 0:
			v.add(bp+".from", "pita pertama harus mulai di awal skala %s, bukan %s", decimalText(lo), b.From)
		case i > 0 && cur[0].Cmp(prev[1]) != 0:
			v.add(bp+".from", "pita harus bersambung: mulai di %s (akhir pita sebelumnya), bukan %s", decimalText(prev[1]), b.From)
		case i > 0 && cur[2].Cmp(prev[3]) != 0:
			v.add(bp+".value_from", "nilai harus bersambung: %s (nilai akhir pita sebelumnya), bukan %s", decimalText(prev[3]), b.ValueFrom)
		}
		prev = cur
	}
	if len(bands) > 0 && prev[1].Cmp(hi) != 0 {
		v.add(fmt.Sprintf("%s[%d].to", p, len(bands)-1), "pita terakhir harus berakhir di akhir skala %s", decimalText(hi))
	}
}

// band parses one band and checks it on its own.
func (v *validator) band(bp string, b ConversionBand) (band, bool) {
	var out band
	ok := true
	for k, f := range []struct{ name, val string }{{"from", string(b.From)}, {"to", string(b.To)}, {"value_from", string(b.ValueFrom)}, {"value_to", string(b.ValueTo)}} {
		r, good := v.decimal(bp+"."+f.name, f.val)
		ok = ok && good
		out[k] = r
		if good && k >= 2 && !inOneToFive(r) {
			v.add(bp+"."+f.name, "nilai %s di luar rentang 1–5", f.val)
			ok = false
		}
	}
	if !ok {
		return out, false
	}
	if out[0].Cmp(out[1]) >= 0 {
		v.add(bp, "pita %s–%s: batas bawah harus lebih kecil dari batas atas", b.From, b.To)
		return out, false
	}
	if out[2].Cmp(out[3]) > 0 {
		v.add(bp, "konversi harus naik: nilai %s lebih besar dari %s", b.ValueFrom, b.ValueTo)
		return out, false
	}
	return out, true
}

// scoreRanges checks the per-level ranges: they need a valued-by block
// (whose index they are ranges of), lie inside its scale and rise with the
// level without gap or overlap.
func (v *validator) scoreRanges(p string, in Indicator, scale []*big.Rat) {
	var prev *big.Rat
	prevLevel := 0
	for l := 1; l <= 5; l++ {
		r := in.Level(l).ScoreRange
		if r == nil {
			continue
		}
		rp := p + ".levels." + strconv.Itoa(l) + ".score_range"
		if in.ValuedBy == nil {
			v.add(rp, "rentang skor butuh valued_by pada indikator (indeks mana yang diukur)")
			return
		}
		if scale == nil {
			v.add(rp, "rentang skor butuh skala indeks yang sah (valued_by.scale_min dan scale_max)")
			return
		}
		lo, ok1 := v.decimal(rp+".min", string(r.Min))
		hi, ok2 := v.decimal(rp+".max", string(r.Max))
		switch {
		case !ok1 || !ok2:
			return
		case lo.Cmp(hi) >= 0:
			v.add(rp, "rentang %s–%s: batas bawah harus lebih kecil dari batas atas", r.Min, r.Max)
			return
		case lo.Cmp(scale[0]) < 0 || hi.Cmp(scale[1]) > 0:
			v.add(rp, "rentang %s–%s di luar skala %s (%s–%s)", r.Min, r.Max, in.ValuedBy.Index, in.ValuedBy.ScaleMin, in.ValuedBy.ScaleMax)
		case prev != nil && lo.Cmp(prev) != 0:
			v.add(rp+".min", "rentang harus bersambung dengan tingkat %d: mulai di %s, bukan %s", prevLevel, decimalText(prev), r.Min)
		}
		prev, prevLevel = hi, l
	}
}

// decimalText writes an exact decimal without trailing zeros ("1.5").
func decimalText(r *big.Rat) string {
	s := r.FloatString(15)
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
