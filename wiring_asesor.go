package main

import (
	"context"
	"os"
	"os/user"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// asesorDeps wires the assessor's commands (cli.Env.Asesor) to the
// workspace <data>/asesor (storage/asesor).
func asesorDeps() *cli.AsesorDeps {
	return &cli.AsesorDeps{
		Import: func(ctx context.Context, dataDir string, paths []string, progress func(done, total int)) ([]cli.ImportLine, error) {
			var lines []cli.ImportLine
			err := withWorkspace(dataDir, func(w *asesor.Workspace) error {
				res, err := w.Import(ctx, paths, progress)
				for _, r := range res {
					lines = append(lines, importLine(r))
				}
				return err
			})
			return lines, err
		},
		Keys: func(ctx context.Context, dataDir string) ([]cli.RegistryKey, error) {
			var out []cli.RegistryKey
			err := withWorkspace(dataDir, func(w *asesor.Workspace) error {
				list, err := w.Keys(ctx)
				for _, k := range list {
					out = append(out, registryKey(k))
				}
				return err
			})
			return out, err
		},
		AddKey: func(ctx context.Context, dataDir, file, opdKode string) (k cli.RegistryKey, added bool, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				key, a, err := w.AddKeyFile(ctx, file, opdKode)
				k, added = registryKey(key), a
				return err
			})
			return k, added, err
		},
		VerifyKey: func(ctx context.Context, dataDir, keyID, by, how string) (k cli.RegistryKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				key, err := w.VerifyKey(ctx, keyID, by, how)
				k = registryKey(key)
				return err
			})
			return k, err
		},
		RevokeKey: func(ctx context.Context, dataDir, keyID string) (k cli.RegistryKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				key, err := w.RevokeKey(ctx, keyID)
				k = registryKey(key)
				return err
			})
			return k, err
		},
		Recap: func(ctx context.Context, dataDir string) ([]cli.RecapRow, error) {
			var out []cli.RecapRow
			err := withWorkspace(dataDir, func(w *asesor.Workspace) error {
				rows, err := w.Recap(ctx)
				for _, r := range rows {
					out = append(out, cli.RecapRow{OPDKode: r.OPDKode, OPDNama: r.OPDNama, Instansi: r.Instansi, Periode: r.Periode,
						Index: r.Index, Predicate: r.Predicate, Complete: r.Complete, Answered: r.Answered, Total: r.Total,
						KeyID: r.KeyID, KeyStatus: string(r.KeyStatus), LastSequence: r.Sequence, BundleID: r.BundleID,
						CreatedAt: r.CreatedAt, ImportedAt: r.ImportedAt, Versions: r.Versions, Conflicts: r.Conflicts})
				}
				return err
			})
			return out, err
		},
		Operator: operatorName,
	}
}

// withWorkspace opens <data>/asesor of the data folder dataDir ("" = the
// default), runs fn and closes it.
func withWorkspace(dataDir string, fn func(*asesor.Workspace) error) error {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return err
	}
	w, err := asesor.Open(filepath.Join(dir, asesor.DirName))
	if err != nil {
		return err
	}
	err = fn(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

func importLine(r asesor.Result) cli.ImportLine {
	return cli.ImportLine{Path: r.Path, Outcome: string(r.Outcome), Code: r.Code, Reason: r.Reason, Check: r.Check, Entry: r.Entry,
		BundleID: r.BundleID, OPDKode: r.OPDKode, OPDNama: r.OPDNama, Periode: r.Periode, Sequence: r.Sequence,
		ManifestSHA256: r.ManifestSHA256, KeyID: r.KeyID, Fingerprint: r.Fingerprint, KeyStatus: string(r.KeyStatus),
		Supersedes: r.Supersedes, ConflictWith: r.ConflictWith}
}

func registryKey(k asesor.Key) cli.RegistryKey {
	return cli.RegistryKey{KeyID: k.KeyID, Fingerprint: k.Fingerprint, OPDKode: k.OPDKode, Status: string(k.Status),
		Source: k.Source, FirstSeen: k.FirstSeen, VerifiedBy: k.VerifiedBy, VerifiedAt: k.VerifiedAt,
		VerifiedHow: k.VerifiedHow, RevokedAt: k.RevokedAt, LastSequence: k.LastSequence}
}

// operatorName is the OS user, the default for `keys verify --by`.
func operatorName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return os.Getenv("USER")
}
