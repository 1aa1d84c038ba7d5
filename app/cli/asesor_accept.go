package cli

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

func init() {
	register(command{
		name: "accept",
		summary: "asesor: selesaikan konflik: accept BUNDEL [--by NAMA] [--json] — assessor: make a bundle the accepted one " +
			"of its OPD and periode",
		run: runAccept,
	})
}

const acceptUsage = "pakai: spbe-mandiri accept BUNDEL [--by NAMA] [--json]\n" +
	"       BUNDEL: id bundel atau awalannya (minimal 8 karakter); lihat `spbe-mandiri bundles --opd KODE`"

// runAccept settles a konflik: the chosen bundle becomes the accepted one
// of its OPD and periode; the others that were accepted or in conflict
// become superseded (kept, listed by `bundles`).
func runAccept(env *Env, args []string) int {
	fs := newFlagSet(env, "accept")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	by := fs.String("by", "", "nama asesor yang memutuskan (bawaan: nama pengguna sistem)")
	pos, err := parseArgs(fs, args)
	if err != nil || len(pos) != 1 || pos[0] == "" {
		return fail(env, usagef("%s", acceptUsage))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	a, err := callAsesor(env, *dataDir, func(ws asesorport.Workspace) (assessment.Acceptance, error) {
		who := *by
		if who == "" {
			who = ws.Operator()
		}
		return ws.Accept(context.Background(), pos[0], who)
	})
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, a)
	}
	if !a.Changed {
		fmt.Fprintf(env.Stdout, "Bundel %s sudah yang diterima untuk %s %d dan tidak ada konflik; tidak ada yang diubah.\n",
			a.BundleID, a.OPDKode, a.Periode)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "Bundel %s sekarang yang diterima untuk %s %d (diputuskan oleh %s).\n", a.BundleID, a.OPDKode, a.Periode, a.DecidedBy)
	for _, id := range a.Superseded {
		fmt.Fprintf(env.Stdout, "  %s: sekarang digantikan (tetap tersimpan)\n", id)
	}
	return ExitOK
}
