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

// exportFeedback signs the feedback on one reviewed bundle with the
// assessor's key in <data>/asesor/keys (created on first use, separate from
// an OPD key on the same laptop) and writes it to req.OutDir.
func exportFeedback(ctx context.Context, dataDir string, req cli.FeedbackExportRequest) (out cli.FeedbackExported, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		m, b, err := w.FeedbackManifest(ctx, req.BundleID, req.Name)
		if err != nil {
			return err
		}
		kd := keys.Open(w.Dir())
		var key *keys.Key
		if _, err := kd.Identity(); errors.Is(err, keys.ErrNoKey) {
			if key, err = kd.Create(req.Passphrase, time.Now()); err != nil {
				return err
			}
			out.KeyCreated = true
		} else if err != nil {
			return err
		} else if key, err = kd.Unlock(req.Passphrase); err != nil {
			return err
		}
		data, err := feedback.Sign(key.Private(), m)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(req.OutDir, 0o755); err != nil {
			return err
		}
		out.Path = filepath.Join(req.OutDir, feedback.FileName(b.OPDKode, b.Periode, b.Sequence))
		if err := writeFileSynced(out.Path, data); err != nil {
			return err
		}
		out.PublicKeyPath = filepath.Join(req.OutDir, assessorPublicKeyName)
		if err := writeFileSynced(out.PublicKeyPath, keys.MarshalPublic(key.Identity)); err != nil {
			return err
		}
		out.OPDKode, out.Periode, out.Sequence, out.Items = b.OPDKode, b.Periode, b.Sequence, len(m.Items)
		out.KeyID, out.Fingerprint = key.KeyID, key.Fingerprint
		return nil
	})
	return out, err
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

// importFeedback is the OPD side: the assessor key must be trusted
// already, or be given with --assessor-pubkey and --trust (after the
// fingerprint was compared); an unknown key is refused.
func importFeedback(ctx context.Context, dataDir string, req cli.FeedbackImportRequest) (out cli.FeedbackReceived, err error) {
	data, err := feedback.ReadFile(req.File)
	if err != nil {
		return out, err
	}
	signer, err := feedback.Signer(data)
	if err != nil {
		return out, err
	}
	err = withOPDStore(dataDir, func(db *storage.DB) error {
		if req.PublicKeyFile != "" {
			id, err := keys.ReadPublic(req.PublicKeyFile)
			if err != nil {
				return err
			}
			if id.KeyID != signer {
				return fmt.Errorf("umpan balik ditandatangani kunci %.16s…, bukan kunci di %s (%.16s…)", signer, req.PublicKeyFile, id.KeyID)
			}
			trusted, err := db.TrustedAssessors(ctx)
			if err != nil {
				return err
			}
			known := false
			for _, t := range trusted {
				known = known || t.KeyID == id.KeyID
			}
			if !known {
				if !req.Trust {
					return fmt.Errorf("kunci asesor %s belum dipercaya (sidik jari %s); cocokkan sidik jari dengan Tim Asesor, lalu ulangi dengan --trust",
						req.PublicKeyFile, id.Fingerprint)
				}
				if _, err := db.TrustAssessor(ctx, id, filepath.Base(req.PublicKeyFile)); err != nil {
					return err
				}
				out.Trusted = true
			}
		}
		rec, known, err := db.ImportFeedback(ctx, data)
		if err != nil {
			return err
		}
		out = feedbackReceived(rec, out.Trusted)
		out.Known = known
		return nil
	})
	return out, err
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
