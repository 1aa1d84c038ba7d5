package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"golang.org/x/term"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"

	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
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

// exportStore is what an export needs of the local store beyond
// assessment.Store: the export log (storage/exports.go).
type exportStore interface {
	assessment.Store
	LastExport(ctx context.Context, opdKode string, periode int) (storage.ExportRecord, error)
	MaxExportSequence(ctx context.Context, keyID string) (uint64, error)
	BeginExport(ctx context.Context, r storage.ExportRecord) error
	PublishExport(ctx context.Context, bundleID, path string, size int64) error
	AbandonExport(ctx context.Context, bundleID string, release bool) error
	PendingExports(ctx context.Context) ([]storage.ExportRecord, error)
}

func exportBundle(ctx context.Context, svc *cli.Services, req cli.ExportRequest) (cli.ExportResult, error) {
	st, ok := svc.Store.(exportStore)
	if !ok {
		return cli.ExportResult{}, errors.New("penyimpanan ini tidak mendukung ekspor")
	}
	// The folder is checked (outside the data folders) before the key is
	// unlocked; the bundle then goes into the folder that was checked.
	outDir, err := outputGuard(svc.DataDir).Dir(req.OutDir)
	if err != nil {
		return cli.ExportResult{}, err
	}
	kd := keys.Open(svc.DataDir)
	key, err := kd.Unlock(req.Passphrase)
	if err != nil {
		return cli.ExportResult{}, err
	}
	snap, err := bundle.LoadSnapshot(ctx, st, svc.Library, req.AssessmentID)
	if err != nil {
		return cli.ExportResult{}, err
	}
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: exportLog{st}, App: appInfo(), Report: signedReport(key)}
	open := func(sha string) (io.ReadCloser, error) { return st.OpenBlob(ctx, sha) }
	res, err := exp.Export(ctx, snap, open, outDir, req.Progress)
	if res.Path == "" {
		return cli.ExportResult{}, err
	}
	out := cli.ExportResult{Path: res.Path, BundleID: res.BundleID, Sequence: res.Sequence, KeyID: res.KeyID,
		Fingerprint: res.Fingerprint, ManifestSHA256: res.ManifestSHA256, ContentDigest: res.ContentDigest,
		Size: res.Size, Files: res.Files}
	if res.Supersedes != nil {
		out.Supersedes = res.Supersedes.BundleID
	}
	if err != nil {
		return out, err // in place, but not confirmed or not logged: the message says it is saved
	}
	out.PublicKeyPath, err = writeOPDPublicKey(outDir, snap.Profile.OPDKode, key.Identity)
	if err != nil {
		// The bundle is complete and logged; only the convenience copy of
		// the public key is missing, and the officer must not redo the export.
		err = fmt.Errorf("bundel %s tersimpan dan utuh; hanya berkas kunci publik OPD di sampingnya yang gagal ditulis (%w) — "+
			"simpan kunci publik dengan `spbe-mandiri key export-public BERKAS` atau tombol Simpan kunci publik", out.Path, err)
	}
	return out, err
}

// writeOPDPublicKey writes the OPD's public key beside its bundle as
// KUNCI_PUBLIK_<KODE>.json, so the stick carries what the assessor
// registers (still pending until the fingerprint is compared with the
// signed key form or by phone). Only a file of the same key is replaced; a
// file of another key (an older, replaced key) or anything else under that
// name is kept: the new one then gets the key id in its name. dir is a
// folder checked by outputGuard.
func writeOPDPublicKey(dir, kode string, id keys.Identity) (string, error) {
	base := "KUNCI_PUBLIK_" + bundle.SafeName(kode)
	names := []string{base + ".json", base + "_" + id.KeyID[:8] + ".json"}
	data := keys.MarshalPublic(id)
	for _, name := range names {
		path := filepath.Join(dir, name)
		var err error
		if old, rerr := keys.ReadPublic(path); !fileExists(path) {
			err = writeNewFile(path, data, 0o644)
		} else if rerr == nil && old.KeyID == id.KeyID {
			err = replaceFile(path, data)
		} else {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("menulis kunci publik OPD: %w", err)
		}
		return path, nil
	}
	return "", fmt.Errorf("menulis kunci publik OPD: folder tujuan sudah berisi berkas lain bernama %s dan %s; tidak ditimpa", names[0], names[1])
}

