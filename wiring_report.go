package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
)

// printDeps wires the printable PDFs (cli.Env.Print).
func printDeps() *cli.PrintDeps {
	return &cli.PrintDeps{Report: draftReport, KeyForm: keyForm}
}

// draftReport renders the assessment as it stands, unsigned
// (export.DraftReport).
func draftReport(ctx context.Context, svc *cli.Services, id string) ([]byte, error) {
	return export.DraftReport(ctx, svc.Store, svc.Library, id)
}

// keyForm renders the Formulir Pendaftaran Kunci of the installed key.
func keyForm(ctx context.Context, svc *cli.Services) ([]byte, error) {
	return opdkeys.KeyForm(ctx, svc.Store, svc.DataDir)
}
