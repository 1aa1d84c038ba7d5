package main

import (
	"bytes"
	"context"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// printDeps wires the printable PDFs (cli.Env.Print).
func printDeps() *cli.PrintDeps {
	return &cli.PrintDeps{Report: draftReport, KeyForm: keyForm}
}

// draftReport renders the assessment as it stands, unsigned, with a footer
// saying it has not been exported: the signed copy lives in the bundle.
func draftReport(ctx context.Context, svc *cli.Services, id string) ([]byte, error) {
	snap, err := bundle.LoadSnapshot(ctx, svc.Store, svc.Library, id)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = report.Render(&buf, snap, report.Footer{GeneratedAt: time.Now()})
	return buf.Bytes(), err
}

// keyForm renders the Formulir Pendaftaran Kunci of the installed key.
func keyForm(ctx context.Context, svc *cli.Services) ([]byte, error) {
	return opdkeys.KeyForm(ctx, svc.Store, svc.DataDir)
}