// signedReport renders report.pdf with the bundle footer and adds the PDF
// approval signature of key's PDF signing key (derived from the Ed25519
// seed, keys.DerivePDFSigningKey) under its self-signed certificate
// (report.SigningCert: CN "<OPD nama> (SPBE Mandiri)", O instansi, valid
// from the key's creation for ten years). The signing time is the
// bundle's created_at, so the same inputs and key give the same bytes. It
// returns the signed PDF and the certificate's SHA-256 for the manifest.
func signedReport(key *keys.Key) func(assessment.Snapshot, bundle.ReportInfo) ([]byte, string, error) {
	return func(snap assessment.Snapshot, info bundle.ReportInfo) ([]byte, string, error) {
		var buf bytes.Buffer
		err := report.Render(&buf, snap, report.Footer{
			ContentDigest: info.ContentDigest, Fingerprint: info.Fingerprint, BundleID: info.BundleID,
			Sequence: int(info.Sequence), GeneratedAt: info.CreatedAt,
		})
		if err != nil {
			return nil, "", err
		}
		pk, err := key.PDFSigningKey()
		if err != nil {
			return nil, "", err
		}
		cert, err := report.SigningCert(pk, info.OPDNama+" (SPBE Mandiri)", info.Instansi, key.CreatedAt)
		if err != nil {
			return nil, "", err
		}
		signer := snap.Profile.Operator
		if signer == "" {
			signer = info.OPDNama
		}
		pdf, err := report.Sign(buf.Bytes(), pk, cert, info.CreatedAt, signer)
		if err != nil {
			return nil, "", err
		}
		return pdf, report.CertSHA256(cert), nil
	}
}

func appInfo() bundle.App {
	v := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return bundle.App{Name: "spbe-mandiri", Version: v}
}

// exportLog adapts the store's export table to bundle.Log.
type exportLog struct{ st exportStore }

func (l exportLog) Supersedes(ctx context.Context, kode string, periode int) (*bundle.Supersedes, error) {
	r, err := l.st.LastExport(ctx, kode, periode)
	if errors.Is(err, assessment.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &bundle.Supersedes{BundleID: r.BundleID, ManifestSHA256: r.ManifestSHA256}, nil
}

func (l exportLog) MaxSequence(ctx context.Context, keyID string) (uint64, error) {
	return l.st.MaxExportSequence(ctx, keyID)
}

func (l exportLog) Begin(ctx context.Context, e bundle.Exported) error {
	return l.st.BeginExport(ctx, storage.ExportRecord{
		BundleID: e.BundleID, AssessmentID: e.AssessmentID, OPDKode: e.OPDKode, Periode: e.Periode,
		Sequence: e.Sequence, KeyID: e.KeyID, ManifestSHA256: e.ManifestSHA256,
		ContentDigest: e.ContentDigest, Path: e.Path, Size: e.Size,
	})
}

func (l exportLog) Publish(ctx context.Context, e bundle.Exported) error {
	return l.st.PublishExport(ctx, e.BundleID, e.Path, e.Size)
}

func (l exportLog) Abandon(ctx context.Context, e bundle.Exported, release bool) error {
	return l.st.AbandonExport(ctx, e.BundleID, release)
}

func (l exportLog) Pending(ctx context.Context) ([]bundle.Exported, error) {
	list, err := l.st.PendingExports(ctx)
	out := make([]bundle.Exported, 0, len(list))
	for _, r := range list {
		out = append(out, bundle.Exported{Result: bundle.Result{BundleID: r.BundleID, Sequence: r.Sequence, KeyID: r.KeyID,
			ManifestSHA256: r.ManifestSHA256, ContentDigest: r.ContentDigest, Size: r.Size},
			AssessmentID: r.AssessmentID, OPDKode: r.OPDKode, Periode: r.Periode, Path: r.Path})
	}
	return out, err
}

// reconcileExports settles, when a data folder opens, the exports a crash
// or a failed folder fsync left pending (bundle.Reconcile): a bundle found
// in place is now in the log, and the officer is told it is saved. A
// damaged database reports itself on the first real call instead.
func reconcileExports(st exportStore) {
	done, _ := bundle.Reconcile(context.Background(), exportLog{st}, "")
	for _, e := range done {
		fmt.Fprintf(os.Stderr, "bundel %s tersimpan (ekspor yang terputus kini tercatat di riwayat ekspor)\n", e.Path)
	}
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
	v, f, err := verifyWith(path, key) // infile refuses what is not a regular file
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
// folder the GUI has open.
func guiExport(current func() (*cli.Services, error)) func(ctx context.Context, assessmentID, destDir, passphrase string, progress func(float64)) (string, error) {
	return func(ctx context.Context, assessmentID, destDir, passphrase string, progress func(float64)) (string, error) {
		svc, err := current()
		if err != nil {
			return "", err
		}
		pass := []byte(passphrase)
		if ki, err := keyInfo(svc.DataDir); err != nil {
			return "", err
		} else if !ki.Exists {
			if _, err := createKey(svc.DataDir, pass); err != nil {
				return "", err
			}
		}
		res, err := exportBundle(ctx, svc, cli.ExportRequest{AssessmentID: assessmentID, OutDir: destDir, Passphrase: pass,
			Progress: func(done, total int64) {
				if progress != nil && total > 0 {
					progress(float64(done) / float64(total))
				}
			}})
		return res.Path, err
	}
}
