package storage

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// FeedbackStore is the OPD side of the assessor's feedback: trusted
// assessor keys and the verified feedback files. It extends the store
// (implemented by *DB) without being part of assessment.Store.
type FeedbackStore interface {
	// TrustedAssessors lists the trusted assessor keys.
	TrustedAssessors(ctx context.Context) ([]TrustedAssessor, error)
	// TrustAssessor trusts an assessor public key (a no-op when known).
	TrustAssessor(ctx context.Context, id keys.Identity, source string) (TrustedAssessor, error)
	// ImportFeedback verifies a feedback file with a trusted key and
	// stores it; known reports an identical file already stored.
	ImportFeedback(ctx context.Context, data []byte) (rec FeedbackRecord, known bool, err error)
	// Feedback lists the feedback on an assessment's bundles, newest first.
	Feedback(ctx context.Context, assessmentID string) ([]FeedbackRecord, error)
	// assessment.AssessorTrust: list the trusted keys, withdraw trust.
	assessment.AssessorTrust
}

var _ FeedbackStore = (*DB)(nil)

// TrustedAssessor is a trusted assessor key.
type TrustedAssessor struct {
	KeyID       string
	PublicKey   ed25519.PublicKey
	Fingerprint string
	Source      string
	TrustedAt   time.Time
}

// FeedbackRecord is one stored feedback file.
type FeedbackRecord struct {
	ID           int64
	AssessmentID string
	Manifest     feedback.Manifest
	ImportedAt   time.Time
}

// UntrustedAssessorError is feedback signed by a key this installation
// does not trust.
type UntrustedAssessorError struct{ KeyID string }

func (e *UntrustedAssessorError) Error() string {
	return fmt.Sprintf("umpan balik ditandatangani kunci asesor %.16s… yang belum dipercaya; cocokkan sidik jarinya dengan Tim Asesor "+
		"(telepon ke nomor yang dikenal), lalu ulangi dengan --assessor-pubkey BERKAS --trust", e.KeyID)
}

