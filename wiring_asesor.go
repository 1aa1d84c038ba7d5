package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
)

// asesorFolder is the assessor service per data folder, as the CLI calls it.
var asesorFolder = asesorsvc.ByFolder{Library: assets.Library}

// asesorDeps wires the assessor's commands (cli.Env.Asesor) to the
// service (storage/asesorsvc) on the workspace <data>/asesor.
func asesorDeps() *cli.AsesorDeps {
	f := asesorFolder
	return &cli.AsesorDeps{
		Import: f.Import, Keys: f.Keys, AddKey: f.AddKey, VerifyKey: f.VerifyKey, RevokeKey: f.RevokeKey,
		Recap: f.Recap, Review: reviewCommand, ReviewSheet: f.ReviewSheet, ReviewItem: reviewItemCommand,
		Consolidate: f.Consolidate, Settle: f.Settle, SetResponsible: f.SetResponsible,
		PaperCheck: f.PaperCheck, Accept: f.Accept, Bundles: f.Bundles,
		ExportFeedback: f.ExportFeedback, ImportFeedback: importFeedback, ShowFeedback: showFeedback,
		Operator: f.Operator, ReviewerName: f.ReviewerName, SetReviewerName: f.SetReviewerName,
		ConsolidatedPDF: f.ConsolidatedPDF, WriteSheet: f.WriteSheet,
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
	return asesorFolder.With(dataDir, fn)
}
