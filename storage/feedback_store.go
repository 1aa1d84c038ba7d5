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
		rows, err := pool.QueryContext(ctx, `SELECT keyid, public_key, fingerprint, source, trusted_at FROM trusted_assessor ORDER BY trusted_at, keyid`)
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

// TrustAssessor trusts an assessor public key.
func (db *DB) TrustAssessor(ctx context.Context, id keys.Identity, source string) (TrustedAssessor, error) {
	t := TrustedAssessor{KeyID: id.KeyID, PublicKey: id.PublicKey, Fingerprint: id.Fingerprint, Source: source}
	err := db.write(ctx, func(tx *sql.Tx) error {
		at := db.nowText()
		_, err := tx.ExecContext(ctx, `INSERT INTO trusted_assessor (keyid, public_key, fingerprint, source, trusted_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (keyid) DO NOTHING`, id.KeyID, []byte(id.PublicKey), id.Fingerprint, source, at)
		if err != nil {
			return err
		}
		var stored string
		if err := tx.QueryRowContext(ctx, `SELECT trusted_at FROM trusted_assessor WHERE keyid = ?`, id.KeyID).Scan(&stored); err != nil {
			return err
		}
		t.TrustedAt, _ = time.Parse(time.RFC3339Nano, stored)
		return nil
	})
	return t, err
}

// ImportFeedback verifies data with the trusted key that signed it and
// stores it. The reviewed bundle must be one this installation exported,
// with the same manifest hash.
func (db *DB) ImportFeedback(ctx context.Context, data []byte) (FeedbackRecord, bool, error) {
	keyID, err := feedback.Signer(data)
	if err != nil {
		return FeedbackRecord{}, false, err
	}
	var rec FeedbackRecord
	known := false
	err = db.write(ctx, func(tx *sql.Tx) error {
		var pub []byte
		err := tx.QueryRowContext(ctx, `SELECT public_key FROM trusted_assessor WHERE keyid = ?`, keyID).Scan(&pub)
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
		var manifestSHA string
		err = tx.QueryRowContext(ctx, `SELECT assessment_id, manifest_sha256 FROM export WHERE bundle_id = ?`, m.Bundle.ID).Scan(&rec.AssessmentID, &manifestSHA)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("umpan balik untuk bundel %s, yang tidak diekspor dari instalasi ini: %w", m.Bundle.ID, assessment.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if manifestSHA != m.Bundle.ManifestSHA256 {
			return fmt.Errorf("umpan balik menyebut bundel %s dengan isi lain (manifest sha256 %.12s…, di sini %.12s…)",
				m.Bundle.ID, m.Bundle.ManifestSHA256, manifestSHA)
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
	return rec, known, err
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
