package storage

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/feedbacktrust"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// FeedbackStore is the OPD side of the assessor's feedback: trusted
// assessor keys and the verified feedback files. It extends the store
// (implemented by *DB) without being part of assessment.Store.
type FeedbackStore interface {
	// TrustedAsesors lists the trusted assessor keys.
	TrustedAsesors(ctx context.Context) ([]TrustedAsesor, error)
	// AsesorKey is an assessor key as known here, trusted or withdrawn.
	AsesorKey(ctx context.Context, keyID string) (t TrustedAsesor, found bool, err error)
	// TrustAsesor trusts an assessor public key (a no-op when trusted);
	// a withdrawn key only with retrust.
	TrustAsesor(ctx context.Context, id keys.Identity, source string, retrust bool) (TrustedAsesor, error)
	// ImportFeedback verifies a feedback file with a trusted key and
	// stores it; known reports an identical file already stored.
	ImportFeedback(ctx context.Context, data []byte) (rec FeedbackRecord, known bool, err error)
	// Feedback lists the feedback on an assessment's bundles, newest first.
	Feedback(ctx context.Context, assessmentID string) ([]FeedbackRecord, error)
	// assessment.AsesorTrust: list the trusted keys, withdraw trust.
	assessment.AsesorTrust
}

var _ FeedbackStore = (*DB)(nil)

// TrustedAsesor is an assessor key this installation trusts, or
// trusted until UntrustedAt.
type TrustedAsesor struct {
	KeyID       string
	PublicKey   ed25519.PublicKey
	Fingerprint string
	Source      string
	TrustedAt   time.Time
	UntrustedAt time.Time // zero while trusted: when the trust was withdrawn
}

// Withdrawn reports that the trust in the key was withdrawn.
func (t TrustedAsesor) Withdrawn() bool { return !t.UntrustedAt.IsZero() }

// FeedbackRecord is one stored feedback file.
type FeedbackRecord struct {
	ID           int64
	AssessmentID string
	Manifest     feedback.Manifest
	ImportedAt   time.Time
	// Sequence is the reviewed bundle's number in this installation's
	// export log (the manifest's claim was checked against it).
	Sequence uint64
	// Fingerprint is the one of the key that verified the signature.
	Fingerprint string
	// KeyWithdrawnAt is when the trust in the signing key was withdrawn;
	// zero while it is trusted. Feedback of a withdrawn key is kept but
	// must not be shown as the assessor's word.
	KeyWithdrawnAt time.Time
	// Superseded, set by an import, says in Bahasa Indonesia why the
	// feedback just stored is history and not the current one (a newer
	// feedback was imported before it); "" when it is current.
	Superseded string
}

// facts is the key as the trust rule (assessment/feedbacktrust) reads it;
// found false: never trusted here.
func (t TrustedAsesor) facts(keyID string, found bool) feedbacktrust.Key {
	return feedbacktrust.Key{KeyID: keyID, Fingerprint: t.Fingerprint, Found: found, UntrustedAt: t.UntrustedAt}
}

// rank is the record as the trust rule orders it.
func (r FeedbackRecord) rank() feedbacktrust.Rank {
	return feedbacktrust.Rank{Withdrawn: !r.KeyWithdrawnAt.IsZero(), Sequence: r.Sequence, CreatedAt: r.Manifest.CreatedAt, Imported: r.ID}
}

const asesorColumns = `keyid, public_key, fingerprint, source, trusted_at, untrusted_at`

func scanAsesor(row interface{ Scan(...any) error }) (TrustedAsesor, error) {
	var t TrustedAsesor
	var pub []byte
	var at string
	var untrusted sql.NullString
	if err := row.Scan(&t.KeyID, &pub, &t.Fingerprint, &t.Source, &at, &untrusted); err != nil {
		return t, err
	}
	t.PublicKey = ed25519.PublicKey(pub)
	t.TrustedAt, _ = time.Parse(time.RFC3339Nano, at)
	if untrusted.Valid {
		t.UntrustedAt = parseUntrusted(untrusted.String)
	}
	return t, nil
}

// parseUntrusted reads untrusted_at; a value that does not parse still
// means withdrawn (never zero).
func parseUntrusted(s string) time.Time {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil && !t.IsZero() {
		return t
	}
	return time.Unix(0, 0).UTC()
}

