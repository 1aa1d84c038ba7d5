package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/viewer"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// openAsesorGUI opens the assessor workspace <dataDir>/asesor for the GUI
// (app.Deps.OpenAsesor).
func openAsesorGUI(dataDir string) (app.AsesorWorkspace, error) {
	lib, err := assets.Library()
	if err != nil {
		return nil, err
	}
	w, err := asesor.Open(filepath.Join(dataDir, asesor.DirName), asesor.WithLibrary(lib))
	if err != nil {
		return nil, err
	}
	return &asesorGUI{w: w, lib: lib}, nil
}

// hasAsesorGUI reports whether dataDir holds an assessor's workspace
// database (app.Deps.HasAsesor).
func hasAsesorGUI(dataDir string) bool {
	fi, err := os.Stat(filepath.Join(dataDir, asesor.DirName, asesor.DBFileName))
	return err == nil && fi.Mode().IsRegular()
}

// asesorGUI adapts storage/asesor.Workspace to app.AsesorWorkspace.
type asesorGUI struct {
	w   *asesor.Workspace
	lib *assessment.Library // the installed catalogs, for the review screen's texts
}

func (a *asesorGUI) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	return a.w.Import(ctx, paths, progress)
}

func (a *asesorGUI) Keys(ctx context.Context) ([]assessment.RegisteredKey, error) {
	return a.w.Keys(ctx)
}

func (a *asesorGUI) AddKey(ctx context.Context, file string) (assessment.RegisteredKey, error) {
	k, _, err := a.w.AddKeyFile(ctx, file, "")
	return k, err
}

func (a *asesorGUI) VerifyKey(ctx context.Context, keyID, how, by string) error {
	_, err := a.w.VerifyKey(ctx, keyID, by, how)
	return err
}

func (a *asesorGUI) RevokeKey(ctx context.Context, keyID string) error {
	_, err := a.w.RevokeKey(ctx, keyID)
	return err
}

func (a *asesorGUI) Recap(ctx context.Context) ([]assessment.RecapRow, error) { return a.w.Recap(ctx) }

// AcceptBundle settles a konflik in the name of the workspace profile's
// assessor.
func (a *asesorGUI) AcceptBundle(ctx context.Context, bundleID string) error {
	_, err := a.w.AcceptBundle(ctx, bundleID, a.decider(ctx, ""))
	return err
}

func (a *asesorGUI) Bundles(ctx context.Context) ([]assessment.ReviewBundle, error) {
	return a.w.ReviewBundles(ctx)
}

func (a *asesorGUI) ReviewSheet(ctx context.Context, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
	return a.w.ReviewItems(ctx, bundleID)
}

// decider is who settles a konflik or an instansi value: as reviewer,
// but these internal records keep the OS user as a last resort rather
// than refusing.
func (a *asesorGUI) decider(ctx context.Context, given string) string {
	if by, err := a.reviewer(ctx, given); err == nil {
		return by
	}
	return operatorName()
}

func (a *asesorGUI) ReviewerName(ctx context.Context) (string, error) { return a.w.ReviewerName(ctx) }

func (a *asesorGUI) SetReviewerName(ctx context.Context, name string) error {
	return a.w.SetReviewerName(ctx, name)
}

// reviewer is the name a decision is recorded under: the one given, else
// the workspace profile's. Never the OS user: the Tim Asesor's laptop runs
// as one account, and the OPD reads this name in its feedback.
func (a *asesorGUI) reviewer(ctx context.Context, given string) (string, error) {
	if by := strings.TrimSpace(given); by != "" {
		return by, nil
	}
	by, err := a.w.ReviewerName(ctx)
	if err == nil && by == "" {
		err = &asesor.InputError{Msg: "nama asesor belum diisi: isi dulu nama Anda di profil ruang kerja asesor"}
	}
	return by, err
}

func (a *asesorGUI) SaveReview(ctx context.Context, d assessment.ReviewDecision) error {
	by, err := a.reviewer(ctx, d.Reviewer)
	if err != nil {
		return err
	}
	// The same check as `review`: an indicator of the bundle's catalog.
	if err := a.w.CheckReviewIndicator(ctx, d.BundleID, d.Indicator); err != nil {
		return err
	}
	_, err = a.w.Review(ctx, asesor.ReviewInput{BundleID: d.BundleID, Indicator: d.Indicator, Value: d.Value,
		Status: asesor.ReviewStatus(d.Status), Reason: d.Reason, Note: d.Note, Reviewer: by})
	return err
}

// OpenBlob copies the blob into a fresh temporary folder under the name
// assessment/viewer gives it (the OPD's name, with ".bin" added unless it
// is a document type), so the system viewer picks the right program and
// runs nothing an OPD sent.
func (a *asesorGUI) OpenBlob(_ context.Context, sum, name string) (string, error) {
	src, err := a.w.OpenBlob(sum)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dir, err := os.MkdirTemp("", "spbe-asesor-")
	if err != nil {
		return "", err
	}
	return viewer.Copy(dir, viewer.Name(sum, name), src)
}

func (a *asesorGUI) Close() error { return a.w.Close() }

var _ app.AsesorWorkspace = (*asesorGUI)(nil)
