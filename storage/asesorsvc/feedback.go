package asesorsvc

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// AsesorKey reports the assessor's signing key in <data>/asesor/keys
// (assessment.AsesorFeedback); exists is false before the first export.
func (a *Service) AsesorKey(context.Context) (assessment.AsesorKeyInfo, bool, error) {
	id, err := a.w.SigningKeys().Identity()
	if errors.Is(err, keys.ErrNoKey) {
		return assessment.AsesorKeyInfo{}, false, nil
	}
	if err != nil {
		return assessment.AsesorKeyInfo{}, false, err
	}
	return assessment.AsesorKeyInfo{KeyID: id.KeyID, Fingerprint: id.Fingerprint}, true, nil
}

// ExportFeedback signs the feedback on a reviewed bundle on the open
// workspace, as `feedback export` does.
func (a *Service) ExportFeedback(ctx context.Context, bundleID, destDir, asesorName string, passphrase []byte) (assessment.FeedbackExported, error) {
	return a.w.SignFeedback(ctx, assessment.FeedbackExportRequest{BundleID: bundleID, OutDir: destDir, Name: asesorName, Passphrase: passphrase})
}

// SignFeedback is `feedback export`: req names the bundle, the folder,
// the team's name and the passphrase.
func (a *Service) SignFeedback(ctx context.Context, req assessment.FeedbackExportRequest) (assessment.FeedbackExported, error) {
	return a.w.SignFeedback(ctx, req)
}

// BackupAsesorKey writes CADANGAN_KUNCI_ASESOR_<date>.json into destDir
// (never over an existing file), as `key backup --asesor` does.
func (a *Service) BackupAsesorKey(_ context.Context, destDir string, passphrase []byte) (string, error) {
	now := time.Now()
	dir, err := storage.ExportDir(filepath.Dir(a.w.Dir()), destDir)
	if err != nil {
		return "", err
	}
	data, _, err := a.w.SigningKeys().Backup(passphrase, now)
	if errors.Is(err, keys.ErrNoKey) {
		return "", errors.New("belum ada kunci asesor: kunci ini dibuat saat umpan balik pertama diekspor")
	}
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFileMode(dir, "CADANGAN_KUNCI_ASESOR_"+now.Format("20060102"), ".json", data, 0o600)
	if err != nil {
		return "", fmt.Errorf("menulis cadangan kunci: %w", err)
	}
	return path, nil
}
