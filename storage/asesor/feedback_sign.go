package asesor

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// The assessor signing the feedback on a reviewed bundle and writing it,
// with the assessor's public key, for the OPD (`feedback export`, the
// GUI's Ekspor umpan balik).

// defaultAsesorName names the assessor team in a feedback file when no
// name is given.
const defaultAsesorName = "Tim Asesor Internal"

// SigningKeys is the assessor's own key folder, <data>/asesor/keys:
// separate from an OPD key in <data>/keys on the same laptop.
func (w *Workspace) SigningKeys() keys.Dir { return keys.Open(w.Dir()) }

// SignFeedback signs the feedback on one reviewed bundle with the
// assessor's key (created with req.Passphrase on first use) and writes it
// and the assessor's public key file to req.OutDir. The manifest is built
// before the key is touched, so a bundle not reviewed creates no key.
func (w *Workspace) SignFeedback(ctx context.Context, req assessment.FeedbackExportRequest) (out assessment.FeedbackExported, err error) {
	if req.Name = strings.TrimSpace(req.Name); req.Name == "" {
		req.Name = defaultAsesorName
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
	kd := w.SigningKeys()
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
	if out.PublicKeyPath, err = PublicKeyDest(dir, key.KeyID); err != nil {
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

// PublicKeyDest is where the assessor's public key goes in dir:
// KUNCI_ASESOR.json, unless that file holds another key (another
// assessor laptop exported to the same folder): then
// KUNCI_ASESOR_<first 8 of the key id>.json, which the OPD's import also
// finds. A file of another key is never overwritten: the OPD may still
// need it for the feedback it came with.
func PublicKeyDest(dir, keyID string) (string, error) {
	names := []string{storage.AsesorPublicKeyName, AsesorKeyFileName(keyID)}
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

// AsesorKeyFileName is the public key file name of the key keyID when
// KUNCI_ASESOR.json in the folder is another key's.
func AsesorKeyFileName(keyID string) string {
	return strings.TrimSuffix(storage.AsesorPublicKeyName, ".json") + "_" + keyID[:8] + ".json"
}
