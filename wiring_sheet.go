package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/sheet"
)

// ExportRecapXLSX writes REKAP_OPD_<date>.xlsx into destDir (never over
// an earlier file): the recap as the GUI lists it, one sheet.
func (a *asesorGUI) ExportRecapXLSX(ctx context.Context, destDir string) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor rekap belum dipilih")
	}
	data, _, err := recapWorkbook(ctx, a)
	if err != nil {
		return "", err
	}
	return a.writeNewExport(destDir, "REKAP_OPD_"+time.Now().Format("20060102"), ".xlsx", data)
}

// ExportReviewXLSX writes TINJAUAN_<KODE>_<periode>_<seq>.xlsx into
// destDir (never over an earlier file).
func (a *asesorGUI) ExportReviewXLSX(ctx context.Context, bundleID, destDir string) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor tinjauan belum dipilih")
	}
	data, b, _, err := reviewWorkbook(ctx, a, bundleID)
	if err != nil {
		return "", err
	}
	return a.writeNewExport(destDir, fmt.Sprintf("TINJAUAN_%s_%d_%d", fileSafe(b.OPDKode), b.Periode, b.Sequence), ".xlsx", data)
}

// writeNewExport writes data as dir/base+ext, or base_2+ext and so on if
// that is taken, as the CSV export does: a folder outside the data
// folders, the one atomic writer, never over an earlier file.
func (a *asesorGUI) writeNewExport(destDir, base, ext string, data []byte) (string, error) {
	dir, err := storage.ExportDir(filepath.Dir(a.w.Dir()), destDir)
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFile(dir, base, ext, data)
	if err != nil {
		return "", fmt.Errorf("menulis %s: %w", filepath.Base(path), err)
	}
	return path, nil
}

// fileSafe keeps an OPD code to the letters, digits, '-' and '_' a file
// name may hold everywhere (export already refuses other codes; a bundle
// from elsewhere is not trusted to).
func fileSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
	if s == "" {
		return "OPD"
	}
	return s
}

// recapWorkbook is the recap as a workbook and its number of rows.
func recapWorkbook(ctx context.Context, a *asesorGUI) ([]byte, int, error) {
	rows, err := a.Recap(ctx)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := sheet.WriteRecap(&buf, rows); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), len(rows), nil
}

// reviewWorkbook is the review of a bundle as a workbook, named by the
// bundle's catalog when the library has it.
func reviewWorkbook(ctx context.Context, a *asesorGUI, bundleID string) ([]byte, assessment.ReviewBundle, int, error) {
	b, items, err := a.ReviewSheet(ctx, bundleID)
	if err != nil {
		return nil, b, 0, err
	}
	var cat *assessment.Catalog
	if info, err := a.w.Bundle(ctx, b.BundleID); err == nil {
		cat, _ = a.w.CatalogOf(info.Catalog) // without it the names stay empty
	}
	var buf bytes.Buffer
	if err := sheet.WriteReview(&buf, b, items, cat); err != nil {
		return nil, b, 0, err
	}
	return buf.Bytes(), b, len(items), nil
}

// consolidationTable is the consolidation of a periode in one of the
// table formats: the bytes of `consolidate show --csv|--json|--xlsx`.
func consolidationTable(ctx context.Context, w *asesor.Workspace, periode int, format assessment.ExportFormat) ([]byte, int, error) {
	c, cat, err := w.ConsolidationView(ctx, periode)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	switch format {
	case assessment.ExportXLSX:
		err = sheet.WriteConsolidation(&buf, c, cat)
	case assessment.ExportCSV:
		err = tabular.WriteConsolidationCSV(&buf, c)
	default:
		err = tabular.WriteConsolidationJSON(&buf, c)
	}
	return buf.Bytes(), len(c.Rows), err
}

// writeSheetCommand is cli.AsesorDeps.WriteSheet: `recap --xlsx FILE`,
// `consolidate show --periode P --xlsx FILE`, `review show --bundle ID
// --xlsx FILE`. The file is written as `consolidate --pdf FILE` writes
// its file.
func writeSheetCommand(ctx context.Context, dataDir string, req cli.SheetRequest) (rows int, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		var data []byte
		var err error
		switch req.View {
		case cli.SheetRecap:
			data, rows, err = recapWorkbook(ctx, &asesorGUI{w: w})
		case cli.SheetConsolidation:
			data, rows, err = consolidationTable(ctx, w, req.Periode, assessment.ExportXLSX)
		case cli.SheetReview:
			data, _, rows, err = reviewWorkbook(ctx, &asesorGUI{w: w}, req.BundleID)
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
