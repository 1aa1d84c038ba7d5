package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"

	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
)

// guiExport is the GUI's app.Deps.Export hook; current returns the data
// folder the GUI has open. It never creates a key: the GUI makes the
// first key on purpose (Deps.OPDKeys) and shows its fingerprint.
func guiExport(current func() (*cli.Services, error)) func(ctx context.Context, assessmentID, destDir, passphrase string, progress func(float64)) (string, error) {
	return func(ctx context.Context, assessmentID, destDir, passphrase string, progress func(float64)) (string, error) {
		svc, err := current()
		if err != nil {
			return "", err
		}
		res, err := svc.Export.Bundle(ctx, assessment.ExportRequest{AssessmentID: assessmentID, OutDir: destDir, Passphrase: []byte(passphrase),
			Progress: export.Progress(progress)})
		return res.Path, err
	}
}
