package app

import (
	"context"
	"errors"
	"path/filepath"
	"sync"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// fakeAsesorFeedback is the feedback-export part of fakeAsesor: the
// assessor's key is created by the first export with its passphrase, and
// later exports need the same passphrase. The zero value has no key.
type fakeAsesorFeedback struct {
	fbMu      sync.Mutex
	fbKey     *assessment.AsesorKeyInfo
	fbPass    string
	fbExports []feedbackCall
	fbBackups []string // folders BackupAsesorKey wrote into
}

// feedbackCall is one ExportFeedback request.
type feedbackCall struct {
	BundleID, Dir, Name, Pass string
}

const fakeAsesorFP = "483920175638201947562839104756"

func (f *fakeAsesorFeedback) AsesorKey(context.Context) (assessment.AsesorKeyInfo, bool, error) {
	f.fbMu.Lock()
	defer f.fbMu.Unlock()
	if f.fbKey == nil {
		return assessment.AsesorKeyInfo{}, false, nil
	}
	return *f.fbKey, true, nil
}

func (f *fakeAsesorFeedback) ExportFeedback(_ context.Context, bundleID, dir, name string, pass []byte) (assessment.FeedbackExported, error) {
	f.fbMu.Lock()
	defer f.fbMu.Unlock()
	f.fbExports = append(f.fbExports, feedbackCall{bundleID, dir, name, string(pass)})
	created := false
	if f.fbKey == nil {
		f.fbKey = &assessment.AsesorKeyInfo{KeyID: "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12", Fingerprint: fakeAsesorFP}
		f.fbPass, created = string(pass), true
	} else if string(pass) != f.fbPass {
		return assessment.FeedbackExported{}, assessment.ErrWrongPassphrase
	}
	return assessment.FeedbackExported{Path: filepath.Join(dir, "SPBE_DINKES_2026_1_UMPAN.spbe-umpan"),
		PublicKeyPath: filepath.Join(dir, "KUNCI_ASESOR.json"), OPDKode: "DINKES", Periode: 2026, Sequence: 1, Items: 2,
		KeyID: f.fbKey.KeyID, Fingerprint: f.fbKey.Fingerprint, KeyCreated: created}, nil
}

func (f *fakeAsesorFeedback) BackupAsesorKey(_ context.Context, dir string, pass []byte) (string, error) {
	f.fbMu.Lock()
	defer f.fbMu.Unlock()
	switch {
	case f.fbKey == nil:
		return "", errors.New("belum ada kunci asesor")
	case string(pass) != f.fbPass:
		return "", assessment.ErrWrongPassphrase
	}
	f.fbBackups = append(f.fbBackups, dir)
	return filepath.Join(dir, "CADANGAN_KUNCI_ASESOR_20261127.json"), nil
}
