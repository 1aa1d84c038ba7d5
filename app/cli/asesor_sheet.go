package cli

import (
	"context"
	"errors"
	"fmt"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"path/filepath"
	"strings"
)

// errNoSheetExport is returned when the build has no workbook wiring.
var errNoSheetExport = errors.New("ekspor Excel (.xlsx) tidak tersedia di lingkungan ini")

// runSheet is the `--xlsx FILE` of recap, consolidate show and review
// show: it writes the workbook and names it. The file must end in .xlsx:
// Excel refuses to open a workbook under another extension.
func runSheet(env *Env, deps *AsesorDeps, dataDir string, req assessment.SheetRequest) int {
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
