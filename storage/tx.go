package storage

import (
	"context"
	"database/sql"
)

// read runs fn with the pool under the read lock.
// querier is what the snapshot's reads run on: the pool, or one read
// transaction (ReadTx).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (db *DB) read(fn func(*sql.DB) error) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	pool, err := db.conn()
	if err != nil {
		return err
	}
	return db.classify(fn(pool))
}

// write runs fn in one IMMEDIATE transaction and commits it; with
// synchronous=FULL the change is on disk when write returns nil.
func (db *DB) write(ctx context.Context, fn func(*sql.Tx) error) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.writeLocked(ctx, fn)
}

// writeLocked is write for callers that already hold mu.
func (db *DB) writeLocked(ctx context.Context, fn func(*sql.Tx) error) error {
	pool, err := db.conn()
	if err != nil {
		return err
	}
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return db.classify(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.classify(err)
	}
	return db.classify(tx.Commit())
}
