package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// assessorPublicKeyName is the assessor's public key file written next to
// each feedback file, for the OPD's first `feedback import --trust`.
const assessorPublicKeyName = "KUNCI_ASESOR.json"

// defaultAssessorName names the assessor team in a feedback file when no
// name is given.
const defaultAssessorName = "Tim Asesor Internal"

// exportFeedback is `feedback export`: it opens the workspace of dataDir
// and signs the feedback with signFeedback, as the GUI does on its open
// workspace.
func exportFeedback(ctx context.Context, dataDir string, req cli.FeedbackExportRequest) (out cli.FeedbackExported, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		out, err = signFeedback(ctx, w, req)
		return err
	})
	return out, err
}

// assessorKeys is the assessor's own key folder, <data>/asesor/keys:
// separate from an OPD key in <data>/keys on the same laptop.
func assessorKeys(w *asesor.Workspace) keys.Dir { return keys.Open(w.Dir()) }

// signFeedback signs the feedback on one reviewed bundle with the
// assessor's key (created with req.Passphrase on first use) and writes it
// and the assessor's public key file to req.OutDir. The manifest is built
// before the key is touched, so a bundle not reviewed creates no key.
func signFeedback(ctx context.Context, w *asesor.Workspace, req cli.FeedbackExportRequest) (out cli.FeedbackExported, err error) {
	if req.Name == "" {
		req.Name = defaultAssessorName
	}
	m, b, err := w.FeedbackManifest(ctx, req.BundleID, req.Name)
	if err != nil {
		return out, err
	}
	kd := assessorKeys(w)
	var key *keys.Key
	if _, err := kd.Identity(); errors.Is(err, keys.ErrNoKey) {
		if key, err = kd.Create(req.Passphrase, time.Now()); err != nil {
			return out, err
		}
		out.KeyCreated = true
	} else if err != nil {
		return out, err
	} else if key, err = kd.Unlock(req.Passphrase); err != nil {
		return out, err
	}
	data, err := feedback.Sign(key.Private(), m)
	if err != nil {
		return out, err
	}
	if err := os.MkdirAll(req.OutDir, 0o755); err != nil {
		return out, fmt.Errorf("membuat folder tujuan: %w", err)
	}
	out.Path = filepath.Join(req.OutDir, feedback.FileName(b.OPDKode, b.Periode, b.Sequence))
	if err := writeFileSynced(out.Path, data); err != nil {
		return out, fmt.Errorf("menulis umpan balik: %w", err)
	}
	out.PublicKeyPath = filepath.Join(req.OutDir, assessorPublicKeyName)
	if err := writeFileSynced(out.PublicKeyPath, keys.MarshalPublic(key.Identity)); err != nil {
		return out, fmt.Errorf("menulis kunci publik asesor: %w", err)
	}
	out.OPDKode, out.Periode, out.Sequence, out.Items = b.OPDKode, b.Periode, b.Sequence, len(m.Items)
	out.KeyID, out.Fingerprint = key.KeyID, key.Fingerprint
	return out, nil
}

