package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "report",
		summary: "laporan PDF untuk dicetak: report --assessment ID --out BERKAS.pdf [--force] — printable PDF report",
		run:     runReport,
	})
}

var errNoPrint = errors.New("pencetakan PDF tidak tersedia di build ini")

// printer is the open folder's export port for the printable PDFs.
func printer(svc *Services) (assessment.OPDExport, error) {
	if svc.Export == nil {
		return nil, errNoPrint
	}
	return svc.Export, nil
}

func runReport(env *Env, args []string) int {
	fs := newFlagSet(env, "report")
	dataDir := fs.String("data", "", "folder data")
	id := fs.String("assessment", "", "id penilaian (lihat `assessment list`)")
	out := fs.String("out", "", "berkas PDF yang ditulis")
	force := fs.Bool("force", false, forceFlagText)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if *id == "" || *out == "" || len(rest) > 0 {
		return fail(env, usagef("pakai: spbe-mandiri report --assessment ID --out BERKAS.pdf [--force]"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	deps, err := printer(svc)
	if err != nil {
		return fail(env, err)
	}
	dest := OutputFile{DataDir: svc.DataDir, Path: *out, Force: *force}
	if err := checkOutput(env, dest); err != nil {
		return fail(env, err)
	}
	pdf, err := deps.DraftReport(context.Background(), *id)
	if err != nil {
		return fail(env, err)
	}
	size, err := writeOutputBytes(env, dest, pdf)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "laporan tertulis: %s (%d byte)\n", *out, size)
	return ExitOK
}

// runKeyForm writes the key registration form for the Kepala OPD to sign.
func runKeyForm(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "form", args, 1, false, true)
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, c.dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	deps, err := printer(svc)
	if err != nil {
		return fail(env, err)
	}
	dest := OutputFile{DataDir: svc.DataDir, Path: c.args[0], Force: c.force}
	if err := checkOutput(env, dest); err != nil {
		return fail(env, err)
	}
	pdf, err := deps.KeyForm(context.Background())
	if err != nil {
		return fail(env, err)
	}
	size, err := writeOutputBytes(env, dest, pdf)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "formulir pendaftaran kunci tertulis: %s (%d byte); cetak, tanda tangani, dan serahkan bersama bundel pertama\n", c.args[0], size)
	return ExitOK
}