// TrustedAsesors lists the trusted assessor keys, oldest first.
func (db *DB) TrustedAsesors(ctx context.Context) ([]TrustedAsesor, error) {
	var out []TrustedAsesor
	err := db.read(func(pool *sql.DB) error {
		rows, err := pool.QueryContext(ctx, `SELECT `+asesorColumns+` FROM trusted_assessor
			WHERE untrusted_at IS NULL ORDER BY trusted_at, keyid`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanAsesor(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// AsesorKey returns the assessor key keyID as this installation knows
// it: trusted, or withdrawn (UntrustedAt set); found is false for a key
// never trusted here.
func (db *DB) AsesorKey(ctx context.Context, keyID string) (t TrustedAsesor, found bool, err error) {
	err = db.read(func(pool *sql.DB) error {
		t, found, err = asesorKey(ctx, pool, keyID)
		return err
	})
	return t, found, err
}

type queryRower interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

func asesorKey(ctx context.Context, q queryRower, keyID string) (TrustedAsesor, bool, error) {
	t, err := scanAsesor(q.QueryRowContext(ctx, `SELECT `+asesorColumns+` FROM trusted_assessor WHERE keyid = ?`, keyID))
	if errors.Is(err, sql.ErrNoRows) {
		return TrustedAsesor{}, false, nil
	}
	return t, err == nil, err
}

// TrustAsesor trusts an assessor public key. A key whose trust was
// withdrawn is trusted again (from now, with the new source) only with
// retrust; otherwise it is a *feedbacktrust.WithdrawnKeyError.
func (db *DB) TrustAsesor(ctx context.Context, id keys.Identity, source string, retrust bool) (TrustedAsesor, error) {
	t := TrustedAsesor{KeyID: id.KeyID, PublicKey: id.PublicKey, Fingerprint: id.Fingerprint, Source: source}
	err := db.write(ctx, func(tx *sql.Tx) error {
		var err error
		t.TrustedAt, _, err = db.trustTx(ctx, tx, trustRequest{id: id, source: source, retrust: retrust})
		return err
	})
	return t, err
}

// trustRequest is a key to trust: id read from the public key file
// source, whose fingerprint the officer compared; retrust allows a key
// whose trust was withdrawn.
type trustRequest struct {
	id      keys.Identity
	source  string
	retrust bool
}

// trustTx trusts r.id inside tx; now reports that it was not trusted
// before (new, or withdrawn and trusted again).
func (db *DB) trustTx(ctx context.Context, tx *sql.Tx, r trustRequest) (at time.Time, now bool, err error) {
	if err := keys.CheckPublicKey(r.id.PublicKey); err != nil {
		return at, false, err // a key anyone can forge signatures for is never trusted
	}
	known, found, err := asesorKey(ctx, tx, r.id.KeyID)
	if err != nil {
		return at, false, err
	}
	if need, err := feedbacktrust.NeedsTrust(known.facts(r.id.KeyID, found), r.retrust); !need {
		return known.TrustedAt, false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO trusted_assessor (keyid, public_key, fingerprint, source, trusted_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (keyid) DO UPDATE SET untrusted_at = NULL, trusted_at = excluded.trusted_at,
		source = excluded.source WHERE trusted_assessor.untrusted_at IS NOT NULL`,
		r.id.KeyID, []byte(r.id.PublicKey), r.id.Fingerprint, r.source, db.nowText())
	if err != nil {
		return at, false, err
	}
	var stored string
	if err := tx.QueryRowContext(ctx, `SELECT trusted_at FROM trusted_assessor WHERE keyid = ?`, r.id.KeyID).Scan(&stored); err != nil {
		return at, false, err
	}
	at, _ = time.Parse(time.RFC3339Nano, stored)
	return at, true, nil
}

// ImportFeedback verifies data with the trusted key that signed it and
// stores it. The reviewed bundle must be one this installation exported,
// with the same manifest hash, OPD, periode and sequence.
func (db *DB) ImportFeedback(ctx context.Context, data []byte) (FeedbackRecord, bool, error) {
	rec, known, _, err := db.importFeedback(ctx, data, nil)
	return rec, known, err
}

// TrustAndImportFeedback trusts id (read from the public key file source,
// whose fingerprint the officer compared) and imports data in one
// transaction: feedback that is refused leaves no new trust behind. A key
// whose trust was withdrawn is trusted again only with retrust.
// trustedNow reports that the key was not trusted before.
func (db *DB) TrustAndImportFeedback(ctx context.Context, data []byte, id keys.Identity, source string, retrust bool) (rec FeedbackRecord, known, trustedNow bool, err error) {
	return db.importFeedback(ctx, data, &trustRequest{id: id, source: source, retrust: retrust})
}

func (db *DB) importFeedback(ctx context.Context, data []byte, trust *trustRequest) (FeedbackRecord, bool, bool, error) {
	keyID, err := feedback.Signer(data)
	if err != nil {
		return FeedbackRecord{}, false, false, err
	}
	if trust != nil && trust.id.KeyID != keyID {
		return FeedbackRecord{}, false, false, fmt.Errorf("umpan balik ditandatangani kunci %.16s…, bukan kunci di %s (%.16s…)", keyID, trust.source, trust.id.KeyID)
	}
	var rec FeedbackRecord
	known, trustedNow := false, false
	err = db.write(ctx, func(tx *sql.Tx) error {
		if trust != nil {
			var err error
			if _, trustedNow, err = db.trustTx(ctx, tx, *trust); err != nil {
				return err
			}
		}
		key, found, err := asesorKey(ctx, tx, keyID)
		if err != nil {
			return err
		}
		if err := feedbacktrust.Importable(key.facts(keyID, found)); err != nil {
			return err
		}
		m, err := feedback.Verify(data, key.PublicKey)
		if err != nil {
			return err
		}
		rec.Manifest, rec.Fingerprint = *m, keys.Fingerprint(key.PublicKey)
		if rec.AssessmentID, rec.Sequence, err = feedbackTarget(ctx, tx, m.Bundle); err != nil {
			return err
		}
		known, err = db.storeFeedback(ctx, tx, data, keyID, &rec)
		return err
	})
	return rec, known, trustedNow, err
}

// storeFeedback stores the verified feedback of rec (its manifest and
// assessment set) as the exact file data, and its items; known reports
// that the same signed payload was stored already, in whatever envelope
// (nothing is written). A stored feedback that is not the current one
// gets rec.Superseded.
func (db *DB) storeFeedback(ctx context.Context, tx *sql.Tx, data []byte, keyID string, rec *FeedbackRecord) (known bool, err error) {
	digest, err := feedback.PayloadSHA256(data)
	if err != nil {
		return false, err
	}
	if known, err := samePayloadStored(ctx, tx, rec.Manifest.Bundle.ID, digest, &rec.ID); known || err != nil {
		return known, err
	}
	m, now := &rec.Manifest, db.nowText()
	res, err := tx.ExecContext(ctx, `INSERT INTO feedback (payload_sha256, bundle_id, assessment_id, assessor_keyid, assessor_name,
		created_at, imported_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, digest, m.Bundle.ID, rec.AssessmentID, keyID,
		m.Asesor.Name, m.CreatedAt, now, bytes.Clone(data))
	if err != nil {
		return false, err
	}
	if rec.ID, err = res.LastInsertId(); err != nil {
		return false, err
	}
	rec.ImportedAt, _ = time.Parse(time.RFC3339Nano, now)
	for _, it := range m.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_item (feedback_id, indicator, status, reason, value, note, reviewer, reviewed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, rec.ID, it.Indicator, it.Status, it.Reason, it.Value, it.Note, it.Reviewer, it.ReviewedAt); err != nil {
			return false, err
		}
	}
	rec.Superseded, err = supersededBy(ctx, tx, rec)
	return false, err
}

// samePayloadStored finds feedback on bundleID with the signed payload
// digest. The envelopes are compared by their payload, not by the stored
// payload_sha256: rows stored before schema 5's rule hold the SHA-256 of
// the whole file there.
func samePayloadStored(ctx context.Context, tx *sql.Tx, bundleID, digest string, id *int64) (bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, envelope FROM feedback WHERE bundle_id = ? ORDER BY id`, bundleID)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		var env []byte
		if err := rows.Scan(id, &env); err != nil {
			return false, err
		}
		if d, err := feedback.PayloadSHA256(env); err == nil && d == digest {
			return true, nil
		}
	}
	*id = 0
	return false, rows.Err()
}

// supersededBy says why the feedback rec just stored is not the current
// one of its assessment (feedbacktrust.Superseded): a newer one of a
// still trusted key is stored already. "" when rec is current.
func supersededBy(ctx context.Context, tx *sql.Tx, rec *FeedbackRecord) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT f.envelope, t.public_key FROM feedback f JOIN trusted_assessor t ON t.keyid = f.assessor_keyid
		WHERE f.assessment_id = ? AND f.id <> ? AND t.untrusted_at IS NULL`, rec.AssessmentID, rec.ID)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var others []feedbacktrust.Rank
	for rows.Next() {
		var env, pub []byte
		if err := rows.Scan(&env, &pub); err != nil {
			return "", err
		}
		if other, err := feedback.VerifyStored(env, ed25519.PublicKey(pub)); err == nil {
			others = append(others, feedbacktrust.Rank{Sequence: other.Bundle.Sequence, CreatedAt: other.CreatedAt})
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	stored := feedbacktrust.Rank{Sequence: rec.Manifest.Bundle.Sequence, CreatedAt: rec.Manifest.CreatedAt}
	return feedbacktrust.Superseded(stored, others), nil
}

// FeedbackTarget returns the assessment of the bundle that feedback is
// about, which must be one this installation exported with the same
// manifest hash, OPD, periode and sequence; otherwise the error says why
// the feedback is refused.
func (db *DB) FeedbackTarget(ctx context.Context, b feedback.BundleRef) (assessmentID string, err error) {
	err = db.read(func(pool *sql.DB) error {
		assessmentID, _, err = feedbackTarget(ctx, pool, b)
		return err
	})
	return assessmentID, err
}

// feedbackTarget checks the bundle feedback names against the export log
// and returns its assessment and sequence there.
func feedbackTarget(ctx context.Context, q queryRower, b feedback.BundleRef) (string, uint64, error) {
	var assessmentID, manifestSHA, kode string
	var periode int
	var seq uint64
	err := q.QueryRowContext(ctx, `SELECT assessment_id, manifest_sha256, opd_kode, periode, sequence FROM export WHERE bundle_id = ?`,
		b.ID).Scan(&assessmentID, &manifestSHA, &kode, &periode, &seq)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, fmt.Errorf("umpan balik untuk bundel %s (%s periode %d nomor urut %d), yang tidak diekspor dari instalasi ini: %w",
			b.ID, b.OPDKode, b.Periode, b.Sequence, assessment.ErrNotFound)
	}
	if err != nil {
		return "", 0, err
	}
	if manifestSHA != b.ManifestSHA256 {
		return "", 0, fmt.Errorf("umpan balik menyebut bundel %s dengan isi lain (manifest sha256 %.12s…, di sini %.12s…)",
			b.ID, b.ManifestSHA256, manifestSHA)
	}
	if kode != b.OPDKode || periode != b.Periode || seq != b.Sequence {
		return "", 0, fmt.Errorf("umpan balik menyebut bundel %s sebagai %s periode %d nomor urut %d, padahal bundel itu diekspor sebagai "+
			"%s periode %d nomor urut %d", b.ID, b.OPDKode, b.Periode, b.Sequence, kode, periode, seq)
	}
	return assessmentID, seq, nil
}

// Feedback lists the feedback stored on an assessment's bundles in the
// order of feedbacktrust.Before: those of still trusted keys first, each
// group newest first — the highest bundle sequence in the export log,
// then the assessor's signed created_at, then the latest imported — so an
// older feedback imported later, however it is wrapped, never comes
// first. The signed files are verified again when read; feedback whose
// signing key was withdrawn is listed with KeyWithdrawnAt set.
func (db *DB) Feedback(ctx context.Context, assessmentID string) ([]FeedbackRecord, error) {
	var out []FeedbackRecord
	err := db.read(func(pool *sql.DB) error {
		rows, err := pool.QueryContext(ctx, `SELECT f.id, f.assessment_id, f.imported_at, f.envelope, t.public_key, t.untrusted_at, e.sequence
			FROM feedback f JOIN trusted_assessor t ON t.keyid = f.assessor_keyid JOIN export e ON e.bundle_id = f.bundle_id
			WHERE f.assessment_id = ? ORDER BY e.sequence DESC, f.id DESC`, assessmentID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanFeedback(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	sort.SliceStable(out, func(i, j int) bool { return feedbacktrust.Before(out[i].rank(), out[j].rank()) })
	return out, err
}

func scanFeedback(rows *sql.Rows) (FeedbackRecord, error) {
	var r FeedbackRecord
	var at string
	var env, pub []byte
	var untrusted sql.NullString
	if err := rows.Scan(&r.ID, &r.AssessmentID, &at, &env, &pub, &untrusted, &r.Sequence); err != nil {
		return r, err
	}
	m, err := feedback.VerifyStored(env, ed25519.PublicKey(pub))
	if err != nil {
		return r, fmt.Errorf("umpan balik tersimpan #%d: %w", r.ID, err)
	}
	r.Manifest, r.Fingerprint = *m, keys.Fingerprint(ed25519.PublicKey(pub))
	r.ImportedAt, _ = time.Parse(time.RFC3339Nano, at)
	if untrusted.Valid {
		r.KeyWithdrawnAt = parseUntrusted(untrusted.String)
	}
	return r, nil
}

// TrustedAsesorKeys lists the trusted assessor keys, oldest first
// (assessment.AsesorTrust).
func (db *DB) TrustedAsesorKeys(ctx context.Context) ([]assessment.TrustedAsesorKey, error) {
	list, err := db.TrustedAsesors(ctx)
	out := make([]assessment.TrustedAsesorKey, 0, len(list))
	for _, t := range list {
		out = append(out, t.key())
	}
	return out, err
}

func (t TrustedAsesor) key() assessment.TrustedAsesorKey {
	return assessment.TrustedAsesorKey{KeyID: t.KeyID, Fingerprint: t.Fingerprint, Source: t.Source, TrustedAt: t.TrustedAt}
}

// trustedByPrefix are the trusted assessor keys whose id starts with
// prefix. The rows are closed before UntrustAsesor updates in the same
// transaction.
func trustedByPrefix(ctx context.Context, tx *sql.Tx, prefix string) ([]TrustedAsesor, error) {
	rows, err := tx.QueryContext(ctx, `SELECT keyid, fingerprint, source, trusted_at FROM trusted_assessor
			WHERE untrusted_at IS NULL AND substr(keyid, 1, ?) = ?`, len(prefix), prefix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found []TrustedAsesor
	for rows.Next() {
		var r TrustedAsesor
		var at string
		if err := rows.Scan(&r.KeyID, &r.Fingerprint, &r.Source, &at); err != nil {
			return nil, err
		}
		r.TrustedAt, _ = time.Parse(time.RFC3339Nano, at)
		found = append(found, r)
	}
	return found, rows.Err()
}

// UntrustAsesor withdraws the trust in the trusted key keyID (or a
// unique prefix of at least 8 hex digits). The row is kept, marked: the
// feedback already imported refers to it and stays readable; new feedback
// signed by the key is refused until it is trusted again.
func (db *DB) UntrustAsesor(ctx context.Context, keyID string) (assessment.TrustedAsesorKey, error) {
	prefix := strings.ToLower(strings.TrimSpace(keyID))
	if len(prefix) < 8 || strings.Trim(prefix, "0123456789abcdef") != "" {
		return assessment.TrustedAsesorKey{}, &assessment.InputError{Msg: fmt.Sprintf(
			"key id %q tidak valid: tulis sedikitnya 8 digit heksadesimal dari `spbe-mandiri feedback keys`", keyID)}
	}
	var t TrustedAsesor
	err := db.write(ctx, func(tx *sql.Tx) error {
		found, err := trustedByPrefix(ctx, tx, prefix)
		if err != nil {
			return err
		}
		switch len(found) {
		case 0:
			return fmt.Errorf("kunci asesor %s tidak ada di daftar kunci tepercaya: %w", prefix, assessment.ErrNotFound)
		case 1:
		default:
			return &assessment.InputError{Msg: fmt.Sprintf("key id %s cocok dengan %d kunci asesor; tulis lebih panjang", prefix, len(found))}
		}
		t = found[0]
		_, err = tx.ExecContext(ctx, `UPDATE trusted_assessor SET untrusted_at = ? WHERE keyid = ?`, db.nowText(), t.KeyID)
		return err
	})
	if err != nil {
		return assessment.TrustedAsesorKey{}, err
	}
	return t.key(), nil
}
