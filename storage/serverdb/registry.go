package serverdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// OPDKey is a key the Tim Asesor's registry lists.
type OPDKey struct {
	KeyID     string
	PublicKey []byte
	OPDKode   string
	Status    string // pending, verified, revoked
	RevokedAt time.Time
}

// ErrOldRegistry: a snapshot not newer than the stored one (a rollback).
var ErrOldRegistry = errors.New("versi daftar kunci tidak lebih baru dari yang tersimpan")

// ApplyRegistry stores a verified registry snapshot and makes its key list
// the current one. Versions only grow, so an old snapshot replayed cannot
// bring back a revoked key. A key once listed stays (its bundles refer to
// it); one the snapshot omits is treated as revoked.
func (db *DB) ApplyRegistry(ctx context.Context, pemda int16, version int64, signer string, envelope []byte, ks []OPDKey) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(1, $1)`, int32(pemda)); err != nil {
			return err
		}
		var newest int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM registry_snapshot WHERE pemda_id = $1`, pemda).Scan(&newest); err != nil {
			return err
		}
		if version <= newest {
			return fmt.Errorf("%w (%d ≤ %d)", ErrOldRegistry, version, newest)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO registry_snapshot (pemda_id, version, signer, envelope) VALUES ($1, $2, $3, $4)`,
			pemda, version, signer, envelope); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE opd_key SET status = 'revoked', registry_version = $2,
				revoked_at = coalesce(revoked_at, now()) WHERE pemda_id = $1`, pemda, version); err != nil {
			return err
		}
		for _, k := range ks {
			_, err := tx.Exec(ctx, `INSERT INTO opd_key (keyid, pemda_id, public_key, opd_kode, opd_match, status, registry_version)
				VALUES ($1, $2, $3, $4, $7, $5, $6)
				ON CONFLICT (keyid) DO UPDATE SET opd_kode = EXCLUDED.opd_kode, opd_match = EXCLUDED.opd_match, status = EXCLUDED.status,
					registry_version = EXCLUDED.registry_version,
					revoked_at = CASE WHEN EXCLUDED.status = 'revoked' THEN opd_key.revoked_at END
				WHERE opd_key.pemda_id = EXCLUDED.pemda_id`,
				k.KeyID, pemda, k.PublicKey, k.OPDKode, k.Status, version, assessment.OPDMatchKey(k.OPDKode))
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// KeyByID finds an OPD key of the Pemda (nil, nil: not listed).
func (db *DB) KeyByID(ctx context.Context, q Querier, pemda int16, keyid string) (*OPDKey, error) {
	k := OPDKey{KeyID: keyid}
	var revoked *time.Time
	err := q.QueryRow(ctx, `SELECT public_key, opd_kode, status, revoked_at FROM opd_key WHERE keyid = $1 AND pemda_id = $2`, keyid, pemda).
		Scan(&k.PublicKey, &k.OPDKode, &k.Status, &revoked)
	if revoked != nil {
		k.RevokedAt = *revoked
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &k, nil
}

// LiveKeys are the pending and verified keys of the Pemda bound to the OPD
// code or a look-alike spelling of it (assessment.SameOPD), oldest first.
func (db *DB) LiveKeys(ctx context.Context, q Querier, pemda int16, opdKode string) ([]OPDKey, error) {
	rows, err := q.Query(ctx, `SELECT keyid, public_key, opd_kode, status FROM opd_key
		WHERE pemda_id = $1 AND opd_match = $2 AND status <> 'revoked' ORDER BY listed_at, keyid`, pemda, assessment.OPDMatchKey(opdKode))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OPDKey
	for rows.Next() {
		var k OPDKey
		if err := rows.Scan(&k.KeyID, &k.PublicKey, &k.OPDKode, &k.Status); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Querier is a pool or a transaction.
type Querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}
