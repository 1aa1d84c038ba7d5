package storage

import (
	"context"
	"database/sql"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// ReadTx runs fn with reads that all go through one read transaction: an
// export's snapshot (profile, assessment, answers, evidence) is one state
// of the database even when the GUI writes in between (WAL keeps the
// transaction's view). It implements assessment.SnapshotStore. fn must
// read only through its argument: the store has one connection, which
// the transaction holds until fn returns.
func (db *DB) ReadTx(ctx context.Context, fn func(assessment.SnapshotSource) error) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	pool, err := db.conn()
	if err != nil {
		return err
	}
	tx, err := pool.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return db.classify(err)
	}
	defer tx.Rollback()
	if err := fn(txReader{ctx: ctx, q: tx}); err != nil {
		return db.classify(err)
	}
	return db.classify(tx.Commit())
}

// txReader reads through one transaction.
type txReader struct {
	ctx context.Context
	q   querier
}

func (r txReader) Profile(context.Context) (assessment.Profile, error) { return profileOn(r.ctx, r.q) }

func (r txReader) Assessment(_ context.Context, id string) (assessment.Assessment, error) {
	return assessmentOn(r.ctx, r.q, id)
}

func (r txReader) Answers(_ context.Context, id string) ([]assessment.Answer, error) {
	return answersOn(r.ctx, r.q, id)
}

func (r txReader) Evidence(_ context.Context, id string) ([]assessment.Evidence, error) {
	return evidenceOn(r.ctx, r.q, id)
}

var _ assessment.SnapshotStore = (*DB)(nil)
