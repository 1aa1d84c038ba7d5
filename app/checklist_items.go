package app

import (
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// selfAssessed: the officer picks a level and attaches evidence; false for
// an indicator whose value is imported from another agency's index
// (Pemdi I5, I6, I7, I18), which the completeness rules must not demand.
func (s *session) selfAssessed(n int) bool {
	in, ok := s.cat.Indicator(n)
	return !ok || !assessment.ExternallyValued(in)
}

// hasItems reports whether the catalog lists evidence items anywhere: only
// then does the checklist carry the item rules.
func (s *session) hasItems() bool {
	for _, in := range s.cat.Indicators {
		if assessment.HasItems(in) {
			return true
		}
	}
	return false
}

// coverage is the item coverage of an answered indicator up to its level.
func (s *session) coverage(n int) assessment.ItemCoverage {
	in, _ := s.cat.Indicator(n)
	return assessment.CoverItems(in, s.answer(n).Level, s.evidenceOf(n))
}

func (s *session) missingItemsDetail(n int) string {
	return trf("check.itemsDetail", strings.Join(s.coverage(n).Missing, ", "))
}

// cascadeRejects: a level below the claimed one lacks an item, so the
// portal would reject the higher levels automatically.
func (s *session) cascadeRejects(n int) bool {
	return s.lacksItems(n) && len(s.coverage(n).AutoRejected) > 0
}

func (s *session) cascadeDetail(n int) string {
	return cascadeMessage(s.answer(n).Level, s.coverage(n))
}

// addDetail records what is wrong with indicator n, when the rule says.
func (c *check) addDetail(n int, detail func(int) string) {
	if detail == nil {
		return
	}
	if c.details == nil {
		c.details = map[int]string{}
	}
	c.details[n] = detail(n)
}
