package asesorsvc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// ErrNoAsesorKeyCLI is ErrNoAsesorKey in the words of the command
// line.
var ErrNoAsesorKeyCLI = errors.New("belum ada kunci asesor untuk menandatangani laporan konsolidasi. Kunci asesor dibuat, " +
	"dengan frasa sandinya, saat umpan balik pertama diekspor: `spbe-mandiri feedback export --bundle ID --out FOLDER` " +
	"untuk bundel yang sudah ditinjau; lalu ulangi `consolidate --pdf`")

// ConsolidatedPDF is `consolidate --periode P --pdf FILE`. The assessor key must exist before the
// passphrase is asked for; it is asked before the workspace is opened, so
// the workspace is not locked while the assessor types.
func (f ByFolder) ConsolidatedPDF(ctx context.Context, dataDir string, req assessment.ConsolidatedPDFRequest) (out assessment.ConsolidatedPDFResult, err error) {
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
		return out, ErrNoAsesorKeyCLI
	} else if err != nil {
		return out, err
	}
	pass, err := req.Passphrase()
	if err != nil {
		return out, err
	}
	err = f.With(dataDir, func(w *asesor.Workspace) error {
		pdf, res, err := New(w).ConsolidatedPDF(ctx, req.Periode, pass, time.Now())
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

// WriteSheet is `recap --xlsx FILE`,
// `consolidate show --periode P --xlsx FILE`, `review show --bundle ID
// --xlsx FILE`. The file is written as `consolidate --pdf FILE` writes
// its file.
func (f ByFolder) WriteSheet(ctx context.Context, dataDir string, req assessment.SheetRequest) (rows int, err error) {
	err = f.With(dataDir, func(w *asesor.Workspace) error {
		s := New(w)
		var data []byte
		var err error
		switch req.View {
		case assessment.SheetRecap:
			data, rows, err = s.RecapWorkbook(ctx)
		case assessment.SheetConsolidation:
			data, rows, err = s.ConsolidationWorkbook(ctx, req.Periode)
		case assessment.SheetReview:
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
