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
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// ErrNoAsesorKeyCLI is ErrNoAsesorKey in the words of the command
// line.
var ErrNoAsesorKeyCLI = errors.New("belum ada kunci asesor untuk menandatangani laporan konsolidasi. Kunci asesor dibuat, " +
	"dengan frasa sandinya, saat umpan balik pertama diekspor: `spbe-mandiri feedback export --bundle ID --out FOLDER` " +
	"untuk bundel yang sudah ditinjau; lalu ulangi `consolidate --pdf`")

// ConsolidatedPDF is `consolidate --periode P --pdf FILE`. The output is
// refused (data folder, existing file) and the assessor key must exist
// before the passphrase is asked for, so nobody types a passphrase for a
// file that cannot be written or a key that is not there.
func (a *Service) ConsolidatedPDF(ctx context.Context, req assessment.ConsolidatedPDFRequest) (out assessment.ConsolidatedPDFResult, err error) {
	// The write checks again.
	guard := storage.OutputGuard(a.dataDir())
	if _, err := guard.File(req.Out, req.Force); err != nil {
		return out, err
	}
	if _, err := a.w.SigningKeys().Identity(); errors.Is(err, keys.ErrNoKey) {
		return out, ErrNoAsesorKeyCLI
	} else if err != nil {
		return out, err
	}
	pass, err := req.Passphrase()
	if err != nil {
		return out, err
	}
	pdf, res, err := consolidatedPDF(ctx, a.w, req.Periode, pass, time.Now())
	if err != nil {
		return out, err
	}
	if err := guard.WriteFile(req.Out, pdf, req.Force, 0o644); err != nil {
		return out, fmt.Errorf("menulis %s: %w", req.Out, err)
	}
	res.Path = req.Out
	return res, nil
}

// WriteSheet is `recap --xlsx FILE`,
// `consolidate show --periode P --xlsx FILE`, `review show --bundle ID
// --xlsx FILE`. The file is written as `consolidate --pdf FILE` writes
// its file.
func (a *Service) WriteSheet(ctx context.Context, req assessment.SheetRequest) (rows int, err error) {
	var data []byte
	switch req.View {
	case assessment.SheetRecap:
		data, rows, err = a.RecapWorkbook(ctx)
	case assessment.SheetConsolidation:
		data, rows, err = a.ConsolidationWorkbook(ctx, req.Periode)
	case assessment.SheetReview:
		data, rows, err = a.ReviewWorkbook(ctx, req.BundleID)
	default:
		err = fmt.Errorf("tampilan %q tidak dikenal", req.View)
	}
	if err != nil {
		return 0, err
	}
	// The output-path policy and the one atomic writer, as for --pdf.
	_, err = storage.OutputGuard(a.dataDir()).Write(req.Out, req.Force, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return rows, err
}

// dataDir is the data folder the workspace <data>/asesor is in.
func (a *Service) dataDir() string { return filepath.Dir(a.w.Dir()) }
