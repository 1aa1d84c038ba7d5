package app

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"fyne.io/fyne/v2"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// session is one open assessment as the UI sees it: its pinned catalog,
// its answers and its evidence. It is read from the store on a worker
// goroutine and afterwards owned by the UI goroutine, which updates it as
// edits are made.
type session struct {
	a        assessment.Assessment
	cat      *assessment.Catalog
	answers  map[int]assessment.Answer
	evidence []assessment.Evidence
	order    []int // indicator numbers in navigator order
}

func loadSession(ctx context.Context, st assessment.Store, lib *assessment.Library, id string) (*session, error) {
	a, err := st.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	cat, err := lib.Pinned(a.CatalogID, a.CatalogVersion, a.CatalogSHA256)
	if err != nil {
		return nil, err
	}
	answers, err := st.Answers(ctx, id)
	if err != nil {
		return nil, err
	}
	ev, err := st.Evidence(ctx, id)
	if err != nil {
		return nil, err
	}
	s := &session{a: a, cat: cat, answers: map[int]assessment.Answer{}, evidence: ev}
	for _, an := range answers {
		s.answers[an.Indicator] = an
	}
	s.order = navigatorOrder(cat)
	return s, nil
}

// navigatorOrder lists indicators domain by domain, aspect by aspect.
func navigatorOrder(c *assessment.Catalog) []int {
	var out []int
	for _, a := range sortedAspects(c) {
		for _, in := range c.IndicatorsOfAspect(a.Number) {
			out = append(out, in.Number)
		}
	}
	return out
}

// sortedAspects orders aspects by domain, then number.
func sortedAspects(c *assessment.Catalog) []assessment.Aspect {
	as := append([]assessment.Aspect(nil), c.Aspects...)
	sort.SliceStable(as, func(i, j int) bool {
		if as[i].Domain != as[j].Domain {
			return as[i].Domain < as[j].Domain
		}
		return as[i].Number < as[j].Number
	})
	return as
}

// indicatorStatus is what the navigator shows next to an indicator.
type indicatorStatus int

const (
	statusEmpty           indicatorStatus = iota // belum diisi: no level
	statusNoEvidence                             // bukti kurang: level, no evidence
	statusNoJustification                        // penjelasan kurang: level, evidence, no text
	statusDone                                   // terisi
)

func (st indicatorStatus) label() string {
	switch st {
	case statusNoEvidence:
		return tr("status.noEvidence")
	case statusNoJustification:
		return tr("status.noJustification")
	case statusDone:
		return tr("status.done")
	default:
		return tr("status.empty")
	}
}

func (s *session) answer(n int) assessment.Answer {
	an, ok := s.answers[n]
	if !ok {
		an.Indicator = n
	}
	return an
}

func (s *session) evidenceOf(n int) []assessment.Evidence {
	var out []assessment.Evidence
	for _, e := range s.evidence {
		if e.Indicator == n {
			out = append(out, e)
		}
	}
	return out
}

func (s *session) status(n int) indicatorStatus {
	an := s.answer(n)
	switch {
	case !s.selfAssessed(n):
		return statusDone // valued by another agency: no level, no evidence demanded
	case !an.Answered():
		return statusEmpty
	case len(s.evidenceOf(n)) == 0:
		return statusNoEvidence
	case !assessment.Justified(an.Justification):
		return statusNoJustification
	default:
		return statusDone
	}
}

func (s *session) setLevel(n, level int) {
	an := s.answer(n)
	an.Level = level
	s.answers[n] = an
}

func (s *session) setJustification(n int, text string) {
	an := s.answer(n)
	an.Justification = text
	s.answers[n] = an
}

func (s *session) addEvidence(e assessment.Evidence) { s.evidence = append(s.evidence, e) }

func (s *session) removeEvidence(id int64) (assessment.Evidence, bool) {
	for i, e := range s.evidence {
		if e.ID == id {
			s.evidence = append(s.evidence[:i:i], s.evidence[i+1:]...)
			return e, true
		}
	}
	return assessment.Evidence{}, false
}

func (s *session) setEvidenceNote(id int64, note string) {
	for i := range s.evidence {
		if s.evidence[i].ID == id {
			s.evidence[i].Note = note
		}
	}
}

// score scores the answered levels (provisional until complete).
func (s *session) score() assessment.Score {
	answers := make([]assessment.Answer, 0, len(s.answers))
	for _, an := range s.answers {
		answers = append(answers, an)
	}
	sc, err := scoreOf(s.cat, answeredValues(s.cat, answers))
	if err != nil {
		fyne.LogError("scoring", err)
		return assessment.Score{Total: len(s.cat.Indicators), Aspects: map[int]*big.Rat{}, Domains: map[int]*big.Rat{}}
	}
	return sc
}

// scoreOf scores values; a failure inside the scoring engine becomes an
// error instead of taking the whole window down.
func scoreOf(c *assessment.Catalog, values map[int]assessment.Value) (sc assessment.Score, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("penghitungan indeks gagal: %v", r)
		}
	}()
	return assessment.ScoreValues(c, values)
}

// neighbour returns the indicator delta steps away in navigator order.
func (s *session) neighbour(n, delta int) (int, bool) {
	for i, m := range s.order {
		if m == n {
			j := i + delta
			if j < 0 || j >= len(s.order) {
				return 0, false
			}
			return s.order[j], true
		}
	}
	return 0, false
}
