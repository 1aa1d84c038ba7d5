package app

import (
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// check is one item of the "Sebelum ekspor" checklist: a rule and the
// indicators that break it.
type check struct {
	key        string // translation key of the rule
	indicators []int
	// details, when set, says per failing indicator what is wrong (the
	// missing evidence items by code).
	details map[int]string
}

// checklist evaluates the rules an assessment should meet before export.
func (s *session) checklist() []check {
	rules := []struct {
		key    string
		fails  func(n int) bool
		detail func(n int) string
	}{
		{"check.level", func(n int) bool { return !s.answer(n).Answered() && s.selfAssessed(n) }, nil},
		{"check.justification", func(n int) bool {
			an := s.answer(n)
			return an.Answered() && !assessment.Justified(an.Justification)
		}, nil},
		{"check.evidence", func(n int) bool { return s.answer(n).Answered() && len(s.evidenceOf(n)) == 0 }, nil},
		{"check.evidenceLevel", s.evidenceBelowLevel, nil},
		{"check.template", s.lacksTemplate, nil},
	}
	if s.hasItems() {
		rules = append(rules, []struct {
			key    string
			fails  func(n int) bool
			detail func(n int) string
		}{
			{"check.items", s.lacksItems, s.missingItemsDetail},
			{"check.cascade", s.cascadeRejects, s.cascadeDetail},
		}...)
	}
	out := make([]check, 0, len(rules))
	for _, r := range rules {
		c := check{key: r.key}
		for _, n := range s.order {
			if r.fails(n) {
				c.indicators = append(c.indicators, n)
				c.addDetail(n, r.detail)
			}
		}
		out = append(out, c)
	}
	return out
}

// evidenceBelowLevel: the indicator has evidence, but none general and
// none supporting the chosen level or a higher one.
func (s *session) evidenceBelowLevel(n int) bool {
	an := s.answer(n)
	ev := s.evidenceOf(n)
	if !an.Answered() || len(ev) == 0 {
		return false
	}
	for _, e := range ev {
		if e.Level == 0 || e.Level >= an.Level {
			return false
		}
	}
	return true
}

// lacksTemplate: a justification that does not name FAKTA, ANALISIS and
// JUSTIFIKASI, the structure assessors expect.
func (s *session) lacksTemplate(n int) bool {
	t := strings.ToUpper(s.answer(n).Justification)
	if !assessment.Justified(t) {
		return false // reported as missing already
	}
	return !strings.Contains(t, "FAKTA") || !strings.Contains(t, "ANALISIS") || !strings.Contains(t, "JUSTIFIKASI")
}

// unfinished counts the indicators without a level or without a
// justification of the officer's own: what "belum diisi" means at export.
func (s *session) unfinished() int {
	n := 0
	for _, i := range s.order {
		if an := s.answer(i); s.selfAssessed(i) && (!an.Answered() || !assessment.Justified(an.Justification)) {
			n++
		}
	}
	return n
}

// progress counts what the dashboard shows.
type progress struct {
	answered, total         int
	noJustification, noEvid int
}

func (s *session) progress() progress {
	p := progress{}
	for _, n := range s.order {
		an := s.answer(n)
		if !s.selfAssessed(n) {
			continue // valued by another agency: no level to give
		}
		p.total++
		if !an.Answered() {
			continue
		}
		p.answered++
		if !assessment.Justified(an.Justification) {
			p.noJustification++
		}
		if len(s.evidenceOf(n)) == 0 {
			p.noEvid++
		}
	}
	return p
}

// answeredValues returns the answers' values for scoring: the levels, and
// the converted agency scores (assessment.AnswerValues).
func answeredValues(c *assessment.Catalog, answers []assessment.Answer) map[int]assessment.Value {
	return assessment.AnswerValues(c, answers)
}
