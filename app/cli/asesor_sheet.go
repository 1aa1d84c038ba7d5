package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// runSheet is the `--xlsx FILE` of recap, consolidate show and review
// show: it writes the workbook and names it. The file must end in .xlsx:
// Excel refuses to open a workbook under another extension.
func runSheet(env *Env, dataDir string, req assessment.SheetRequest) int {
	if !strings.EqualFold(filepath.Ext(req.Out), ".xlsx") {
		return fail(env, usagef("--xlsx %s: nama berkas harus berakhiran .xlsx (mis. --xlsx rekap.xlsx)", req.Out))
	}
	if err := checkOutput(env, OutputFile{DataDir: dataDir, Path: req.Out, Force: req.Force, Public: true}); err != nil {
		return fail(env, err)
	}
	rows, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (int, error) { return ws.WriteSheet(context.Background(), req) })
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
