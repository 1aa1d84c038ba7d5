package asesor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Acceptance is the assessor's settlement of one OPD and periode.
type Acceptance struct {
	BundleID   string // now the accepted bundle
	PreviousID string // the bundle accepted before ("" = none; = BundleID when it stays)
	OPDKode    string
	Periode    int
	Superseded []string // bundles set aside (were accepted or in conflict)
	DecidedBy  string
}

// Changed reports whether anything was changed.
func (a Acceptance) Changed() bool { return a.BundleID != a.PreviousID || len(a.Superseded) > 0 }

// AcceptBundle makes the bundle (id or unique prefix of at least 8
// characters) the accepted one of its OPD and periode: the assessor
// settles a konflik. In one transaction the chosen bundle becomes
// accepted and every other accepted or conflict bundle of that OPD and
// periode becomes superseded (so the konflik is settled and the recap no
// longer counts it), and the decision is appended to the acceptance log
// with who and when. Choosing the bundle that is already accepted settles
// its conflicts the same way. Any stored bundle of the OPD and periode may
// be chosen, also a superseded one, except one signed by a revoked key.
func (w *Workspace) AcceptBundle(ctx context.Context, bundleID, by string) (Acceptance, error) {
	by = strings.TrimSpace(by)
	if by == "" {
		return Acceptance{}, &InputError{Msg: "nama asesor yang memutuskan wajib diisi"}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	var out Acceptance
	err := w.write(ctx, func(tx *sql.Tx) error {
		b, err := bundleByID(ctx, tx, bundleID)
		if err != nil {
			return err
		}
		if b.KeyStatus == assessment.KeyRevoked {
			return &InputError{Msg: fmt.Sprintf("bundel %s ditandatangani kunci %s yang sudah dicabut; bundel itu tidak dapat dijadikan yang diterima",
				short(b.BundleID), short(b.KeyID))}
		}
		out = Acceptance{BundleID: b.BundleID, OPDKode: b.OPDKode, Periode: b.Periode, DecidedBy: by}
		if out.PreviousID, err = acceptedOf(ctx, tx, b.OPDKode, b.Periode); err != nil {
			return err
		}
		if out.Superseded, err = setAside(ctx, tx, b); err != nil {
			return err
		}
		if !out.Changed() {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bundle SET status = 'accepted' WHERE bundle_id = ?`, b.BundleID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO acceptance (bundle_id, previous_id, opd_kode, periode, decided_by, decided_at)
			VALUES (?, ?, ?, ?, ?, ?)`, b.BundleID, nullString(out.PreviousID), b.OPDKode, b.Periode, by, w.nowText())
		return err
	})
	return out, err
}

// acceptedOf is the accepted bundle id of an OPD and periode, "" if none.
func acceptedOf(ctx context.Context, q querier, opdKode string, periode int) (string, error) {
	var id string
	err := q.QueryRowContext(ctx, `SELECT bundle_id FROM bundle WHERE opd_kode = ? AND periode = ? AND status = 'accepted'`,
		opdKode, periode).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// setAside marks every other accepted or conflict bundle of b's OPD and
// periode superseded and returns their ids. It runs before b becomes
// accepted: the unique index allows one accepted bundle per OPD + periode.
func setAside(ctx context.Context, tx *sql.Tx, b BundleInfo) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `UPDATE bundle SET status = 'superseded'
		WHERE opd_kode = ? AND periode = ? AND status IN ('accepted', 'conflict') AND bundle_id <> ? RETURNING bundle_id`,
		b.OPDKode, b.Periode, b.BundleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Acceptances lists the settlements recorded for an OPD and periode,
// oldest first.
func (w *Workspace) Acceptances(ctx context.Context, opdKode string, periode int) ([]Acceptance, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, `SELECT bundle_id, coalesce(previous_id, ''), opd_kode, periode, decided_by FROM acceptance
		WHERE opd_kode = ? AND periode = ? ORDER BY id`, opdKode, periode)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var out []Acceptance
	for rows.Next() {
		var a Acceptance
		if err := rows.Scan(&a.BundleID, &a.PreviousID, &a.OPDKode, &a.Periode, &a.DecidedBy); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, w.classify(rows.Err())
}
