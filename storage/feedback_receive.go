package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/feedbacktrust"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// FeedbackReceipt is one import of a feedback file by the CLI or the GUI.
type FeedbackReceipt struct {
	File    string
	KeyFile string // the signer's public key file; "" when it is trusted
	Trust   bool   // trust KeyFile's key (its fingerprint was compared)
	Retrust bool   // and trust it again if its trust was withdrawn
	// PreviewedSHA256 and PreviewedKeyID bind the import to what the
	// officer looked at: the SHA-256 of the file's bytes and the signer's
	// key id ("" = unbound).
	PreviewedSHA256, PreviewedKeyID string
}

// errChangedSincePreview is a feedback file (or its signer) that is not
// the one the officer previewed: a stick swapped or rewritten meanwhile.
var errChangedSincePreview = errors.New("berkas berubah sejak diperiksa; ulangi impor")

// ReceiveFeedback is the one import path of the CLI and the GUI. The file
// is read once; r.KeyFile, when given, must hold the signer's public key;
// whether its key is trusted first is feedbacktrust.Admit's decision
// (done in the import's transaction).
func (db *DB) ReceiveFeedback(ctx context.Context, r FeedbackReceipt) (rec FeedbackRecord, known, trustedNow bool, err error) {
	data, err := feedback.ReadFile(r.File)
	if err != nil {
		return rec, false, false, err
	}
	if err := r.checkPreviewed(data); err != nil {
		return rec, false, false, err
	}
	if r.KeyFile == "" {
		rec, known, err = db.ImportFeedback(ctx, data)
		return rec, known, false, err
	}
	id, t, found, err := db.signerKey(ctx, data, r.KeyFile)
	if err != nil {
		return rec, false, false, err
	}
	trust, err := feedbacktrust.Admit(t.facts(id.KeyID, found), feedbacktrust.Request{KeyFile: r.KeyFile,
		KeyFingerprint: id.Fingerprint, Trust: r.Trust, Retrust: r.Retrust})
	switch {
	case err != nil:
		return rec, false, false, err
	case !trust:
		rec, known, err = db.ImportFeedback(ctx, data)
		return rec, known, false, err
	}
	return db.TrustAndImportFeedback(ctx, data, id, filepath.Base(r.KeyFile), r.Retrust)
}

// checkPreviewed refuses data that is not what was previewed.
func (r FeedbackReceipt) checkPreviewed(data []byte) error {
	if r.PreviewedSHA256 != "" && sha256Hex(data) != r.PreviewedSHA256 {
		return errChangedSincePreview
	}
	if r.PreviewedKeyID == "" {
		return nil
	}
	if signer, err := feedback.Signer(data); err != nil || signer != r.PreviewedKeyID {
		return errChangedSincePreview
	}
	return nil
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// signerKey reads the public key file keyFile, which must be the key that
// signed data, and returns how this installation knows it (found false:
// never trusted; t.Withdrawn(): trust withdrawn).
func (db *DB) signerKey(ctx context.Context, data []byte, keyFile string) (id keys.Identity, t TrustedAsesor, found bool, err error) {
	signer, err := feedback.Signer(data)
	if err != nil {
		return id, t, false, err
	}
	if id, err = keys.ReadPublic(keyFile); err != nil {
		return id, t, false, fmt.Errorf("%s: %w", filepath.Base(keyFile), err)
	}
	if id.KeyID != signer {
		return id, t, false, fmt.Errorf("umpan balik ditandatangani kunci %.16s…, bukan kunci di %s (%.16s…)", signer, keyFile, id.KeyID)
	}
	t, found, err = db.AsesorKey(ctx, signer)
	return id, t, found, err
}
