package cli

import (
	"context"
	"fmt"
)

func init() {
	register(command{
		name:    "report",
		summary: "laporan PDF untuk dicetak: report --assessment ID --out BERKAS.pdf [--force] — printable PDF report",
		run:     runReport,
	})
}

// PrintDeps renders the printable PDFs; main.go fills it (wiring_report.go).
type PrintDeps struct {
	// Report writes the assessment's report as it stands now (footer
	// "belum diekspor": the signed copy is the one inside an exported bundle).
	// The PDFs are about 100 KB, so they are rendered in memory first: a
	// wrong id or a missing key is reported before any file is touched.
	Report func(ctx context.Context, svc *Services, assessmentID string) ([]byte, error)
	// KeyForm renders the Formulir Pendaftaran Kunci of the installed key.
	KeyForm func(ctx context.Context, svc *Services) ([]byte, error)
}

func printDeps(env *Env) (*PrintDeps, error) {
	if env.Print == nil {
		return nil, fmt.Errorf("pencetakan PDF tidak tersedia di build ini")
	}
	return env.Print, nil
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
	deps, err := printDeps(env)
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	dest := OutputFile{DataDir: svc.DataDir, Path: *out, Force: *force}
	if err := checkOutput(env, dest); err != nil {
		return fail(env, err)
	}
	pdf, err := deps.Report(context.Background(), svc, *id)
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
	deps, err := printDeps(env)
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, c.dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	dest := OutputFile{DataDir: svc.DataDir, Path: c.args[0], Force: c.force}
	if err := checkOutput(env, dest); err != nil {
		return fail(env, err)
	}
	pdf, err := deps.KeyForm(context.Background(), svc)
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