// writeFileSynced writes data to path through a temporary file, fsynced
// and renamed, so a pulled stick never holds half a file under the name.
func writeFileSynced(path string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".partial")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// withOPDStore opens the OPD data folder dataDir ("" = default).
func withOPDStore(dataDir string, fn func(*storage.DB) error) error {
	db, err := storage.Open(dataDir)
	if err != nil {
		return err
	}
	err = fn(db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// importFeedback is `feedback import`: the assessor key must be trusted
// already, or be given with --assessor-pubkey and --trust (after the
// fingerprint was compared); an unknown key is refused.
func importFeedback(ctx context.Context, dataDir string, req cli.FeedbackImportRequest) (out cli.FeedbackReceived, err error) {
	err = withOPDStore(dataDir, func(db *storage.DB) error {
		rec, known, trustedNow, err := receiveFeedback(ctx, db, req.File, req.PublicKeyFile, req.Trust)
		if err != nil {
			return err
		}
		out = feedbackReceived(rec, trustedNow)
		out.Known = known
		return nil
	})
	return out, err
}

// receiveFeedback is the one import path of the CLI and the GUI. keyFile,
// when given, must hold the signer's public key; an untrusted signer is
// trusted (in the import's transaction) only when trust is set.
func receiveFeedback(ctx context.Context, db *storage.DB, file, keyFile string, trust bool) (rec storage.FeedbackRecord, known, trustedNow bool, err error) {
	data, err := feedback.ReadFile(file)
	if err != nil {
		return rec, false, false, err
	}
	if keyFile == "" {
		rec, known, err = db.ImportFeedback(ctx, data)
		return rec, known, false, err
	}
	id, trusted, err := signerKey(ctx, db, data, keyFile)
	if err != nil {
		return rec, false, false, err
	}
	if trusted {
		rec, known, err = db.ImportFeedback(ctx, data)
		return rec, known, false, err
	}
	if !trust {
		return rec, false, false, fmt.Errorf("kunci asesor %s belum dipercaya (sidik jari %s); cocokkan sidik jari dengan Tim Asesor, lalu ulangi dengan --trust",
			keyFile, id.Fingerprint)
	}
	return db.TrustAndImportFeedback(ctx, data, id, filepath.Base(keyFile))
}

// signerKey reads the public key file keyFile, which must be the key that
// signed data, and reports whether it is trusted already.
func signerKey(ctx context.Context, db *storage.DB, data []byte, keyFile string) (keys.Identity, bool, error) {
	signer, err := feedback.Signer(data)
	if err != nil {
		return keys.Identity{}, false, err
	}
	id, err := keys.ReadPublic(keyFile)
	if err != nil {
		return id, false, fmt.Errorf("%s: %w", filepath.Base(keyFile), err)
	}
	if id.KeyID != signer {
		return id, false, fmt.Errorf("umpan balik ditandatangani kunci %.16s…, bukan kunci di %s (%.16s…)", signer, keyFile, id.KeyID)
	}
	_, trusted, err := trustedKey(ctx, db, signer)
	return id, trusted, err
}

// trustedKey returns the trusted assessor key keyID, if it is trusted.
func trustedKey(ctx context.Context, db *storage.DB, keyID string) (storage.TrustedAssessor, bool, error) {
	list, err := db.TrustedAssessors(ctx)
	if err != nil {
		return storage.TrustedAssessor{}, false, err
	}
	for _, t := range list {
		if t.KeyID == keyID {
			return t, true, nil
		}
	}
	return storage.TrustedAssessor{}, false, nil
}

func showFeedback(ctx context.Context, dataDir, assessmentID string) (out []cli.FeedbackReceived, err error) {
	err = withOPDStore(dataDir, func(db *storage.DB) error {
		list, err := db.Feedback(ctx, assessmentID)
		for _, r := range list {
			out = append(out, feedbackReceived(r, false))
		}
		return err
	})
	return out, err
}

func feedbackReceived(r storage.FeedbackRecord, trusted bool) cli.FeedbackReceived {
	m := r.Manifest
	out := cli.FeedbackReceived{AssessmentID: r.AssessmentID, BundleID: m.Bundle.ID, Sequence: m.Bundle.Sequence,
		Assessor: m.Assessor.Name, Fingerprint: m.Assessor.Fingerprint, CreatedAt: m.CreatedAt, Trusted: trusted, Notes: []cli.FeedbackNote{}}
	for _, it := range m.Items {
		out.Notes = append(out.Notes, cli.FeedbackNote{Indicator: it.Indicator, Status: it.Status, Reason: it.Reason, Value: it.Value,
			Note: it.Note, Reviewer: it.Reviewer, ReviewedAt: it.ReviewedAt})
	}
	return out
}
