package cli

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"text/tabwriter"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
)

func init() {
	register(command{
		name:    "recap",
		summary: "asesor: rekap OPD: recap [--csv | --json | --xlsx BERKAS.xlsx] — assessor: recap of imported OPDs",
		run:     runRecap,
	})
}

func runRecap(env *Env, args []string) int {
	fs := newFlagSet(env, "recap")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	asCSV := fs.Bool("csv", false, "keluaran CSV")
	xlsxOut := fs.String("xlsx", "", "tulis rekap sebagai buku kerja Excel ke BERKAS.xlsx")
	force := fs.Bool("force", false, forceFlagText+" (dengan --xlsx)")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 0 || !atMostOne(*asJSON, *asCSV, *xlsxOut != "") {
		return fail(env, usagef("pakai: spbe-mandiri recap [--csv | --json | --xlsx BERKAS.xlsx [--force]]"))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	if *xlsxOut != "" {
		return runSheet(env, *dataDir, assessment.SheetRequest{View: assessment.SheetRecap, Out: *xlsxOut, Force: *force})
	}
	rows, err := callAsesor(env, *dataDir, func(ws asesorport.Workspace) ([]assessment.RecapRow, error) {
		return ws.Recap(context.Background())
	})
	if err != nil {
		return fail(env, err)
	}
	switch {
	case *asJSON:
		if rows == nil {
			rows = []assessment.RecapRow{}
		}
		return writeJSON(env, rows)
	case *asCSV:
		return writeRecapCSV(env, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(env.Stdout, "Belum ada bundel yang diterima. Impor dengan `spbe-mandiri import FOLDER`.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KODE\tNAMA\tPERIODE\tINDEKS\tPREDIKAT\tKELENGKAPAN\tKUNCI\tNO. URUT\tDIIMPOR\tCATATAN")
	for _, r := range rows {
		note := recapNote(r)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.OPDKode, r.OPDNama, r.Periode, recapIndex(r.Index),
			r.Predicate, recapCompleteness(r), r.KeyStatus.Label(), r.Sequence, r.Imported.Local().Format("2006-01-02"), note)
	}
	if err := tw.Flush(); err != nil {
		return fail(env, err)
	}
	return ExitOK
}

// recapNote is what the assessor should look at in a row: an index the
// OPD claimed otherwise than the catalog gives, and conflicts to settle.
func recapNote(r assessment.RecapRow) string {
	var notes []string
	if r.IndexMismatch {
		notes = append(notes, fmt.Sprintf("PERIKSA: indeks menurut OPD %s %s", recapIndex(r.ClaimedIndex), r.ClaimedPredicate))
	}
	if r.Conflicts > 0 {
		notes = append(notes, fmt.Sprintf("%d konflik (spbe-mandiri bundles --opd %s)", r.Conflicts, r.OPDKode))
	}
	if r.Reviewed > 0 {
		notes = append(notes, fmt.Sprintf("hasil telaah %s %s (%d indikator)", recapIndex(r.ReviewedIndex), r.ReviewedPredicate, r.Reviewed))
	}
	return strings.Join(notes, "; ")
}

func recapIndex(s string) string {
	if x, ok := new(big.Rat).SetString(s); ok {
		return assessment.FormatDecimal(x)
	}
	return "–"
}

func recapCompleteness(r assessment.RecapRow) string {
	s := fmt.Sprintf("%d/%d", r.Answered, r.Total)
	if !r.Complete {
		s += " (sementara)"
	}
	return s
}

func writeRecapCSV(env *Env, rows []assessment.RecapRow) int {
	if err := tabular.WriteRecapCSV(env.Stdout, rows); err != nil {
		return fail(env, err)
	}
	return ExitOK
}
