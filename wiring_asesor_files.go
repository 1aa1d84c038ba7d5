package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// errNoAssessorKeyCLI is asesorsvc.ErrNoAssessorKey in the words of the
// command line.
var errNoAssessorKeyCLI = errors.New("belum ada kunci asesor untuk menandatangani laporan konsolidasi. Kunci asesor dibuat, " +
	"dengan frasa sandinya, saat umpan balik pertama diekspor: `spbe-mandiri feedback export --bundle ID --out FOLDER` " +
	"untuk bundel yang sudah ditinjau; lalu ulangi `consolidate --pdf`")

// consolidatedPDFCommand is cli.AsesorDeps.ConsolidatedPDF: `consolidate
// --periode P --pdf FILE`. The assessor key must exist before the
// passphrase is asked for; it is asked before the workspace is opened, so
// the workspace is not locked while the assessor types.
func consolidatedPDFCommand(ctx context.Context, dataDir string, req cli.ConsolidatedPDFRequest) (out assessment.ConsolidatedPDFResult, err error) {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return out, err
	}
	// The output is refused (data folder, existing file) before the
	// passphrase is asked for; the write checks again.
	guard := storage.OutputGuard(dir)
	if _, err := guard.File(req.Out, req.Force); err != nil {
		return out, err
	}
	if _, err := keys.Open(filepath.Join(dir, asesor.DirName)).Identity(); errors.Is(err, keys.ErrNoKey) {
		return out, errNoAssessorKeyCLI
	} else if err != nil {
		return out, err
	}
	pass, err := req.Passphrase()
	if err != nil {
		return out, err
	}
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		pdf, res, err := asesorsvc.New(w).ConsolidatedPDF(ctx, req.Periode, pass, time.Now())
		if err != nil {
			return err
		}
		if err := guard.WriteFile(req.Out, pdf, req.Force, 0o644); err != nil {
			return fmt.Errorf("menulis %s: %w", req.Out, err)
		}
		out = res
		out.Path = req.Out
		return nil
	})
	return out, err
}

// writeSheetCommand is cli.AsesorDeps.WriteSheet: `recap --xlsx FILE`,
// `consolidate show --periode P --xlsx FILE`, `review show --bundle ID
// --xlsx FILE`. The file is written as `consolidate --pdf FILE` writes
// its file.
func writeSheetCommand(ctx context.Context, dataDir string, req cli.SheetRequest) (rows int, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		s := asesorsvc.New(w)
		var data []byte
		var err error
		switch req.View {
		case cli.SheetRecap:
			data, rows, err = s.RecapWorkbook(ctx)
		case cli.SheetConsolidation:
			data, rows, err = s.ConsolidationWorkbook(ctx, req.Periode)
		case cli.SheetReview:
			data, rows, err = s.ReviewWorkbook(ctx, req.BundleID)
		default:
			err = fmt.Errorf("tampilan %q tidak dikenal", req.View)
		}
		if err != nil {
			return err
		}
		// The output-path policy and the one atomic writer, as for --pdf.
		_, err = storage.OutputGuard(dataDir).Write(req.Out, req.Force, 0o644, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		return err
	})
	return rows, err
}
