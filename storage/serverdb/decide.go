package serverdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// State is what the import decision needs to know about the store, read
// inside the deciding transaction.
type State struct {
	Key          *OPDKey // the signer's key as the registry lists it; nil: not listed
	LiveKeyOfOPD *OPDKey // the live key bound to the bundle's OPD code; nil: none
	LastSequence uint64  // highest sequence of a decided bundle by the signer's key
	AcceptedID   string  // the accepted bundle of the same OPD + periode ("" none)
	AcceptedSHA  string
}

// Decision is what the decision function chose.
type Decision struct {
	Outcome      string // syncapi outcome
	Code, Reason string // for a rejection
	Supersedes   string // versi baru: the accepted bundle replaced
	ConflictWith string // konflik: the accepted bundle it conflicts with
}

// Decider is the pure import decision (shared with the desktop import).
type Decider func(b Bundle, s State) Decision

// Signer makes the receipt of a decided bundle.
type Signer func(b Bundle, d Decision, completedAt time.Time) []byte

// Complete decides a staging bundle whose files are all present and
// checked, in one transaction: the state is read and the result written
// under an advisory lock per Pemda + OPD code, and the constraints
// (bundle_one_accepted, bundle_key_sequence) make a lost race an error.
// A bundle already decided returns its stored decision (sudah diimpor for
// the caller); a rejected one is removed with its file list (nothing kept,
// as the desktop).
func (db *DB) Complete(ctx context.Context, b Bundle, decide Decider, sign Signer) (Bundle, Decision, error) {
	for attempt := 0; ; attempt++ {
		out, d, err := db.completeOnce(ctx, b, decide, sign)
		if IsUniqueViolation(err) && attempt < 3 {
			continue // someone decided first under another lock: decide again, now seeing it
		}
		return out, d, err
	}
}

func (db *DB) completeOnce(ctx context.Context, b Bundle, decide Decider, sign Signer) (Bundle, Decision, error) {
	var d Decision
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
			d = Decision{Outcome: syncapi.OutcomeDuplicate}
			return nil
		}
		s, err := db.state(ctx, tx, cur)
		if err != nil {
			return err
		}
		d = decide(cur, s)
		return db.apply(ctx, tx, &b, d, sign)
	})
	return b, d, err
}

// PreState reads the decision's inputs outside a transaction, for the
// check at announce time (before any evidence is sent); Complete reads
// them again under its lock, and that answer is binding.
func (db *DB) PreState(ctx context.Context, b Bundle) (State, error) { return db.state(ctx, db.Pool, b) }

// state reads the decision's inputs.
func (db *DB) state(ctx context.Context, tx Querier, b Bundle) (State, error) {
	var s State
	var err error
	if s.Key, err = db.KeyByID(ctx, tx, b.PemdaID, b.KeyID); err != nil {
		return s, err
	}
	if s.LiveKeyOfOPD, err = db.LiveKeyOf(ctx, tx, b.PemdaID, b.OPDKode); err != nil {
		return s, err
	}
	var last int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(sequence), 0) FROM bundle WHERE keyid = $1 AND status <> 'staging'`, b.KeyID).Scan(&last); err != nil {
		return s, err
	}
	s.LastSequence = uint64(last)
	err = tx.QueryRow(ctx, `SELECT bundle_id::text, manifest_sha256 FROM bundle
		WHERE pemda_id = $1 AND opd_kode = $2 AND periode = $3 AND status = 'accepted'`, b.PemdaID, b.OPDKode, b.Periode).
		Scan(&s.AcceptedID, &s.AcceptedSHA)
	if errors.Is(err, pgx.ErrNoRows) {
		err = nil
	}
	return s, err
}

// apply writes a decision.
func (db *DB) apply(ctx context.Context, tx pgx.Tx, b *Bundle, d Decision, sign Signer) error {
	var status string
	switch d.Outcome {
	case syncapi.OutcomeNew:
		status = "accepted"
	case syncapi.OutcomeNewVersion:
		status = "accepted"
		if _, err := tx.Exec(ctx, `UPDATE bundle SET status = 'superseded' WHERE bundle_id = $1 AND status = 'accepted'`, d.Supersedes); err != nil {
			return err
		}
	case syncapi.OutcomeConflict:
		status = "conflict"
	default: // rejected: nothing stays
		_, err := tx.Exec(ctx, `DELETE FROM bundle WHERE bundle_id = $1`, b.BundleID)
		return err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	b.Status, b.Outcome = status, d.Outcome
	b.Receipt = sign(*b, d, now)
	_, err := tx.Exec(ctx, `UPDATE bundle SET status = $2, outcome = $3, completed_at = $4, receipt = $5 WHERE bundle_id = $1`,
		b.BundleID, status, d.Outcome, now, b.Receipt)
	return err
}
