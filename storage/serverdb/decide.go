package serverdb

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Signer makes the receipt of a decided bundle.
type Signer func(b Bundle, d intake.Decision, completedAt time.Time) []byte

// Complete decides a staging bundle whose files are all present and
// checked, with the desktop import's decision (intake.Decide), in one
// transaction: the registry state is read and the result written under an
// advisory lock per Pemda + OPD code, and the constraints
// (bundle_one_accepted, bundle_key_sequence) make a lost race an error,
// retried with the new state. A bundle already decided returns
// KindDuplicate with its stored row (and receipt); a rejected one is
// removed with its file list (nothing kept, as the desktop).
func (db *DB) Complete(ctx context.Context, b Bundle, ib intake.Bundle, sign Signer) (Bundle, intake.Decision, error) {
	for attempt := 0; ; attempt++ {
		out, d, err := db.completeOnce(ctx, b, ib, sign)
		if IsUniqueViolation(err) && attempt < 3 {
			continue // someone decided first under another lock: decide again, now seeing it
		}
		return out, d, err
	}
}

func (db *DB) completeOnce(ctx context.Context, b Bundle, ib intake.Bundle, sign Signer) (Bundle, intake.Decision, error) {
	var d intake.Decision
	err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(2, hashtext($1 || '/' || $2))`, fmt.Sprint(b.PemdaID), b.OPDKode); err != nil {
			return err
		}
		cur, err := db.bundleWhere(ctx, tx, `bundle_id = $1 FOR UPDATE`, b.BundleID)
		if err != nil {
			return err
		}
		b = cur
		if cur.Status != "staging" {
			d = intake.Decision{Kind: intake.KindDuplicate}
			return nil
		}
		reg, err := db.registry(ctx, tx, cur)
		if err != nil {
			return err
		}
		d = intake.Decide(ib, reg)
		return db.apply(ctx, tx, &b, d, sign)
	})
	return b, d, err
}

// PreDecide runs the decision outside a transaction, at announce time
// (before any evidence is sent) so a bundle that would be refused is
// refused at once; Complete decides again under its lock, and that
// answer is binding.
func (db *DB) PreDecide(ctx context.Context, b Bundle, ib intake.Bundle) (intake.Decision, error) {
	reg, err := db.registry(ctx, db.Pool, b)
	if err != nil {
		return intake.Decision{}, err
	}
	return intake.Decide(ib, reg), nil
}

// registry reads the decision's facts (intake.Registry) for bundle b.
func (db *DB) registry(ctx context.Context, q Querier, b Bundle) (intake.Registry, error) {
	r := intake.Registry{Now: time.Now()}
	var err error
	if r.Stored, err = db.storedOther(ctx, q, b); err != nil {
		return r, err
	}
	if r.Signer, err = db.signer(ctx, q, b); err != nil {
		return r, err
	}
	live, err := db.LiveKeys(ctx, q, b.PemdaID, b.OPDKode)
	if err != nil {
		return r, err
	}
	for _, k := range live {
		if assessment.SameOPD(k.OPDKode, b.OPDKode) {
			r.OPDKeys = append(r.OPDKeys, intakeKey(k, 0))
			if r.RegisteredCode == "" {
				r.RegisteredCode = k.OPDKode
			}
		}
	}
	r.Accepted, r.Earlier, err = db.accepted(ctx, q, b)
	return r, err
}

// storedOther is a stored bundle (other than b's own staging row) with
// b's manifest or, failing that, its bundle id.
func (db *DB) storedOther(ctx context.Context, q Querier, b Bundle) (*intake.Ref, error) {
	var ref intake.Ref
	err := q.QueryRow(ctx, `SELECT bundle_id::text, manifest_sha256 FROM bundle
		WHERE (manifest_sha256 = $1 OR bundle_id = $2::uuid) AND NOT (manifest_sha256 = $1 AND status = 'staging')
		ORDER BY manifest_sha256 = $1 DESC LIMIT 1`, b.ManifestSHA256, b.BundleID).Scan(&ref.BundleID, &ref.ManifestSHA256)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &ref, err
}

// signer is the registered key of b's signer with its sequence
// high-water mark (of decided bundles), nil when not listed.
func (db *DB) signer(ctx context.Context, q Querier, b Bundle) (*intake.Key, error) {
	k, err := db.KeyByID(ctx, q, b.PemdaID, b.KeyID)
	if err != nil || k == nil {
		return nil, err
	}
	var last int64
	if err := q.QueryRow(ctx, `SELECT coalesce(max(sequence), 0) FROM bundle WHERE keyid = $1 AND status <> 'staging'`, b.KeyID).Scan(&last); err != nil {
		return nil, err
	}
	ik := intakeKey(*k, uint64(last))
	return &ik, nil
}

func intakeKey(k OPDKey, last uint64) intake.Key {
	return intake.Key{KeyID: k.KeyID, Fingerprint: keys.Fingerprint(ed25519.PublicKey(k.PublicKey)), OPDKode: k.OPDKode,
		Status: assessment.KeyStatus(k.Status), RevokedAt: k.RevokedAt, LastSequence: last}
}

// accepted is the accepted bundle of b's OPD + periode, and it again as
// the earlier version when its sequence is lower (for created_at doubts).
func (db *DB) accepted(ctx context.Context, q Querier, b Bundle) (*intake.Ref, *intake.Earlier, error) {
	var ref intake.Ref
	var e intake.Earlier
	var seq int64
	err := q.QueryRow(ctx, `SELECT bundle_id::text, manifest_sha256, sequence, created_at FROM bundle
		WHERE pemda_id = $1 AND opd_kode = $2 AND periode = $3 AND status = 'accepted'`, b.PemdaID, b.OPDKode, b.Periode).
		Scan(&ref.BundleID, &ref.ManifestSHA256, &seq, &e.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	if e.Sequence = uint64(seq); e.Sequence >= b.Sequence {
		return &ref, nil, nil
	}
	return &ref, &e, nil
}

// apply writes a decision.
func (db *DB) apply(ctx context.Context, tx pgx.Tx, b *Bundle, d intake.Decision, sign Signer) error {
	var status string
	switch d.Kind {
	case intake.KindNew:
		status = "accepted"
	case intake.KindNewVersion:
		status = "accepted"
		if _, err := tx.Exec(ctx, `UPDATE bundle SET status = 'superseded' WHERE bundle_id = $1 AND status = 'accepted'`, d.Supersedes); err != nil {
			return err
		}
	case intake.KindConflict:
		status = "conflict"
	case intake.KindDuplicate:
		return nil // another row holds this manifest (cannot happen: manifest_sha256 is unique)
	default: // rejected: nothing stays
		_, err := tx.Exec(ctx, `DELETE FROM bundle WHERE bundle_id = $1`, b.BundleID)
		return err
	}
	// The pull cursor: assigned under a per-Pemda lock inside the
	// deciding transaction, so its order is commit order (a bigserial
	// read by "after N" would skip a row committed late).
	var seq int64
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(3, $1)`, int32(b.PemdaID)); err != nil {
		return err
	}
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(log_seq), 0) + 1 FROM bundle WHERE pemda_id = $1`, b.PemdaID).Scan(&seq); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	b.Status, b.Outcome, b.LogSeq = status, string(d.Kind), seq
	b.Receipt = sign(*b, d, now)
	_, err := tx.Exec(ctx, `UPDATE bundle SET status = $2, outcome = $3, completed_at = $4, receipt = $5, log_seq = $6 WHERE bundle_id = $1`,
		b.BundleID, status, string(d.Kind), now, b.Receipt, seq)
	return err
}
