package asesor

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Key is one entry of the key registry.
type Key struct {
	KeyID       string
	PublicKey   ed25519.PublicKey
	Fingerprint string
	OPDKode     string // "" until bound (keys add --opd, or the first bundle accepted)
	Status      assessment.KeyStatus
	Source      string
	FirstSeen   time.Time
	VerifiedBy  string
	VerifiedAt  time.Time
	VerifiedHow string
	RevokedAt   time.Time
	// LastSequence is the highest sequence stored for the key (0: none).
	LastSequence uint64
}

// InputError is a registry request the assessor can correct.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// AddKeyFile registers the public key file path (written by `spbe-mandiri
// key export-public` on the OPD's computer) as pending. opdKode, if not
// empty, binds the key to that OPD now. Adding a key already registered is
// a no-op (added false) unless it binds an unbound key.
func (w *Workspace) AddKeyFile(ctx context.Context, path, opdKode string) (Key, bool, error) {
	id, err := keys.ReadPublic(path)
	if err != nil {
		return Key{}, false, fmt.Errorf("%s: %w", path, err)
	}
	return w.AddKey(ctx, id, filepath.Base(path), opdKode)
}

// AddKey registers a public key as pending; see AddKeyFile. opdKode is
// read with the OPD code rule (assessment.ParseOPDCode) and resolved to
// the registered spelling of its OPD, so a variant binds the same OPD.
func (w *Workspace) AddKey(ctx context.Context, id keys.Identity, source, opdKode string) (Key, bool, error) {
	// Every way a key enters the registry passes the one acceptance check:
	// a small-order key would let anyone "sign" bundles as the OPD.
	if err := keys.CheckPublicKey(id.PublicKey); err != nil {
		return Key{}, false, &InputError{fmt.Sprintf("kunci %s tidak didaftarkan: %v", short(id.KeyID), err)}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.addKey(ctx, id, source, opdKode)
}

// addKey is AddKey with w.mu held (the importer registers keys found on
// the stick while it holds the lock).
func (w *Workspace) addKey(ctx context.Context, id keys.Identity, source, opdKode string) (Key, bool, error) {
	opdKode = strings.TrimSpace(opdKode)
	var added bool
	err := w.write(ctx, func(tx *sql.Tx) error {
		if opdKode != "" {
			k, err := opdCodeInput(ctx, tx, opdKode)
			if err != nil {
				return err
			}
			opdKode = k
		}
		old, err := keyByID(ctx, tx, id.KeyID)
		switch {
		case errors.Is(err, assessment.ErrNotFound):
			if err := bindable(ctx, tx, opdKode, id.KeyID); err != nil {
				return err
			}
			added = true
			_, err = tx.ExecContext(ctx, `INSERT INTO opd_key (keyid, public_key, fingerprint, opd_kode, status, source, first_seen)
				VALUES (?, ?, ?, ?, 'pending', ?, ?)`, id.KeyID, []byte(id.PublicKey), id.Fingerprint, nullString(opdKode), source, w.nowText())
			return err
		case err != nil:
			return err
		case opdKode == "" || old.OPDKode == opdKode:
			return nil
		case old.OPDKode != "":
			return &InputError{fmt.Sprintf("kunci %s sudah terdaftar untuk OPD %s, bukan %s", short(id.KeyID), old.OPDKode, opdKode)}
		}
		if err := bindable(ctx, tx, opdKode, id.KeyID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE opd_key SET opd_kode = ? WHERE keyid = ?`, opdKode, id.KeyID)
		return err
	})
	if err != nil {
		return Key{}, false, err
	}
	k, err := w.Key(ctx, id.KeyID)
	return k, added, err
}

// bindable checks that keyID may be bound to opdKode ("" binds nothing)
// and registers the code's spelling.
func bindable(ctx context.Context, tx *sql.Tx, opdKode, keyID string) error {
	if opdKode == "" {
		return nil
	}
	if err := checkOPDFree(ctx, tx, opdKode, keyID); err != nil {
		return err
	}
	return claimCode(ctx, tx, opdKode)
}

// checkOPDFree refuses to bind a second live key to an OPD. OPDs are
// matched by assessment.SameOPD, so a case, spacing or look-alike variant
// of a registered code meets the same hard stop as the code itself.
func checkOPDFree(ctx context.Context, q querier, opdKode, keyID string) error {
	live, err := activeKeysOf(ctx, q, opdKode)
	if err != nil {
		return err
	}
	for _, other := range live {
		if other.KeyID != keyID {
			return &DifferentKeyError{OPDKode: other.OPDKode, Claimed: opdKode, Registered: other, OtherKeyID: keyID}
		}
	}
	return nil
}

// DifferentKeyError is the hard stop "KUNCI BERBEDA": an OPD that already
// has a registered key arrives with (or is being given) another one.
type DifferentKeyError struct {
	OPDKode    string // the registered OPD
	Claimed    string // the code as it arrived, when it differs from OPDKode
	Registered Key
	OtherKeyID string
	OtherFP    string
}

func (e *DifferentKeyError) Error() string {
	return intake.DifferentKeyReason(e.Claimed, e.Registered.facts(), e.OtherKeyID, e.OtherFP)
}

// facts is the key as the intake decision reads it.
func (k Key) facts() intake.Key {
	return intake.Key{KeyID: k.KeyID, Fingerprint: k.Fingerprint, OPDKode: k.OPDKode, Status: k.Status,
		RevokedAt: k.RevokedAt, LastSequence: k.LastSequence}
}

// Keys lists the registry, by OPD code then first-seen time.
func (w *Workspace) Keys(ctx context.Context) ([]Key, error) {
	pool, err := w.db()
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, keySelect+` ORDER BY coalesce(k.opd_kode, '~'), k.first_seen, k.keyid`)
	if err != nil {
		return nil, w.classify(err)
	}
	defer rows.Close()
	var out []Key
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, w.classify(rows.Err())
}

// Key returns one registered key by its full key id.
func (w *Workspace) Key(ctx context.Context, keyID string) (Key, error) {
	pool, err := w.db()
	if err != nil {
		return Key{}, err
	}
	return keyByID(ctx, pool, keyID)
}

// ResolveKeyID expands a key id prefix (at least 8 hex digits) to the one
// registered key id it names.
func (w *Workspace) ResolveKeyID(ctx context.Context, prefix string) (string, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if len(prefix) < 8 || strings.Trim(prefix, "0123456789abcdef") != "" {
		return "", &InputError{fmt.Sprintf("key id %q tidak valid: tulis sedikitnya 8 digit heksadesimal dari `spbe-mandiri keys list`", prefix)}
	}
	pool, err := w.db()
	if err != nil {
		return "", err
	}
	rows, err := pool.QueryContext(ctx, `SELECT keyid FROM opd_key WHERE substr(keyid, 1, ?) = ?`, len(prefix), prefix)
	if err != nil {
		return "", w.classify(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
		ids = append(ids, id)
	}
	switch {
	case rows.Err() != nil:
		return "", w.classify(rows.Err())
	case len(ids) == 0:
		return "", fmt.Errorf("kunci %s tidak ada di daftar kunci: %w", prefix, assessment.ErrNotFound)
	case len(ids) > 1:
		return "", &InputError{fmt.Sprintf("key id %s cocok dengan %d kunci; tulis lebih panjang", prefix, len(ids))}
	}
	return ids[0], nil
}

// VerifyKey marks a key verified: the assessor (by) compared its
// fingerprint and says how (how: e.g. "formulir bertanda tangan Kepala
// Dinas, 3 Mei 2026" or "telepon ke nomor kantor"). A revoked key cannot
// be verified again.
func (w *Workspace) VerifyKey(ctx context.Context, keyID, by, how string) (Key, error) {
	by, how = strings.TrimSpace(by), strings.TrimSpace(how)
	if how == "" {
		return Key{}, &InputError{"cara verifikasi wajib diisi (--how), mis. \"formulir pendaftaran kunci bertanda tangan Kepala OPD\" atau \"telepon ke nomor kantor\""}
	}
	if by == "" {
		return Key{}, &InputError{"nama pemverifikasi wajib diisi (--by)"}
	}
	return w.setStatus(ctx, keyID, func(tx *sql.Tx, k Key) error {
		if k.Status == assessment.KeyRevoked {
			return &InputError{fmt.Sprintf("kunci %s sudah dicabut dan tidak dapat diverifikasi lagi", short(k.KeyID))}
		}
		_, err := tx.ExecContext(ctx, `UPDATE opd_key SET status = 'verified', verified_by = ?, verified_at = ?, verified_how = ? WHERE keyid = ?`,
			by, w.nowText(), how, k.KeyID)
		return err
	})
}

// RevokeKey marks a key revoked: bundles signed by it are refused from now
// on (those already imported stay, showing the key's status), and its OPD
// may register another key.
func (w *Workspace) RevokeKey(ctx context.Context, keyID string) (Key, error) {
	return w.setStatus(ctx, keyID, func(tx *sql.Tx, k Key) error {
		if k.Status == assessment.KeyRevoked {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE opd_key SET status = 'revoked', revoked_at = ? WHERE keyid = ?`, w.nowText(), k.KeyID)
		return err
	})
}

func (w *Workspace) setStatus(ctx context.Context, keyID string, fn func(*sql.Tx, Key) error) (Key, error) {
	id, err := w.ResolveKeyID(ctx, keyID)
	if err != nil {
		return Key{}, err
	}
	w.mu.Lock()
	err = w.write(ctx, func(tx *sql.Tx) error {
		k, err := keyByID(ctx, tx, id)
		if err != nil {
			return err
		}
		return fn(tx, k)
	})
	w.mu.Unlock()
	if err != nil {
		return Key{}, err
	}
	return w.Key(ctx, id)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }

const keySelect = `SELECT k.keyid, k.public_key, k.fingerprint, coalesce(k.opd_kode, ''), k.status, k.source, k.first_seen,
	coalesce(k.verified_by, ''), k.verified_at, coalesce(k.verified_how, ''), k.revoked_at,
	(SELECT coalesce(max(b.sequence), 0) FROM bundle b WHERE b.keyid = k.keyid)
	FROM opd_key k`

func scanKey(s scanner) (Key, error) {
	var k Key
	var pub []byte
	var status string
	var first sql.NullString
	var verAt, revAt sql.NullString
	var seq int64
	if err := s.Scan(&k.KeyID, &pub, &k.Fingerprint, &k.OPDKode, &status, &k.Source, &first,
		&k.VerifiedBy, &verAt, &k.VerifiedHow, &revAt, &seq); err != nil {
		return Key{}, err
	}
	k.PublicKey, k.Status, k.LastSequence = ed25519.PublicKey(pub), assessment.KeyStatus(status), uint64(seq)
	k.FirstSeen, k.VerifiedAt, k.RevokedAt = parseTime(first), parseTime(verAt), parseTime(revAt)
	return k, nil
}

func keyByID(ctx context.Context, q querier, keyID string) (Key, error) {
	k, err := scanKey(q.QueryRowContext(ctx, keySelect+` WHERE k.keyid = ?`, keyID))
	if errors.Is(err, sql.ErrNoRows) {
		return Key{}, fmt.Errorf("kunci %s tidak ada di daftar kunci: %w", short(keyID), assessment.ErrNotFound)
	}
	return k, err
}

// activeKeysOf are the keys not revoked bound to opdKode's OPD (matched
// with assessment.SameOPD; one, except in a workspace that stored
// look-alikes before schema 5). The registry is small: the match is done
// here, not in SQL, because the match key is Go's.
func activeKeysOf(ctx context.Context, q querier, opdKode string) ([]Key, error) {
	rows, err := q.QueryContext(ctx, keySelect+` WHERE k.opd_kode IS NOT NULL AND k.status <> 'revoked' ORDER BY k.first_seen, k.keyid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Key
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, err
		}
		if assessment.SameOPD(k.OPDKode, opdKode) {
			out = append(out, k)
		}
	}
	return out, rows.Err()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// short is the key id prefix shown in messages.
func short(keyID string) string {
	if len(keyID) > 16 {
		return keyID[:16]
	}
	return keyID
}
