package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// exportDeps wires the key, export and verify commands (cli.Env.Export).
func exportDeps() *cli.ExportDeps {
	return &cli.ExportDeps{
		KeyInfo:      keyInfo,
		CreateKey:    createKey,
		ExportPublic: exportPublicKey,
		BackupKey:    backupKey,
		RestoreKey:   restoreKey,
		Export:       exportBundle,
		Verify:       verifyBundle,
		ReadPassword: readPassword,
	}
}

func keyInfo(dataDir string) (cli.KeyInfo, error) {
	d := keys.Open(dataDir)
	id, err := d.Identity()
	if errors.Is(err, keys.ErrNoKey) {
		return cli.KeyInfo{}, nil
	}
	if err != nil {
		return cli.KeyInfo{}, err
	}
	return describeKey(d, id)
}

func describeKey(d keys.Dir, id keys.Identity) (cli.KeyInfo, error) {
	seq, err := d.LastSequence(id.KeyID)
	return cli.KeyInfo{
		Exists: true, KeyID: id.KeyID, Fingerprint: id.Fingerprint,
		PublicKey: base64.StdEncoding.EncodeToString(id.PublicKey),
		CreatedAt: id.CreatedAt, Path: d.KeyPath(), LastSequence: seq,
	}, err
}

func createKey(dataDir string, pass []byte) (cli.KeyInfo, error) {
	d := keys.Open(dataDir)
	k, err := d.Create(pass, time.Now())
	if err != nil {
		return cli.KeyInfo{}, err
	}
	return describeKey(d, k.Identity)
}

// exportPublicKey is the public key file; `key export-public` writes it
// through cli.Env.Output.
func exportPublicKey(dataDir string) ([]byte, cli.KeyInfo, error) {
	d := keys.Open(dataDir)
	id, err := d.Identity()
	if err != nil {
		return nil, cli.KeyInfo{}, err
	}
	ki, err := describeKey(d, id)
	return keys.MarshalPublic(id), ki, err
}

// backupKey is the encrypted key backup; `key backup` writes it through
// cli.Env.Output.
func backupKey(dataDir string, pass []byte) ([]byte, cli.KeyInfo, error) {
	d := keys.Open(dataDir)
	data, id, err := d.Backup(pass, time.Now())
	if err != nil {
		return nil, cli.KeyInfo{}, err
	}
	ki, err := describeKey(d, id)
	return data, ki, err
}

func restoreKey(dataDir string, pass []byte, file string, force bool) (cli.RestoredKey, error) {
	d := keys.Open(dataDir)
	r, err := d.RestoreFile(file, pass, force)
	if err != nil {
		return cli.RestoredKey{}, err
	}
	ki, err := describeKey(d, r.Identity)
	return cli.RestoredKey{KeyInfo: ki, Same: r.Same, Replaced: r.Replaced}, err
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
