package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	cons "github.com/spbe-mandiri/spbe-mandiri/assessment/consolidation"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// errNoAssessorKey refuses a signed consolidated report before the
// assessor's key exists (the GUI's wording). Decision: the key is created
// in one place only, the first feedback export, whose fingerprint the
// OPDs compare before trusting it; a key made here from a passphrase
// typed once could not be unlocked again after a typo.
var errNoAssessorKey = errors.New("belum ada kunci asesor untuk menandatangani laporan konsolidasi. Kunci asesor dibuat, " +
	"dengan frasa sandinya, saat umpan balik pertama diekspor: buka Tinjau, pilih bundel yang sudah ditinjau → Ekspor umpan balik; " +
	"lalu ulangi ekspor PDF ini")

// errNoAssessorKeyCLI is errNoAssessorKey in the words of the command line.
var errNoAssessorKeyCLI = errors.New("belum ada kunci asesor untuk menandatangani laporan konsolidasi. Kunci asesor dibuat, " +
	"dengan frasa sandinya, saat umpan balik pertama diekspor: `spbe-mandiri feedback export --bundle ID --out FOLDER` " +
	"untuk bundel yang sudah ditinjau; lalu ulangi `consolidate --pdf`")

// consolidationSigner is the certificate name of the assessor's PDF signature.
const consolidationSigner = "Tim Asesor Internal"

// ExportConsolidation writes KONSOLIDASI_<periode>.xlsx|.csv|.json|.pdf
// into destDir (…_2.pdf and so on when one is there: an earlier export is
// never replaced) through the one atomic writer. XLSX, CSV and JSON are
// the bytes of `consolidate show --xlsx|--csv|--json`; the PDF is signed
// with the assessor's key, which passphrase unlocks.
func (a *asesorGUI) ExportConsolidation(ctx context.Context, periode int, format assessment.ExportFormat, destDir string, passphrase []byte) (string, error) {
	return exportConsolidation(ctx, a.w, periode, format, destDir, passphrase, time.Now())
}

// exportConsolidation is ExportConsolidation with the clock given (the
// PDF's "dibuat" and signing time).
func exportConsolidation(ctx context.Context, w *asesor.Workspace, periode int, format assessment.ExportFormat, destDir string, pass []byte, now time.Time) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor konsolidasi belum dipilih")
	}
	var data []byte
	switch format {
	case assessment.ExportXLSX, assessment.ExportCSV, assessment.ExportJSON:
		table, _, err := consolidationTable(ctx, w, periode, format)
		if err != nil {
			return "", err
		}
		data = table
	case assessment.ExportPDF:
		pdf, _, err := consolidatedPDF(ctx, w, periode, pass, now)
		if err != nil {
			return "", err
		}
		data = pdf
	default:
		return "", fmt.Errorf("format ekspor konsolidasi %q tidak dikenal (xlsx, csv, json atau pdf)", format)
	}
	// The assessor may have pressed Batal while the PDF was rendered and
	// signed: then nothing is written to the stick.
	if err := ctx.Err(); err != nil {
		return "", err
	}
	dir, err := storage.ExportDir(filepath.Dir(w.Dir()), destDir)
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFile(dir, fmt.Sprintf("KONSOLIDASI_%d", periode), "."+string(format), data)
	if err != nil {
		return "", fmt.Errorf("menulis %s: %w", filepath.Base(path), err)
	}
	return path, nil
}

// consolidatedPDFCommand is cli.AsesorDeps.ConsolidatedPDF: `consolidate
// --periode P --pdf FILE`. The assessor key must exist before the
// passphrase is asked for; it is asked before the workspace is opened, so
// the workspace is not locked while the assessor types.
func consolidatedPDFCommand(ctx context.Context, dataDir string, req cli.ConsolidatedPDFRequest) (out cli.ConsolidatedPDFResult, err error) {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return out, err
	}
	// The output is refused (data folder, existing file) before the
	// passphrase is asked for; the write checks again.
	guard := storage.OutputGuard(dir)
	if _, err := guard.File(req.Out, req.Force); err != nil {
		return out, err
	}
	if _, err := keys.Open(filepath.Join(dir, asesor.DirName)).Identity(); errors.Is(err, keys.ErrNoKey) {
		return out, errNoAssessorKeyCLI
	} else if err != nil {
		return out, err
	}
	pass, err := req.Passphrase()
	if err != nil {
		return out, err
	}
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		pdf, res, err := consolidatedPDF(ctx, w, req.Periode, pass, time.Now())
		if err != nil {
			return err
		}
		if err := guard.WriteFile(req.Out, pdf, req.Force, 0o644); err != nil {
			return fmt.Errorf("menulis %s: %w", req.Out, err)
		}
		out = res
		out.Path = req.Out
		return nil
	})
	return out, err
}

