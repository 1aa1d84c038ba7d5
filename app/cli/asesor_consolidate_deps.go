package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// runConsolidatedPDF is `consolidate --periode P --pdf FILE`: it writes
// the signed report, reading the assessor key's passphrase (file,
// standard input with "-", or a prompt on the terminal; never the command
// line) once the key is known to exist.
func runConsolidatedPDF(env *Env, dataDir string, req assessment.ConsolidatedPDFRequest, passFile string) int {
	var read func() ([]byte, error)
	switch {
	case passFile != "":
		read = func() ([]byte, error) { return passphraseFromFile(env, passFile) }
	case env.ReadPassword != nil:
		read = func() ([]byte, error) {
			p, err := env.ReadPassword("Frasa sandi kunci asesor: ")
			if err != nil {
				return nil, fmt.Errorf("%w; gunakan --passphrase-file BERKAS", err)
			}
			return p, nil
		}
	default:
		return fail(env, usagef("frasa sandi kunci asesor diperlukan: --passphrase-file BERKAS"))
	}
	req.Passphrase = read
	res, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (assessment.ConsolidatedPDFResult, error) {
		return ws.ConsolidatedPDF(context.Background(), req)
	})
	if err != nil {
		return fail(env, err)
	}
	state := ""
	if !res.Complete {
		state = " (sementara)"
	}
	w := env.Stdout
	fmt.Fprintf(w, "Laporan konsolidasi : %s\n", res.Path)
	fmt.Fprintf(w, "Indeks instansi     : %s %s%s — %d/%d indikator bernilai, %d OPD\n",
		recapIndex(res.Index), res.Predicate, state, res.Answered, res.Total, res.OPDs)
	fmt.Fprintf(w, "Ditandatangani      : kunci asesor, sidik jari %s\n", res.Fingerprint)
	if len(res.ExcludedRevoked) > 0 {
		fmt.Fprintf(w, "Tidak dihitung      : %s (kunci OPD dicabut)\n", strings.Join(res.ExcludedRevoked, ", "))
	}
	return ExitOK
}
