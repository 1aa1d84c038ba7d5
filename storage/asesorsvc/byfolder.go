package asesorsvc

import (
	"context"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// ByFolder is the service as the command line calls it: every call names
// the data folder ("" = the default), opens <data>/asesor, runs and
// closes it, so the workspace is locked only while a command runs. Its
// methods have the signatures of the cli.AsesorDeps fields.
type ByFolder struct {
	// Library loads the installed catalogs (assets.Library).
	Library func() (*assessment.Library, error)
}

// With opens the workspace of dataDir, runs fn and closes it.
func (f ByFolder) With(dataDir string, fn func(*asesor.Workspace) error) error {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return err
	}
	lib, err := f.Library()
	if err != nil {
		return err
	}
	w, err := asesor.Open(filepath.Join(dir, asesor.DirName), asesor.WithLibrary(lib))
	if err != nil {
		return err
	}
	err = fn(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// with is With returning a value.
func with[T any](f ByFolder, dataDir string, fn func(*asesor.Workspace) (T, error)) (out T, err error) {
	err = f.With(dataDir, func(w *asesor.Workspace) error {
		out, err = fn(w)
		return err
	})
	return out, err
}

// Import verifies and stores bundle files (Workspace.Import).
func (f ByFolder) Import(ctx context.Context, dataDir string, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	return with(f, dataDir, func(w *asesor.Workspace) ([]intake.Outcome, error) { return w.Import(ctx, paths, progress) })
}

// Keys lists the key registry.
func (f ByFolder) Keys(ctx context.Context, dataDir string) ([]assessment.RegisteredKey, error) {
	return with(f, dataDir, func(w *asesor.Workspace) ([]assessment.RegisteredKey, error) { return w.Keys(ctx) })
}

// AddKey registers a public key file as pending.
func (f ByFolder) AddKey(ctx context.Context, dataDir, file, opdKode string) (k assessment.RegisteredKey, added bool, err error) {
	err = f.With(dataDir, func(w *asesor.Workspace) error {
		k, added, err = w.AddKeyFile(ctx, file, opdKode)
		return err
	})
	return k, added, err
}

// VerifyKey marks a key verified.
func (f ByFolder) VerifyKey(ctx context.Context, dataDir, keyID, by, how string) (assessment.RegisteredKey, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (assessment.RegisteredKey, error) { return w.VerifyKey(ctx, keyID, by, how) })
}

// RevokeKey marks a key revoked.
func (f ByFolder) RevokeKey(ctx context.Context, dataDir, keyID string) (assessment.RegisteredKey, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (assessment.RegisteredKey, error) { return w.RevokeKey(ctx, keyID) })
}

// Recap lists the accepted bundle of every OPD and periode.
func (f ByFolder) Recap(ctx context.Context, dataDir string) ([]assessment.RecapRow, error) {
	return with(f, dataDir, func(w *asesor.Workspace) ([]assessment.RecapRow, error) { return w.Recap(ctx) })
}

// ReviewSheet is a bundle's review sheet (Workspace.ReviewItems).
func (f ByFolder) ReviewSheet(ctx context.Context, dataDir, bundleID string) (b assessment.ReviewBundle, items []assessment.ReviewItem, err error) {
	err = f.With(dataDir, func(w *asesor.Workspace) error {
		b, items, err = w.ReviewItems(ctx, bundleID)
		return err
	})
	return b, items, err
}

// Consolidate is a periode's consolidation.
func (f ByFolder) Consolidate(ctx context.Context, dataDir string, periode int) (assessment.ConsolidationView, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (assessment.ConsolidationView, error) {
		c, _, err := w.ConsolidationView(ctx, periode)
		return c, err
	})
}

// SetResponsible sets the OPDs answering an indicator.
func (f ByFolder) SetResponsible(ctx context.Context, dataDir string, periode, indicator int, opdKodes []string) error {
	return f.With(dataDir, func(w *asesor.Workspace) error { return w.SetResponsible(ctx, periode, indicator, opdKodes) })
}

// PaperCheck finds the bundle of a printed report from its QR text.
func (f ByFolder) PaperCheck(ctx context.Context, dataDir, text string) (assessment.PaperCheckResult, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (assessment.PaperCheckResult, error) { return w.PaperCheck(ctx, text) })
}

// Accept settles a konflik: bundleID becomes the accepted one.
func (f ByFolder) Accept(ctx context.Context, dataDir, bundleID, by string) (assessment.Acceptance, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (assessment.Acceptance, error) { return w.AcceptBundle(ctx, bundleID, by) })
}

// Bundles lists every stored bundle.
func (f ByFolder) Bundles(ctx context.Context, dataDir string) ([]assessment.ReviewBundle, error) {
	return with(f, dataDir, func(w *asesor.Workspace) ([]assessment.ReviewBundle, error) { return w.ReviewBundles(ctx) })
}

// ExportFeedback signs the feedback on a reviewed bundle (as the GUI does
// on its open workspace).
func (f ByFolder) ExportFeedback(ctx context.Context, dataDir string, req assessment.FeedbackExportRequest) (assessment.FeedbackExported, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (assessment.FeedbackExported, error) { return w.SignFeedback(ctx, req) })
}

// ReviewerName is the workspace profile's assessor name.
func (f ByFolder) ReviewerName(ctx context.Context, dataDir string) (string, error) {
	return with(f, dataDir, func(w *asesor.Workspace) (string, error) { return w.ReviewerName(ctx) })
}

// SetReviewerName stores the workspace profile's assessor name.
func (f ByFolder) SetReviewerName(ctx context.Context, dataDir, name string) error {
	return f.With(dataDir, func(w *asesor.Workspace) error { return w.SetReviewerName(ctx, name) })
}

// Settle records the instansi value of an indicator (Workspace.SettleValue).
func (f ByFolder) Settle(ctx context.Context, dataDir string, r assessment.SettleRequest) error {
	return f.With(dataDir, func(w *asesor.Workspace) error { return w.SettleValue(ctx, r) })
}

// Operator is the OS user: the default for `keys verify --by`.
func (f ByFolder) Operator() string { return operatorName() }