// consolidatedPDF renders the consolidated report of a periode and signs
// it with the assessor's key: the P-256 PDF signing key derived from its
// Ed25519 seed (keys.Key.PDFSigningKey) under a self-signed certificate
// valid from the key's creation, signing time = now = the printed
// "dibuat", so the same workspace, key and time give the same bytes.
func consolidatedPDF(ctx context.Context, w *asesor.Workspace, periode int, pass []byte, now time.Time) ([]byte, cli.ConsolidatedPDFResult, error) {
	var res cli.ConsolidatedPDFResult
	key, err := unlockAssessorKey(w, pass)
	if err != nil {
		return nil, res, err
	}
	c, cat, err := w.ConsolidationView(ctx, periode)
	if err != nil {
		return nil, res, err
	}
	recap, err := w.Recap(ctx)
	if err != nil {
		return nil, res, err
	}
	doc := report.NewConsolidated(cat, c)
	doc.OPDs, doc.Instansi, doc.InstansiVariants = consolidatedOPDs(recap, periode, c.ExcludedRevoked)
	doc.Signer, doc.Fingerprint, doc.GeneratedAt = consolidationSigner, key.Fingerprint, now
	var buf bytes.Buffer
	if err := report.RenderConsolidated(&buf, doc); err != nil {
		return nil, res, err
	}
	pk, err := key.PDFSigningKey()
	if err != nil {
		return nil, res, err
	}
	cert, err := report.SigningCert(pk, consolidationSigner+" (SPBE Mandiri)", doc.Instansi, key.CreatedAt)
	if err != nil {
		return nil, res, err
	}
	pdf, err := report.SignWithReason(buf.Bytes(), pk, cert, now, doc.Signer, report.ReasonConsolidatedReport)
	if err != nil {
		return nil, res, err
	}
	res = cli.ConsolidatedPDFResult{Index: tabular.Index(c.Score.Index), Predicate: c.Score.Predicate, Complete: c.Score.Complete,
		Answered: c.Score.Answered, Total: c.Score.Total, OPDs: len(doc.OPDs), KeyID: key.KeyID, Fingerprint: key.Fingerprint,
		ExcludedRevoked: append([]string{}, c.ExcludedRevoked...)}
	return pdf, res, nil
}

// unlockAssessorKey opens the assessor's key in <data>/asesor/keys; a
// wrong passphrase gives keys.ErrWrongPassphrase ("frasa sandi salah").
func unlockAssessorKey(w *asesor.Workspace, pass []byte) (*keys.Key, error) {
	kd := keys.Open(w.Dir())
	if _, err := kd.Identity(); errors.Is(err, keys.ErrNoKey) {
		return nil, errNoAssessorKey
	} else if err != nil {
		return nil, err
	}
	return kd.Unlock(pass)
}

// consolidatedOPDs is the recap of the periode's accepted bundles (those
// left out for a revoked key marked) and the instansi name they give
// (cons.InstansiName).
func consolidatedOPDs(recap []assessment.RecapRow, periode int, excluded []string) ([]report.ConsolidatedOPD, string, []report.InstansiVariant) {
	var out []report.ConsolidatedOPD
	var votes []cons.Vote
	for _, r := range recap {
		if r.Periode != periode {
			continue
		}
		o := report.ConsolidatedOPD{Kode: r.OPDKode, Nama: r.OPDNama, Index: r.Index, Recomputed: r.Recomputed,
			ClaimedIndex: r.ClaimedIndex, Mismatch: r.IndexMismatch, Predicate: r.Predicate,
			Complete: r.Complete, Answered: r.Answered, Total: r.Total, KeyStatus: string(r.KeyStatus), Sequence: r.Sequence,
			CreatedAt: r.CreatedAt, Conflicts: r.Conflicts, Excluded: slices.Contains(excluded, r.OPDKode)}
		out = append(out, o)
		votes = append(votes, cons.Vote{OPDKode: r.OPDKode, Instansi: r.Instansi, Excluded: o.Excluded})
	}
	name, variants := cons.InstansiName(votes)
	return out, name, variants
}
