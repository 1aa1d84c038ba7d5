package bundle

import (
	"context"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// LoadSnapshot reads everything an export needs about one assessment: the
// profile, the assessment, its pinned catalog, answers and linked evidence
// — in one read transaction when the store offers it
// (assessment.SnapshotStore).
func LoadSnapshot(ctx context.Context, s assessment.Store, lib *assessment.Library, id string) (assessment.Snapshot, error) {
	tx, ok := s.(assessment.SnapshotStore)
	if !ok {
		return loadSnapshot(ctx, s, lib, id)
	}
	var snap assessment.Snapshot
	err := tx.ReadTx(ctx, func(r assessment.SnapshotSource) error {
		var err error
		snap, err = loadSnapshot(ctx, r, lib, id)
		return err
	})
	return snap, err
}

func loadSnapshot(ctx context.Context, s assessment.SnapshotSource, lib *assessment.Library, id string) (assessment.Snapshot, error) {
	p, err := s.Profile(ctx)
	if errors.Is(err, assessment.ErrNotFound) {
		return assessment.Snapshot{}, errors.New("profil OPD belum diisi; jalankan `spbe-mandiri init` dulu")
	}
	if err != nil {
		return assessment.Snapshot{}, err
	}
	a, err := s.Assessment(ctx, id)
	if err != nil {
		return assessment.Snapshot{}, fmt.Errorf("penilaian %q: %w", id, err)
	}
	if a.Status == assessment.AssessmentTrashed {
		return assessment.Snapshot{}, fmt.Errorf("penilaian %q ada di tempat sampah; pulihkan dulu sebelum diekspor", id)
	}
	c, err := lib.Pinned(a.CatalogID, a.CatalogVersion, a.CatalogSHA256)
	if err != nil {
		return assessment.Snapshot{}, err
	}
	answers, err := s.Answers(ctx, id)
	if err != nil {
		return assessment.Snapshot{}, err
	}
	evidence, err := s.Evidence(ctx, id)
	if err != nil {
		return assessment.Snapshot{}, err
	}
	return assessment.Snapshot{Profile: p, Assessment: a, Catalog: c, Answers: answers, Evidence: evidence}, nil
}
