package assessment

// CoveredItem is one evidence item of an indicator with the files (evidence
// ids) that support it; none means the portal would find it not uploaded.
type CoveredItem struct {
	ItemOf
	Files []int64
}

// Covered reports whether at least one file supports the item (ada).
func (c CoveredItem) Covered() bool { return len(c.Files) > 0 }

// ItemCoverage is what eval.spbe.go.id would make of an OPD answer's
// evidence items before any assessor looks at them: an item without a file
// is "belum diunggah", and the cascade then rejects every higher level.
type ItemCoverage struct {
	// Items are the catalog's items of levels 1..UpTo, in catalog order.
	Items []CoveredItem
	// Missing are the codes of Items no file supports, in catalog order.
	Missing []string
	// GapLevel is the lowest level with a missing item; 0 when none.
	GapLevel int
	// AutoRejected are the levels GapLevel+1..UpTo the portal rejects
	// automatically ("Otomatis ditolak karena tingkat kematangan
	// sebelumnya ditolak"); empty when the gap is at UpTo or there is none.
	AutoRejected []int
	// Reached is the cascade's level: the highest level whose items and all
	// lower ones have a file (0 when a level-1 item has none).
	Reached int
}

// CoverItems checks the items of indicator in for levels 1..upTo against
// the files attached to it (evidence of other indicators is ignored). It
// uses Cascade with "has a file" as accepted and "no file" as rejected,
// which is how the portal treats an item that was never uploaded. A level
// without catalog items is its synthetic item, which any file attached at
// that level supports (FileItems).
func CoverItems(in Indicator, upTo int, evidence []Evidence) ItemCoverage {
	files := map[string][]int64{}
	for _, e := range evidence {
		if e.Indicator != in.Number {
			continue
		}
		for _, code := range FileItems(in, e.Level, e.Items) {
			files[code] = append(files[code], e.ID)
		}
	}
	var cov ItemCoverage
	var states []ItemState
	for _, it := range IndicatorItems(in) {
		if it.Level > upTo {
			continue
		}
		ci := CoveredItem{ItemOf: it, Files: files[it.Code]}
		cov.Items = append(cov.Items, ci)
		st := ItemState{Code: it.Code, Level: it.Level, Status: ItemAccepted}
		if !ci.Covered() {
			cov.Missing = append(cov.Missing, it.Code)
			st.Status = ItemRejected
		}
		states = append(states, st)
	}
	res := Cascade(states)
	cov.GapLevel, cov.Reached = res.RejectedLevel, res.Level
	if cov.GapLevel > 0 {
		for l := cov.GapLevel + 1; l <= upTo; l++ {
			cov.AutoRejected = append(cov.AutoRejected, l)
		}
	}
	return cov
}

// MissingAt are the missing codes of level l.
func (c ItemCoverage) MissingAt(l int) []string {
	var out []string
	for _, it := range c.Items {
		if it.Level == l && !it.Covered() {
			out = append(out, it.Code)
		}
	}
	return out
}

// FirstGap is the first missing code of the lowest gap level, the one the
// warning names ("Level 3 diklaim, tetapi I4-L1-02 belum ada bukti"); ""
// when nothing is missing.
func (c ItemCoverage) FirstGap() string {
	if m := c.MissingAt(c.GapLevel); len(m) > 0 {
		return m[0]
	}
	return ""
}

// AnswerValues are the values an assessment's answers score with: the
// chosen level, except for an indicator valued by another agency whose
// score was entered, which scores with the converted score (SDI 25 →
// 2,00). Such an indicator without a score keeps a level chosen before the
// catalog marked it (older assessments), and is otherwise left out: the
// headline rule then takes the catalog's missing value (1). Answers to
// indicators c lacks are left out; with a nil catalog only levels count.
func AnswerValues(c *Catalog, answers []Answer) map[int]Value {
	v := map[int]Value{}
	for _, a := range answers {
		if c != nil {
			in, ok := c.Indicator(a.Indicator)
			if !ok {
				continue
			}
			if x, ok := externalValueOf(in, a.External); ok {
				v[a.Indicator] = x
				continue
			}
		}
		if a.Answered() {
			v[a.Indicator] = LevelValue(a.Level)
		}
	}
	return v
}

// externalValueOf is the converted score of an externally valued
// indicator, when one was entered and converts.
func externalValueOf(in Indicator, e *ExternalScore) (Value, bool) {
	if e == nil || !ExternallyValued(in) {
		return nil, false
	}
	x, err := ConvertText(*in.ValuedBy, e.Score)
	return x, err == nil
}
