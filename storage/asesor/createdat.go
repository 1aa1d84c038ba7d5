package asesor

import (
	"context"
	"database/sql"
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// earlierVersion is the accepted bundle of the same OPD and periode with
// a lower sequence (for intake.CreatedAtWarnings); nil when there is none.
func earlierVersion(ctx context.Context, q querier, b intake.Bundle) (*intake.Earlier, error) {
	var e intake.Earlier
	var seq int64
	err := q.QueryRowContext(ctx, `SELECT sequence, created_at FROM bundle WHERE opd_kode = ? AND periode = ? AND status = 'accepted' AND sequence < ?`,
		b.OPDKode, b.Periode, int64(b.Sequence)).Scan(&seq, &e.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	e.Sequence = uint64(seq)
	return &e, err
}
