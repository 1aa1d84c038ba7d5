package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// SheetView names the view an Excel workbook holds.
type SheetView string

// The views written as workbooks.
const (
	SheetRecap         SheetView = "recap"
	SheetConsolidation SheetView = "consolidation"
	SheetReview        SheetView = "review"
)

// SheetRequest asks for one view as an Excel workbook
// (AsesorDeps.WriteSheet).
type SheetRequest struct {
	View     SheetView
	Periode  int    // SheetConsolidation
	BundleID string // SheetReview: id or a unique prefix
	Out      string // the .xlsx file to write
	Force    bool   // --force: replace an existing file (never in a data folder)
}

// errNoSheetExport is returned when the build has no workbook wiring.
var errNoSheetExport = errors.New("ekspor Excel (.xlsx) tidak tersedia di lingkungan ini")

// runSheet is the `--xlsx FILE` of recap, consolidate show and review
// show: it writes the workbook and names it. The file must end in .xlsx:
// Excel refuses to open a workbook under another extension.
func runSheet(env *Env, deps *AsesorDeps, dataDir string, req SheetRequest) int {
	if !strings.EqualFold(filepath.Ext(req.Out), ".xlsx") {
		return fail(env, usagef("--xlsx %s: nama berkas harus berakhiran .xlsx (mis. --xlsx rekap.xlsx)", req.Out))
	}
	if deps.WriteSheet == nil {
		return fail(env, errNoSheetExport)
	}
	if err := checkOutput(env, OutputFile{DataDir: dataDir, Path: req.Out, Force: req.Force, Public: true}); err != nil {
		return fail(env, err)
	}
	rows, err := deps.WriteSheet(context.Background(), dataDir, req)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "Berkas Excel tersimpan: %s (%d baris)\n", req.Out, rows)
	return ExitOK
}

// atMostOne reports whether no more than one of the output choices
// (--json, --csv, --pdf, --xlsx) was made.
func atMostOne(choices ...bool) bool {
	n := 0
	for _, c := range choices {
		if c {
			n++
		}
	}
	return n <= 1
}
