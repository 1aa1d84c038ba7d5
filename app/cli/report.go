package cli

import (
	"context"
	"fmt"
	"io"
)

func init() {
	register(command{
		name:    "report",
		summary: "laporan PDF untuk dicetak: report --assessment ID --out BERKAS.pdf — printable PDF report",
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
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if *id == "" || *out == "" || len(rest) > 0 {
		return fail(env, usagef("pakai: spbe-mandiri report --assessment ID --out BERKAS.pdf"))
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
	pdf, err := deps.Report(context.Background(), svc, *id)
	if err != nil {
		return fail(env, err)
	}
	size, err := writePDF(*out, pdf)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "laporan tertulis: %s (%d byte)\n", *out, size)
	return ExitOK
}

// runKeyForm writes the key registration form for the Kepala OPD to sign.
func runKeyForm(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "form", args, 1, false, false)
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
	pdf, err := deps.KeyForm(context.Background(), svc)
	if err != nil {
		return fail(env, err)
	}
	size, err := writePDF(c.args[0], pdf)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "formulir pendaftaran kunci tertulis: %s (%d byte); cetak, tanda tangani, dan serahkan bersama bundel pertama\n", c.args[0], size)
	return ExitOK
}

func writePDF(path string, pdf []byte) (int64, error) {
	return writeAtomically(path, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	})
}
