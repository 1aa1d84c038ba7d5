package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

func init() {
	register(command{
		name:    "bundles",
		summary: "asesor: daftar bundel tersimpan: bundles [--opd KODE] [--periode P] [--json] — assessor: stored bundles and their status",
		run:     runBundles,
	})
}

// runBundles lists the stored bundles with their status, so the assessor
// sees the bundles of a konflik side by side before `accept`.
func runBundles(env *Env, args []string) int {
	fs := newFlagSet(env, "bundles")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	opd := fs.String("opd", "", "hanya bundel OPD ini (kode)")
	periode := fs.Int("periode", 0, "hanya periode ini")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 0 {
		return fail(env, usagef("pakai: spbe-mandiri bundles [--opd KODE] [--periode P] [--json]"))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	all, err := callAsesor(env, *dataDir, func(ws asesorport.Workspace) ([]assessment.ReviewBundle, error) {
		return ws.Bundles(context.Background())
	})
	if err != nil {
		return fail(env, err)
	}
	list := []StoredBundle{}
	for _, b := range all {
		if (*opd == "" || assessment.SameOPD(b.OPDKode, *opd)) && (*periode == 0 || b.Periode == *periode) {
			list = append(list, storedBundle(b))
		}
	}
	if *asJSON {
		return writeJSON(env, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "Tidak ada bundel tersimpan yang cocok.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KODE\tPERIODE\tNO. URUT\tSTATUS\tINDEKS\tDIBUAT (JAM OPD)\tDIIMPOR\tKUNCI\tBUNDEL")
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", assessment.InertLine(b.OPDKode), b.Periode, b.Sequence, storedStatusLabel(b.Status),
			recapIndex(b.Index), assessment.InertLine(b.CreatedAt), b.ImportedAt.Local().Format("2006-01-02 15:04"), keyStatusLabel(b.KeyStatus), b.BundleID)
	}
	if err := tw.Flush(); err != nil {
		return fail(env, err)
	}
	return ExitOK
}

// storedStatusLabel shows a konflik in capitals: it is what to look for.
func storedStatusLabel(s string) string {
	if s == "conflict" {
		return "KONFLIK"
	}
	return bundleStatusLabel(s)
}
