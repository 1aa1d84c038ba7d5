package main

import (
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
		Recap: f.Recap, Review: f.Review, ReviewSheet: f.ReviewSheet, ReviewItem: f.ReviewItem,
		Consolidate: f.Consolidate, Settle: f.Settle, SetResponsible: f.SetResponsible,
		PaperCheck: f.PaperCheck, Accept: f.Accept, Bundles: f.Bundles,
		ExportFeedback: f.ExportFeedback,
		Operator:       f.Operator, ReviewerName: f.ReviewerName, SetReviewerName: f.SetReviewerName,
		ConsolidatedPDF: f.ConsolidatedPDF, WriteSheet: f.WriteSheet,
	}
}

// withWorkspace opens <data>/asesor of the data folder dataDir ("" = the
// default), runs fn and closes it.
func withWorkspace(dataDir string, fn func(*asesor.Workspace) error) error {
	return asesorFolder.With(dataDir, fn)
}
