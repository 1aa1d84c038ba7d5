package cli

import (
	"context"
	"errors"
	"fmt"
)

// ConsolidatedPDFRequest asks for the signed consolidated report of one
// periode (AsesorDeps.ConsolidatedPDF).
type ConsolidatedPDFRequest struct {
	Periode    int
	Out        string // the PDF file to write
	Passphrase []byte // unlocks the assessor's key in <data>/asesor/keys
}

// ConsolidatedPDFResult describes the report written.
type ConsolidatedPDFResult struct {
	Path        string `json:"path"`
	Index       string `json:"index"` // decimal with a point, "" = none
	Predicate   string `json:"predicate"`
	Complete    bool   `json:"complete"`
	Answered    int    `json:"answered"`
	Total       int    `json:"total"`
	OPDs        int    `json:"opds"`
	KeyID       string `json:"keyid"`
	Fingerprint string `json:"fingerprint"`
}

// errNoPDFExport is returned when the build has no consolidated PDF wiring.
var errNoPDFExport = errors.New("laporan konsolidasi PDF tidak tersedia di lingkungan ini")

// runConsolidatedPDF is `consolidate --periode P --pdf FILE`: it reads the
// assessor key's passphrase (file, standard input with "-", or a prompt
// on the terminal; never the command line) and writes the signed report.
func runConsolidatedPDF(env *Env, deps *AsesorDeps, dataDir string, periode int, out, passFile string) int {
	if deps.ConsolidatedPDF == nil {
		return fail(env, errNoPDFExport)
	}
	var pass []byte
	var err error
	switch {
	case passFile != "":
		pass, err = passphraseFromFile(env, passFile)
	case env.Export != nil && env.Export.ReadPassword != nil:
		pass, err = readPassphrase(env, env.Export, "", false)
	default:
		err = usagef("frasa sandi kunci asesor diperlukan: --passphrase-file BERKAS")
	}
	if err != nil {
		return fail(env, err)
	}
	res, err := deps.ConsolidatedPDF(context.Background(), dataDir, ConsolidatedPDFRequest{Periode: periode, Out: out, Passphrase: pass})
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
	return ExitOK
}
