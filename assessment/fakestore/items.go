package fakestore

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// checkPinned refuses a catalog other than the assessment's, like the
// real store.
func checkPinned(r *record, cat *assessment.Catalog) error {
	if cat == nil {
		return fmt.Errorf("katalog penilaian tidak diberikan")
	}
	if cat.SHA256() != r.a.CatalogSHA256 {
		return fmt.Errorf("katalog %s %s bukan katalog penilaian %s", cat.ID, cat.Version, r.a.ID)
	}
	return nil
}

// SetEvidenceItems implements assessment.Store.
func (s *Store) SetEvidenceItems(ctx context.Context, cat *assessment.Catalog, evidenceID int64, items []string, operator string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("SetEvidenceItems"); err != nil {
		return err
	}
	e, ok := s.evidence[evidenceID]
	if !ok {
		return fmt.Errorf("bukti #%d %w", evidenceID, assessment.ErrNotFound)
	}
	if e.removed {
		return &assessment.InputError{Msg: fmt.Sprintf("bukti #%d sudah dilepas; pulihkan dulu sebelum mengubah butirnya", evidenceID)}
	}
	r := s.assessments[e.assessmentID]
	if err := checkPinned(r, cat); err != nil {
		return err
	}
	codes, err := assessment.CheckItemLinks(cat, e.ev.Indicator, items)
	if err != nil || assessment.SameItems(e.ev.Items, codes) {
		return err
	}
	s.record(r, e.assessmentID, e.ev.Indicator, assessment.FieldEvidence,
		assessment.FormatItemLinks(evidenceID, e.ev.Items), assessment.FormatItemLinks(evidenceID, codes), operator)
	e.ev.Items = codes
	return nil
}

// SetExternalScore implements assessment.Store.
func (s *Store) SetExternalScore(ctx context.Context, cat *assessment.Catalog, id string, indicator int, score *assessment.ExternalScore, operator string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("SetExternalScore"); err != nil {
		return err
	}
	r, a, err := s.answer(id, indicator)
	if err != nil {
		return err
	}
	if err := checkPinned(r, cat); err != nil {
		return err
	}
	var next *assessment.ExternalScore
	if score != nil {
		e, err := assessment.CheckExternal(cat, indicator, *score)
		if err != nil {
			return err
		}
		next = &e
	}
	if assessment.FormatExternal(a.External) == assessment.FormatExternal(next) {
		return nil
	}
	s.record(r, id, indicator, assessment.FieldExternal, assessment.FormatExternal(a.External), assessment.FormatExternal(next), operator)
	a.External, a.Operator, a.UpdatedAt = next, operator, s.Now()
	r.put(a)
	return nil
}
