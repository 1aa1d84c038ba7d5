package asesor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// OPD identity in the workspace. Two codes with the same
// assessment.OPDMatchKey are one OPD: the key registry binds at most one
// live key per match key (checkOPDFree), and the opd_code table (schema 5)
// holds the one spelling under which the OPD is stored, so the SQL
// elsewhere may compare opd_kode exactly.

// RejectOPDCode is a bundle whose OPD code is not the canonical spelling
// of the OPD it names (a look-alike or variant signed by the OPD's own
// key, or a second spelling of a known OPD).
const RejectOPDCode = "opd-kode"

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
// the caller has checked with checkSpelling that it is not another one.
func claimCode(ctx context.Context, tx *sql.Tx, kode string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO opd_code (match_key, kode) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		assessment.OPDMatchKey(kode), kode)
	return err
}

// SpellingError is an OPD code that names a registered OPD under another
// spelling ("DISK0MINFO" for "DISKOMINFO").
type SpellingError struct{ Kode, Registered string }

func (e *SpellingError) Error() string {
	return fmt.Sprintf("kode OPD %s dianggap sama dengan OPD %s yang sudah terdaftar (huruf besar/kecil, spasi, tanda baca, "+
		"angka 0/1 dan huruf yang mirip tidak membedakan OPD); pakai kode persis %s", e.Kode, e.Registered, e.Registered)
}

// checkSpelling refuses a canonical code that is a second spelling of a
// registered OPD.
func checkSpelling(ctx context.Context, q querier, kode string) error {
	reg, err := registeredCode(ctx, q, kode)
	if err != nil || reg == "" || reg == kode {
		return err
	}
	return &SpellingError{Kode: kode, Registered: reg}
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

// identityStop applies the key binding to a bundle the verifier refused
// for its OPD code (check opd-kode), so that a case, spacing or look-alike
// variant of a registered OPD meets the same hard stop "KUNCI BERBEDA" as
// the real code. key is the registered key of the signature's key id (the
// verifier checked the signature with it), nil if unknown. ok false: no
// binding is violated and the verifier's refusal stands.
func identityStop(ctx context.Context, q querier, raw string, key *Key, keyID string) (code, reason string, ok bool, err error) {
	if key != nil && key.OPDKode != "" && !assessment.SameOPD(raw, key.OPDKode) {
		return RejectDifferentKey, differentOPD(raw, *key), true, nil
	}
	err = checkOPDFree(ctx, q, raw, keyID)
	var dk *DifferentKeyError
	if errors.As(err, &dk) {
		if key != nil {
			dk.OtherFP = key.Fingerprint
		}
		return RejectDifferentKey, dk.Error() + ". Bundel tidak disimpan", true, nil
	}
	return "", "", false, err
}

// differentOPD is the KUNCI BERBEDA reason of a key bound to another OPD.
func differentOPD(claimed string, key Key) string {
	return fmt.Sprintf(
		"KUNCI BERBEDA: bundel mengaku dari OPD %s, tetapi ditandatangani kunci %s (sidik jari %s) yang terdaftar untuk OPD %s. "+
			"Bisa jadi pemalsuan atau salah kirim; hubungi kedua OPD lewat nomor yang sudah dikenal. Bundel tidak disimpan",
		visibleCode(claimed), short(key.KeyID), key.Fingerprint, key.OPDKode)
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

// visibleCode shows an OPD code so that a look-alike never looks like the
// real one: a canonical code as it is, anything else with every character
// outside printable ASCII written as <U+XXXX>.
func visibleCode(s string) string {
	if assessment.ValidOPDCode(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		if r > ' ' && r < 0x7f {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "<%U>", r)
		}
	}
	return b.String()
}

// identityDecision is the import policy's OPD binding for a verified
// bundle signed by key: KUNCI BERBEDA when the key is bound to another OPD
// or the OPD (matched by SameOPD) has another live key; RejectOPDCode
// when the code is a second spelling of a registered OPD. code "" passes.
func identityDecision(ctx context.Context, q querier, kode string, key Key) (code, reason string, err error) {
	const again = "; minta OPD memakai kode itu di Profil OPD lalu ekspor ulang. Bundel tidak disimpan"
	switch {
	case key.OPDKode != "" && !assessment.SameOPD(key.OPDKode, kode):
		return RejectDifferentKey, differentOPD(kode, key), nil
	case key.OPDKode != "" && key.OPDKode != kode:
		return RejectOPDCode, (&SpellingError{Kode: kode, Registered: key.OPDKode}).Error() + " — kunci ini terdaftar untuk OPD tersebut" + again, nil
	}
	err = checkOPDFree(ctx, q, kode, key.KeyID)
	var dk *DifferentKeyError
	if errors.As(err, &dk) {
		dk.OtherFP = key.Fingerprint
		return RejectDifferentKey, dk.Error() + ". Bundel tidak disimpan", nil
	}
	if err == nil {
		err = checkSpelling(ctx, q, kode)
	}
	var se *SpellingError
	if errors.As(err, &se) {
		return RejectOPDCode, se.Error() + again, nil
	}
	return "", "", err
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
