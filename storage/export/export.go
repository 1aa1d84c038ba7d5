// Package export is the OPD's export: snapshot → sequence number →
// signed bundle with the signed report → the OPD's public key beside it →
// export log, on the local store (storage) and the bundle writer
// (storage/bundle). The CLI's `export` and the GUI's Ekspor call Bundle;
// neither creates a signing key: a key is made only on purpose (`key
// init`, or the GUI's first export that shows its fingerprint), never by
// an export on the way.
package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// Store is what an export needs of the local store beyond
// assessment.Store: the export log (storage/exports.go).
type Store interface {
	assessment.Store
	LastExport(ctx context.Context, opdKode string, periode int) (storage.ExportRecord, error)
	MaxExportSequence(ctx context.Context, keyID string) (uint64, error)
	BeginExport(ctx context.Context, r storage.ExportRecord) error
	PublishExport(ctx context.Context, bundleID, path string, size int64) error
	AbandonExport(ctx context.Context, bundleID string, release bool) error
	PendingExports(ctx context.Context) ([]storage.ExportRecord, error)
}

// Bundle writes the signed bundle of one assessment of the data folder
// dataDir (its store s, the catalogs lib) into req.OutDir, with the OPD's
// public key file beside it. The key must exist: ErrNoKey otherwise.
func Bundle(ctx context.Context, s assessment.Store, lib *assessment.Library, dataDir string, req assessment.ExportRequest) (assessment.ExportResult, error) {
	st, ok := s.(Store)
	if !ok {
		return assessment.ExportResult{}, errors.New("penyimpanan ini tidak mendukung ekspor")
	}
	// The folder is checked (outside the data folders) before the key is
	// unlocked; the bundle then goes into the folder that was checked.
	outDir, err := storage.OutputGuard(dataDir).Dir(req.OutDir)
	if err != nil {
		return assessment.ExportResult{}, err
	}
	kd := keys.Open(dataDir)
	key, err := kd.Unlock(req.Passphrase)
	if err != nil {
		return assessment.ExportResult{}, err
	}
	snap, err := bundle.LoadSnapshot(ctx, st, lib, req.AssessmentID)
	if err != nil {
		return assessment.ExportResult{}, err
	}
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: exportLog{st}, App: appInfo(), Report: SignedReport(key)}
	open := func(sha string) (io.ReadCloser, error) { return st.OpenBlob(ctx, sha) }
	res, err := exp.Export(ctx, snap, open, outDir, req.Progress)
	if res.Path == "" {
		return assessment.ExportResult{}, err
	}
	out := assessment.ExportResult{Path: res.Path, BundleID: res.BundleID, Sequence: res.Sequence, KeyID: res.KeyID,
		Fingerprint: res.Fingerprint, ManifestSHA256: res.ManifestSHA256, ContentDigest: res.ContentDigest,
		Size: res.Size, Files: res.Files}
	if res.Supersedes != nil {
		out.Supersedes = res.Supersedes.BundleID
	}
	if err != nil {
		return out, err // in place, but not confirmed or not logged: the message says it is saved
	}
	out.PublicKeyPath, err = WriteOPDPublicKey(outDir, snap.Profile.OPDKode, key.Identity)
	if err != nil {
		// The bundle is complete and logged; only the convenience copy of
		// the public key is missing, and the officer must not redo the export.
		err = fmt.Errorf("bundel %s tersimpan dan utuh; hanya berkas kunci publik OPD di sampingnya yang gagal ditulis (%w) — "+
			"simpan kunci publik dengan `spbe-mandiri key export-public BERKAS` atau tombol Simpan kunci publik", out.Path, err)
	}
	return out, err
}

// WriteOPDPublicKey writes the OPD's public key beside its bundle as
// KUNCI_PUBLIK_<KODE>.json, so the stick carries what the assessor
// registers (still pending until the fingerprint is compared with the
// signed key form or by phone). Only a file of the same key is replaced; a
// file of another key (an older, replaced key) or anything else under that
// name is kept: the new one then gets the key id in its name. dir is a
// folder checked by storage.OutputGuard.
func WriteOPDPublicKey(dir, kode string, id keys.Identity) (string, error) {
	base := "KUNCI_PUBLIK_" + bundle.SafeName(kode)
	names := []string{base + ".json", base + "_" + id.KeyID[:8] + ".json"}
	data := keys.MarshalPublic(id)
	for _, name := range names {
		path := filepath.Join(dir, name)
		var err error
		if old, rerr := keys.ReadPublic(path); !storage.FileExists(path) {
			err = storage.WriteNewFile(path, data, 0o644)
		} else if rerr == nil && old.KeyID == id.KeyID {
			err = storage.ReplaceFile(path, data)
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

// SignedReport renders report.pdf with the bundle footer and adds the PDF
// approval signature of key's PDF signing key (derived from the Ed25519
// seed, keys.DerivePDFSigningKey) under its self-signed certificate
// (report.SigningCert: CN "<OPD nama> (SPBE Mandiri)", O instansi, valid
// from the key's creation for ten years). The signing time is the
// bundle's created_at, so the same inputs and key give the same bytes. It
// returns the signed PDF and the certificate's SHA-256 for the manifest.
func SignedReport(key *keys.Key) func(assessment.Snapshot, bundle.ReportInfo) ([]byte, string, error) {
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
// Log is the data folder's export log (pending → published | abandoned)
// as the bundle exporter and bundle.Reconcile use it.
func Log(st Store) bundle.Log { return exportLog{st} }

type exportLog struct{ st Store }

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

// Reconcile settles, when a data folder opens, the exports a crash
// or a failed folder fsync left pending (bundle.Reconcile): a bundle found
// in place is now in the log, and the officer is told it is saved. A
// damaged database reports itself on the first real call instead.
func Reconcile(st Store) {
	done, _ := bundle.Reconcile(context.Background(), exportLog{st}, "")
	for _, e := range done {
		fmt.Fprintf(os.Stderr, "bundel %s tersimpan (ekspor yang terputus kini tercatat di riwayat ekspor)\n", e.Path)
	}
}