// TrustedAssessors lists the trusted assessor keys, oldest first.
func (db *DB) TrustedAssessors(ctx context.Context) ([]TrustedAssessor, error) {
	var out []TrustedAssessor
	err := db.read(func(pool *sql.DB) error {
		rows, err := pool.QueryContext(ctx, `SELECT keyid, public_key, fingerprint, source, trusted_at FROM trusted_assessor
			WHERE untrusted_at IS NULL ORDER BY trusted_at, keyid`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t TrustedAssessor
			var pub []byte
			var at string
			if err := rows.Scan(&t.KeyID, &pub, &t.Fingerprint, &t.Source, &at); err != nil {
				return err
			}
			t.PublicKey = ed25519.PublicKey(pub)
			t.TrustedAt, _ = time.Parse(time.RFC3339Nano, at)
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// TrustAssessor trusts an assessor public key; a key whose trust was
// withdrawn is trusted again (from now, with the new source).
func (db *DB) TrustAssessor(ctx context.Context, id keys.Identity, source string) (TrustedAssessor, error) {
	t := TrustedAssessor{KeyID: id.KeyID, PublicKey: id.PublicKey, Fingerprint: id.Fingerprint, Source: source}
	err := db.write(ctx, func(tx *sql.Tx) error {
		var err error
		t.TrustedAt, _, err = db.trustTx(ctx, tx, id, source)
		return err
	})
	return t, err
}

// trustTx trusts id inside tx; now reports that it was not trusted before.
func (db *DB) trustTx(ctx context.Context, tx *sql.Tx, id keys.Identity, source string) (at time.Time, now bool, err error) {
	var active int
	switch err := tx.QueryRowContext(ctx, `SELECT untrusted_at IS NULL FROM trusted_assessor WHERE keyid = ?`, id.KeyID).Scan(&active); {
	case errors.Is(err, sql.ErrNoRows):
		now = true
	case err != nil:
		return at, false, err
	default:
		now = active == 0
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO trusted_assessor (keyid, public_key, fingerprint, source, trusted_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (keyid) DO UPDATE SET untrusted_at = NULL, trusted_at = excluded.trusted_at,
		source = excluded.source WHERE trusted_assessor.untrusted_at IS NOT NULL`, id.KeyID, []byte(id.PublicKey), id.Fingerprint, source, db.nowText())
	if err != nil {
		return at, false, err
	}
	var stored string
	if err := tx.QueryRowContext(ctx, `SELECT trusted_at FROM trusted_assessor WHERE keyid = ?`, id.KeyID).Scan(&stored); err != nil {
		return at, false, err
	}
	at, _ = time.Parse(time.RFC3339Nano, stored)
	return at, now, nil
}

// ImportFeedback verifies data with the trusted key that signed it and
// stores it. The reviewed bundle must be one this installation exported,
// with the same manifest hash.
func (db *DB) ImportFeedback(ctx context.Context, data []byte) (FeedbackRecord, bool, error) {
	rec, known, _, err := db.importFeedback(ctx, data, nil, "")
	return rec, known, err
}

// TrustAndImportFeedback trusts id (read from the public key file source,
// whose fingerprint the officer compared) and imports data in one
// transaction: feedback that is refused leaves no new trust behind.
// trustedNow reports that the key was not trusted before.
func (db *DB) TrustAndImportFeedback(ctx context.Context, data []byte, id keys.Identity, source string) (rec FeedbackRecord, known, trustedNow bool, err error) {
	return db.importFeedback(ctx, data, &id, source)
}

func (db *DB) importFeedback(ctx context.Context, data []byte, trust *keys.Identity, source string) (FeedbackRecord, bool, bool, error) {
	keyID, err := feedback.Signer(data)
	if err != nil {
		return FeedbackRecord{}, false, false, err
	}
	if trust != nil && trust.KeyID != keyID {
		return FeedbackRecord{}, false, false, fmt.Errorf("umpan balik ditandatangani kunci %.16s…, bukan kunci di %s (%.16s…)", keyID, source, trust.KeyID)
	}
	var rec FeedbackRecord
	known, trustedNow := false, false
	err = db.write(ctx, func(tx *sql.Tx) error {
		if trust != nil {
			var err error
			if _, trustedNow, err = db.trustTx(ctx, tx, *trust, source); err != nil {
				return err
			}
		}
		var pub []byte
		err := tx.QueryRowContext(ctx, `SELECT public_key FROM trusted_assessor WHERE keyid = ? AND untrusted_at IS NULL`, keyID).Scan(&pub)
		if errors.Is(err, sql.ErrNoRows) {
			return &UntrustedAssessorError{KeyID: keyID}
		}
		if err != nil {
			return err
		}
		m, err := feedback.Verify(data, ed25519.PublicKey(pub))
		if err != nil {
			return err
		}
		rec.Manifest = *m
		if rec.AssessmentID, err = feedbackTarget(ctx, tx, m.Bundle); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		digest := hex.EncodeToString(sum[:])
		var existing int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM feedback WHERE payload_sha256 = ?`, digest).Scan(&existing); err == nil {
			rec.ID, known = existing, true
			return nil
		}
		now := db.nowText()
		res, err := tx.ExecContext(ctx, `INSERT INTO feedback (payload_sha256, bundle_id, assessment_id, assessor_keyid, assessor_name,
			created_at, imported_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, digest, m.Bundle.ID, rec.AssessmentID, keyID,
			m.Assessor.Name, m.CreatedAt, now, bytes.Clone(data))
		if err != nil {
			return err
		}
		if rec.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		rec.ImportedAt, _ = time.Parse(time.RFC3339Nano, now)
		for _, it := range m.Items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_item (feedback_id, indicator, status, reason, value, note, reviewer, reviewed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, rec.ID, it.Indicator, it.Status, it.Reason, it.Value, it.Note, it.Reviewer, it.ReviewedAt); err != nil {
				return err
			}
		}
		return nil
	})
	return rec, known, trustedNow, err
}

// FeedbackTarget returns the assessment of the bundle that feedback is
// about, which must be one this installation exported with the same
// manifest hash; otherwise the error says why the feedback is refused.
func (db *DB) FeedbackTarget(ctx context.Context, b feedback.BundleRef) (assessmentID string, err error) {
	err = db.read(func(pool *sql.DB) error {
		assessmentID, err = feedbackTarget(ctx, pool, b)
		return err
	})
	return assessmentID, err
}

func feedbackTarget(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, b feedback.BundleRef) (string, error) {
	var assessmentID, manifestSHA string
	err := q.QueryRowContext(ctx, `SELECT assessment_id, manifest_sha256 FROM export WHERE bundle_id = ?`, b.ID).Scan(&assessmentID, &manifestSHA)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("umpan balik untuk bundel %s (%s periode %d nomor urut %d), yang tidak diekspor dari instalasi ini: %w",
			b.ID, b.OPDKode, b.Periode, b.Sequence, assessment.ErrNotFound)
	}
	if err != nil {
		return "", err
	}
	if manifestSHA != b.ManifestSHA256 {
		return "", fmt.Errorf("umpan balik menyebut bundel %s dengan isi lain (manifest sha256 %.12s…, di sini %.12s…)",
			b.ID, b.ManifestSHA256, manifestSHA)
	}
	return assessmentID, nil
}

// Feedback lists the feedback stored on an assessment's bundles, newest
// first. The signed files are verified again when read.
func (db *DB) Feedback(ctx context.Context, assessmentID string) ([]FeedbackRecord, error) {
	var out []FeedbackRecord
	err := db.read(func(pool *sql.DB) error {
		rows, err := pool.QueryContext(ctx, `SELECT f.id, f.assessment_id, f.imported_at, f.envelope, t.public_key
			FROM feedback f JOIN trusted_assessor t ON t.keyid = f.assessor_keyid
			WHERE f.assessment_id = ? ORDER BY f.id DESC`, assessmentID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r FeedbackRecord
			var at string
			var env, pub []byte
			if err := rows.Scan(&r.ID, &r.AssessmentID, &at, &env, &pub); err != nil {
				return err
			}
			m, err := feedback.Verify(env, ed25519.PublicKey(pub))
			if err != nil {
				return fmt.Errorf("umpan balik tersimpan #%d: %w", r.ID, err)
			}
			r.Manifest = *m
			r.ImportedAt, _ = time.Parse(time.RFC3339Nano, at)
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// TrustedAssessorKeys lists the trusted assessor keys, oldest first
// (assessment.AssessorTrust).
func (db *DB) TrustedAssessorKeys(ctx context.Context) ([]assessment.TrustedAssessorKey, error) {
	list, err := db.TrustedAssessors(ctx)
	out := make([]assessment.TrustedAssessorKey, 0, len(list))
	for _, t := range list {
		out = append(out, t.key())
	}
	return out, err
}

func (t TrustedAssessor) key() assessment.TrustedAssessorKey {
	return assessment.TrustedAssessorKey{KeyID: t.KeyID, Fingerprint: t.Fingerprint, Source: t.Source, TrustedAt: t.TrustedAt}
}

// UntrustAssessor withdraws the trust in the trusted key keyID (or a
// unique prefix of at least 8 hex digits). The row is kept, marked: the
// feedback already imported refers to it and stays readable; new feedback
// signed by the key is refused until it is trusted again.
func (db *DB) UntrustAssessor(ctx context.Context, keyID string) (assessment.TrustedAssessorKey, error) {
	prefix := strings.ToLower(strings.TrimSpace(keyID))
	if len(prefix) < 8 || strings.Trim(prefix, "0123456789abcdef") != "" {
		return assessment.TrustedAssessorKey{}, &assessment.InputError{Msg: fmt.Sprintf(
			"key id %q tidak valid: tulis sedikitnya 8 digit heksadesimal dari `spbe-mandiri feedback keys`", keyID)}
	}
	var t TrustedAssessor
	err := db.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT keyid, fingerprint, source, trusted_at FROM trusted_assessor
			WHERE untrusted_at IS NULL AND substr(keyid, 1, ?) = ?`, len(prefix), prefix)
		if err != nil {
			return err
		}
		var found []TrustedAssessor
		for rows.Next() {
			var r TrustedAssessor
			var at string
			if err := rows.Scan(&r.KeyID, &r.Fingerprint, &r.Source, &at); err != nil {
				rows.Close()
				return err
			}
			r.TrustedAt, _ = time.Parse(time.RFC3339Nano, at)
			found = append(found, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
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
		return assessment.TrustedAssessorKey{}, err
	}
	return t.key(), nil
}
