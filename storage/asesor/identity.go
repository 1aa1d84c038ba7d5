package asesor

import (
	"context"
	"database/sql"
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// OPD identity in the workspace. Two codes with the same
// assessment.OPDMatchKey are one OPD: the key registry binds at most one
// live key per match key (checkOPDFree), and the opd_code table (schema 5)
// holds the one spelling under which the OPD is stored, so the SQL
// elsewhere may compare opd_kode exactly.

// registeredCode is the spelling registered for kode's OPD, "" if none.
func registeredCode(ctx context.Context, q querier, kode string) (string, error) {
	key := assessment.OPDMatchKey(kode)
	if key == "" {
		return "", nil
	}
	var reg string
	err := q.QueryRowContext(ctx, `SELECT kode FROM opd_code WHERE match_key = ?`, key).Scan(&reg)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return reg, err
}

// claimCode registers kode as its OPD's spelling unless one is registered;
// the caller has checked (intake.Identity) that it is not another one.
func claimCode(ctx context.Context, tx *sql.Tx, kode string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO opd_code (match_key, kode) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		assessment.OPDMatchKey(kode), kode)
	return err
}

// unregisteredCodes are the stored OPD codes not in opd_code, in the
// order they were first seen. The rows are closed before
// registerStoredCodes writes on the same pool.
func (w *Workspace) unregisteredCodes(ctx context.Context) ([]string, error) {
	rows, err := w.sql.QueryContext(ctx, `SELECT kode FROM (
			SELECT opd_kode AS kode, first_seen AS t FROM opd_key WHERE opd_kode IS NOT NULL
			UNION ALL SELECT opd_kode, imported_at FROM bundle)
		WHERE kode NOT IN (SELECT kode FROM opd_code) GROUP BY kode ORDER BY min(t), kode`)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var todo []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		todo = append(todo, k)
	}
	return todo, w.classify(rows.Err())
}

// registerStoredCodes registers the codes stored before schema 5, in the
// order they were first seen; a later spelling of an OPD already
// registered stays unregistered, so its next bundle is refused with the
// spelling to use.
func (w *Workspace) registerStoredCodes(ctx context.Context) error {
	todo, err := w.unregisteredCodes(ctx)
	if err != nil || len(todo) == 0 {
		return err
	}
	return w.write(ctx, func(tx *sql.Tx) error {
		for _, k := range todo {
			if assessment.OPDMatchKey(k) == "" {
				continue
			}
			if err := claimCode(ctx, tx, k); err != nil {
				return err
			}
		}
		return nil
	})
}

// opdCodeInput reads an OPD code the assessor typed (keys add --opd,
// responsibility): canonical form, then the registered spelling of its
// OPD if there is one.
func opdCodeInput(ctx context.Context, q querier, s string) (string, error) {
	kode, err := assessment.ParseOPDCode(s)
	if err != nil {
		return "", &InputError{Msg: err.Error()}
	}
	if reg, err := registeredCode(ctx, q, kode); err != nil || reg != "" {
		return reg, err
	}
	return kode, nil
}

// opdKeyFacts are the live keys bound to kode's OPD as the intake
// decision reads them (intake.Registry.OPDKeys).
func opdKeyFacts(ctx context.Context, q querier, kode string) ([]intake.Key, error) {
	live, err := activeKeysOf(ctx, q, kode)
	out := make([]intake.Key, 0, len(live))
	for _, k := range live {
		out = append(out, k.facts())
	}
	return out, err
}

// rawOPDCode is the OPD code of a bundle the verifier refused for it.
func rawOPDCode(err error) (string, bool) {
	var be *bundle.Error
	var ie *assessment.IdentityError
	if !errors.As(err, &be) || be.Check != bundle.CheckOPDKode || !errors.As(err, &ie) {
		return "", false
	}
	return ie.Value, true
}

// bindOnImport registers the stored bundle's code and binds an unbound
// key to it (the first bundle accepted binds its key).
func bindOnImport(ctx context.Context, tx *sql.Tx, kode, keyID string) error {
	if err := claimCode(ctx, tx, kode); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE opd_key SET opd_kode = ? WHERE keyid = ? AND opd_kode IS NULL`, kode, keyID)
	return err
}
