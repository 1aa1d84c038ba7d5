package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
)

// exportDeps wires the key, export and verify commands (cli.Env.Export).
func exportDeps() *cli.ExportDeps {
	return &cli.ExportDeps{
		KeyInfo:      opdkeys.Info,
		CreateKey:    opdkeys.Create,
		ExportPublic: opdkeys.PublicFile,
		BackupKey:    opdkeys.Backup,
		RestoreKey:   restoreKey,
		Export:       exportBundle,
		Verify:       verifyBundle,
		ReadPassword: readPassword,
	}
}

// restoreKey is cli.ExportDeps.RestoreKey (opdkeys.Restore).
func restoreKey(dataDir string, pass []byte, file string, force bool) (cli.RestoredKey, error) {
	r, err := opdkeys.Restore(dataDir, pass, file, force)
	return cli.RestoredKey{OPDKey: r.Key, Same: r.Same, Replaced: r.Replaced}, err
}

// exportBundle is cli.ExportDeps.Export on the session's data folder.
func exportBundle(ctx context.Context, svc *cli.Services, req assessment.ExportRequest) (assessment.ExportResult, error) {
	return export.Bundle(ctx, svc.Store, svc.Library, svc.DataDir, req)
}

func verifyBundle(_ context.Context, path, pubkeyFile string) (cli.VerifyReport, error) {
	var key ed25519.PublicKey
	if pubkeyFile != "" {
		id, err := keys.ReadPublic(pubkeyFile)
		if err != nil {
			return cli.VerifyReport{}, err
		}
		key = id.PublicKey
	}
	v, f, err := export.VerifyWith(path, key) // infile refuses what is not a regular file
	if err != nil {
		return cli.VerifyReport{}, err
	}
	f.Close()
	return verifyReport(v), nil
}

func verifyReport(v *bundle.Verified) cli.VerifyReport {
	m, s := v.Manifest, v.Answers.Score
	r := cli.VerifyReport{
		Valid: true, SignerKnown: v.SignerKnown, BundleID: m.BundleID, OPDKode: m.OPD.Kode, OPDNama: m.OPD.Nama,
		Instansi: m.Instansi, Periode: m.Periode, Sequence: m.Sequence, CreatedAt: m.CreatedAt,
		Catalog: m.Catalog.ID + " versi " + m.Catalog.Version, KeyID: m.Signer.KeyID, Fingerprint: m.Signer.Fingerprint,
		ManifestSHA256: v.ManifestSHA256, ContentDigest: m.ContentDigest,
		Index: s.Index, Predicate: s.Predicate, Complete: s.Complete, Answered: s.Answered, Total: s.Total,
	}
	if m.Supersedes != nil {
		r.Supersedes = m.Supersedes.BundleID
	}
	for _, f := range m.Files {
		r.Files = append(r.Files, cli.VerifyFile{Path: f.Path, Role: f.Role, Size: f.Size, OriginalName: f.OriginalName})
	}
	return r
}

// readPassword prompts on the terminal without echo.
func readPassword(prompt string) ([]byte, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil, errors.New("masukan standar bukan terminal")
	}
	fmt.Fprint(os.Stderr, prompt)
	p, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	return bytes.TrimRight(p, "\r\n"), err
}

// guiExport is the GUI's app.Deps.Export hook; current returns the data
// folder the GUI has open. It never creates a key: the GUI makes the
// first key on purpose (Deps.OPDKeys) and shows its fingerprint.
func guiExport(current func() (*cli.Services, error)) func(ctx context.Context, assessmentID, destDir, passphrase string, progress func(float64)) (string, error) {
	return func(ctx context.Context, assessmentID, destDir, passphrase string, progress func(float64)) (string, error) {
		svc, err := current()
		if err != nil {
			return "", err
		}
		res, err := exportBundle(ctx, svc, assessment.ExportRequest{AssessmentID: assessmentID, OutDir: destDir, Passphrase: []byte(passphrase),
			Progress: func(done, total int64) {
				if progress != nil && total > 0 {
					progress(float64(done) / float64(total))
				}
			}})
		return res.Path, err
	}
}
