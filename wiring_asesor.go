package main

import (
	"context"
	"os"
	"os/user"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// asesorDeps wires the assessor's commands (cli.Env.Asesor) to the
// workspace <data>/asesor (storage/asesor).
func asesorDeps() *cli.AsesorDeps {
	return &cli.AsesorDeps{
		Import: func(ctx context.Context, dataDir string, paths []string, progress func(done, total int)) (out []intake.Outcome, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.Import(ctx, paths, progress)
				return err
			})
			return out, err
		},
		Keys: func(ctx context.Context, dataDir string) (out []assessment.RegisteredKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.Keys(ctx)
				return err
			})
			return out, err
		},
		AddKey: func(ctx context.Context, dataDir, file, opdKode string) (k assessment.RegisteredKey, added bool, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				k, added, err = w.AddKeyFile(ctx, file, opdKode)
				return err
			})
			return k, added, err
		},
		VerifyKey: func(ctx context.Context, dataDir, keyID, by, how string) (k assessment.RegisteredKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				k, err = w.VerifyKey(ctx, keyID, by, how)
				return err
			})
			return k, err
		},
		RevokeKey: func(ctx context.Context, dataDir, keyID string) (k assessment.RegisteredKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				k, err = w.RevokeKey(ctx, keyID)
				return err
			})
			return k, err
		},
		Recap: func(ctx context.Context, dataDir string) (out []assessment.RecapRow, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.Recap(ctx)
				return err
			})
			return out, err
		},
		Review: reviewCommand,
		ReviewSheet: func(ctx context.Context, dataDir, bundleID string) (b assessment.ReviewBundle, items []assessment.ReviewItem, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				b, items, err = w.ReviewItems(ctx, bundleID)
				return err
			})
			return b, items, err
		},
		ReviewItem: reviewItemCommand,
		Consolidate: func(ctx context.Context, dataDir string, periode int) (out assessment.ConsolidationView, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, _, err = w.ConsolidationView(ctx, periode)
				return err
			})
			return out, err
		},
		Settle: func(ctx context.Context, dataDir string, r cli.SettleRequest) error {
			return withWorkspace(dataDir, func(w *asesor.Workspace) error {
				return w.SettleValue(ctx, assessment.SettleRequest{Periode: r.Periode, Indicator: r.Indicator, Value: r.Value,
					FromBundle: r.FromBundle, Note: r.Note, SetBy: r.By})
			})
		},
		SetResponsible: func(ctx context.Context, dataDir string, periode, indicator int, opdKodes []string) error {
			return withWorkspace(dataDir, func(w *asesor.Workspace) error {
				return w.SetResponsible(ctx, periode, indicator, opdKodes)
			})
		},
		PaperCheck: func(ctx context.Context, dataDir, text string) (out assessment.PaperCheckResult, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.PaperCheck(ctx, text)
				return err
			})
			return out, err
		},
		Accept: func(ctx context.Context, dataDir, bundleID, by string) (out assessment.Acceptance, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.AcceptBundle(ctx, bundleID, by)
				return err
			})
			return out, err
		},
		Bundles: func(ctx context.Context, dataDir string) (out []assessment.ReviewBundle, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.ReviewBundles(ctx)
				return err
			})
			return out, err
		},
		ExportFeedback: exportFeedback,
		ImportFeedback: importFeedback,
		ShowFeedback:   showFeedback,
		Operator:       operatorName,
		ReviewerName: func(ctx context.Context, dataDir string) (name string, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				name, err = w.ReviewerName(ctx)
				return err
			})
			return name, err
		},
		SetReviewerName: func(ctx context.Context, dataDir, name string) error {
			return withWorkspace(dataDir, func(w *asesor.Workspace) error { return w.SetReviewerName(ctx, name) })
		},
		ConsolidatedPDF: consolidatedPDFCommand,
		WriteSheet:      writeSheetCommand,
	}
}

// reviewCommand is `review`: the indicator must be in the catalog of the
// bundle (Workspace.CheckReviewIndicator, as the GUI), then the workspace
// records it.
func reviewCommand(ctx context.Context, dataDir string, e cli.ReviewEntry) (out cli.ReviewEntry, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		if err := w.CheckReviewIndicator(ctx, e.BundleID, e.Indicator); err != nil {
			return err
		}
		r, err := w.Review(ctx, asesor.ReviewInput{BundleID: e.BundleID, Indicator: e.Indicator, Value: e.Value,
			Status: asesor.ReviewStatus(e.Status), Reason: e.Reason, Note: e.Note, Reviewer: e.Reviewer})
		out = reviewEntry(r)
		return err
	})
	return out, err
}

func reviewEntry(r asesor.Review) cli.ReviewEntry {
	return cli.ReviewEntry{BundleID: r.BundleID, Indicator: r.Indicator, Value: r.Value, Status: string(r.Status),
		Reason: r.Reason, Note: r.Note, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt}
}

// withWorkspace opens <data>/asesor of the data folder dataDir ("" = the
// default), runs fn and closes it.
func withWorkspace(dataDir string, fn func(*asesor.Workspace) error) error {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return err
	}
	lib, err := assets.Library()
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

// operatorName is the OS user, the default for `keys verify --by`.
func operatorName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return os.Getenv("USER")
}
