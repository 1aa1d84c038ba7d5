package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

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
	if req.Name = strings.TrimSpace(req.Name); req.Name == "" {
		req.Name = defaultAssessorName
	}
	// Everything that can refuse the export is checked before the key is
	// created, so a refused first export leaves no key behind.
	if err := feedback.ValidName(req.Name); err != nil {
		return out, err
	}
	m, b, err := w.FeedbackManifest(ctx, req.BundleID, req.Name)
	if err != nil {
		return out, err
	}
	dir, err := storage.OutputGuard(filepath.Dir(w.Dir())).Dir(req.OutDir)
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, fmt.Errorf("membuat folder tujuan: %w", err)
	}
	// Where the public key goes is decided before anything is written: a
	// refused export leaves the folder as it was.
	if out.PublicKeyPath, err = publicKeyDest(dir, key.KeyID); err != nil {
		return out, err
	}
	// An earlier feedback file on the same bundle is kept (…_2 and so on).
	name := feedback.FileName(b.OPDKode, b.Periode, b.Sequence)
	if out.Path, err = storage.WriteFreeFile(dir, strings.TrimSuffix(name, feedback.Extension), feedback.Extension, data); err != nil {
		return out, fmt.Errorf("menulis umpan balik: %w", err)
	}
	if err := storage.ReplaceFile(out.PublicKeyPath, keys.MarshalPublic(key.Identity)); err != nil {
		return out, fmt.Errorf("menulis kunci publik asesor: %w", err)
	}
	out.OPDKode, out.Periode, out.Sequence, out.Items = b.OPDKode, b.Periode, b.Sequence, len(m.Items)
	out.KeyID, out.Fingerprint = key.KeyID, key.Fingerprint
	return out, nil
}

// publicKeyDest is where the assessor's public key goes in dir:
// KUNCI_ASESOR.json, unless that file holds another key (another
// assessor laptop exported to the same folder): then
// KUNCI_ASESOR_<first 8 of the key id>.json, which the OPD's import also
// finds. A file of another key is never overwritten: the OPD may still
// need it for the feedback it came with.
func publicKeyDest(dir, keyID string) (string, error) {
	names := []string{storage.AssessorPublicKeyName, assessorKeyFileName(keyID)}
	for _, name := range names {
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if id, err := keys.ReadPublic(path); err == nil && id.KeyID == keyID {
			return path, nil
		}
	}
	return "", fmt.Errorf("folder tujuan sudah berisi kunci publik asesor lain di %s dan %s; tidak ditimpa — pilih folder lain",
		names[0], names[1])
}

// assessorKeyFileName is the public key file name of the key keyID when
// KUNCI_ASESOR.json in the folder is another key's.
func assessorKeyFileName(keyID string) string {
	return strings.TrimSuffix(storage.AssessorPublicKeyName, ".json") + "_" + keyID[:8] + ".json"
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
// fingerprint was compared); an unknown key is refused, and a key whose
// trust was withdrawn needs --retrust.
func importFeedback(ctx context.Context, dataDir string, req cli.FeedbackImportRequest) (out cli.FeedbackReceived, err error) {
	err = withOPDStore(dataDir, func(db *storage.DB) error {
		rec, known, trustedNow, err := db.ReceiveFeedback(ctx, storage.FeedbackReceipt{File: req.File, KeyFile: req.PublicKeyFile,
			Trust: req.Trust, Retrust: req.Retrust})
		if err != nil {
			return err
		}
		out = feedbackReceived(rec, trustedNow)
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

// feedbackReceived is a stored feedback file for the CLI: the sequence
// from the export log, the fingerprint of the key that verified it, and
// when that key's trust was withdrawn.
func feedbackReceived(r storage.FeedbackRecord, trusted bool) cli.FeedbackReceived {
	m := r.Manifest
	out := cli.FeedbackReceived{AssessmentID: r.AssessmentID, BundleID: m.Bundle.ID, Sequence: r.Sequence,
		Assessor: m.Assessor.Name, Fingerprint: r.Fingerprint, CreatedAt: m.CreatedAt, Trusted: trusted, Notes: []cli.FeedbackNote{},
		Superseded: r.Superseded}
	if !r.KeyWithdrawnAt.IsZero() {
		out.KeyWithdrawnAt = r.KeyWithdrawnAt.Local().Format("2006-01-02 15:04")
	}
	for _, it := range m.Items {
		out.Notes = append(out.Notes, cli.FeedbackNote{Indicator: it.Indicator, Status: it.Status, Reason: it.Reason, Value: it.Value,
			Note: it.Note, Reviewer: it.Reviewer, ReviewedAt: it.ReviewedAt})
	}
	return out
}
