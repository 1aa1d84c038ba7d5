package cli

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "export",
		summary: "ekspor bundel bertanda tangan: export --assessment ID --out FOLDER [--passphrase-file BERKAS] — signed export",
		run:     runExport,
	})
}

func runExport(env *Env, args []string) int {
	fs := newFlagSet(env, "export")
	dataDir := fs.String("data", "", "folder data")
	id := fs.String("assessment", "", "id penilaian (lihat `spbe-mandiri assessment list`)")
	out := fs.String("out", "", "folder tujuan, mis. flashdisk USB")
	passFile := fs.String("passphrase-file", "", "berkas berisi frasa sandi (\"-\" = masukan standar)")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) > 0 || *id == "" || *out == "" {
		return fail(env, usagef("pakai: spbe-mandiri export --assessment ID --out FOLDER [--passphrase-file BERKAS]"))
	}
	deps, err := keyFiles(env)
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	if svc.Export == nil {
		return fail(env, errNoExport)
	}
	// A folder inside the data folder is refused before a key is made.
	if err := checkOutputDir(env, svc.DataDir, *out); err != nil {
		return fail(env, err)
	}
	pass, err := exportPassphrase(env, deps, svc.DataDir, *passFile)
	if err != nil {
		return fail(env, err)
	}
	res, err := svc.Export.Bundle(context.Background(), assessment.ExportRequest{AssessmentID: *id, OutDir: *out, Passphrase: pass})
	switch {
	case err != nil && res.Path == "":
		return fail(env, err)
	case err != nil:
		// The bundle was written (the error says what else went wrong):
		// show it, so nobody exports again.
		printExport(env, res, *asJSON)
		return fail(env, err)
	}
	return printExport(env, res, *asJSON)
}

// exportPassphrase reads the signing key's passphrase; without a key it
// asks a new one twice and makes the key (the CLI's export does, the GUI's
// never silently).
func exportPassphrase(env *Env, deps assessment.KeyFiles, dataDir, passFile string) ([]byte, error) {
	ki, err := deps.Info(dataDir)
	if err != nil {
		return nil, err
	}
	pass, err := readPassphrase(env, passFile, !ki.Exists)
	if err != nil || ki.Exists {
		return pass, err
	}
	if ki, err = deps.Create(dataDir, pass); err != nil {
		return nil, err
	}
	fmt.Fprintf(env.Stderr, "Kunci penanda tangan baru dibuat (sidik jari %s).\n%s\n", ki.Fingerprint, backupAdvice)
	return pass, nil
}

func printExport(env *Env, res assessment.ExportResult, asJSON bool) int {
	if asJSON {
		return writeJSON(env, res)
	}
	w := env.Stdout
	fmt.Fprintf(w, "Bundel       : %s\n", res.Path)
	fmt.Fprintf(w, "Nomor urut   : %d\n", res.Sequence)
	fmt.Fprintf(w, "Sidik jari   : %s\n", res.Fingerprint)
	fmt.Fprintf(w, "Bundle ID    : %s\n", res.BundleID)
	fmt.Fprintf(w, "Digest isi   : %s\n", assessment.GroupDigest(res.ContentDigest))
	fmt.Fprintf(w, "Berkas       : %d, ukuran %d byte\n", res.Files, res.Size)
	if res.Supersedes != "" {
		fmt.Fprintf(w, "Menggantikan : %s\n", res.Supersedes)
	}
	if res.PublicKeyPath != "" {
		fmt.Fprintf(w, "Kunci publik : %s (untuk didaftarkan Tim Asesor)\n", res.PublicKeyPath)
	}
	return ExitOK
}
