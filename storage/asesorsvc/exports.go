package asesorsvc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	cons "github.com/spbe-mandiri/spbe-mandiri/assessment/consolidation"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
	"github.com/spbe-mandiri/spbe-mandiri/storage/sheet"
)

// ExportRecapXLSX writes REKAP_OPD_<date>.xlsx into destDir (never over
// an earlier file): the recap as the GUI lists it, one sheet.
func (a *Service) ExportRecapXLSX(ctx context.Context, destDir string) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor rekap belum dipilih")
	}
	data, _, err := recapWorkbook(ctx, a)
	if err != nil {
		return "", err
	}
	return a.writeNewExport(destDir, "REKAP_OPD_"+time.Now().Format("20060102"), ".xlsx", data)
}

// ExportReviewXLSX writes TINJAUAN_<KODE>_<periode>_<seq>.xlsx into
// destDir (never over an earlier file).
func (a *Service) ExportReviewXLSX(ctx context.Context, bundleID, destDir string) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor tinjauan belum dipilih")
	}
	data, b, _, err := reviewWorkbook(ctx, a, bundleID)
	if err != nil {
		return "", err
	}
	return a.writeNewExport(destDir, fmt.Sprintf("TINJAUAN_%s_%d_%d", fileSafe(b.OPDKode), b.Periode, b.Sequence), ".xlsx", data)
}

// writeNewExport writes data as dir/base+ext, or base_2+ext and so on if
// that is taken, as the CSV export does: a folder outside the data
// folders, the one atomic writer, never over an earlier file.
func (a *Service) writeNewExport(destDir, base, ext string, data []byte) (string, error) {
	dir, err := storage.ExportDir(filepath.Dir(a.w.Dir()), destDir)
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFile(dir, base, ext, data)
	if err != nil {
		return "", fmt.Errorf("menulis %s: %w", filepath.Base(path), err)
	}
	return path, nil
}

// fileSafe keeps an OPD code to the letters, digits, '-' and '_' a file
// name may hold everywhere (export already refuses other codes; a bundle
// from elsewhere is not trusted to).
func fileSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
	if s == "" {
		return "OPD"
	}
	return s
}

// recapWorkbook is the recap as a workbook and its number of rows.
func recapWorkbook(ctx context.Context, a *Service) ([]byte, int, error) {
	rows, err := a.Recap(ctx)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := sheet.WriteRecap(&buf, rows); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), len(rows), nil
}

// reviewWorkbook is the review of a bundle as a workbook, named by the
// bundle's catalog when the library has it.
func reviewWorkbook(ctx context.Context, a *Service, bundleID string) ([]byte, assessment.ReviewBundle, int, error) {
	b, items, err := a.ReviewSheet(ctx, bundleID)
	if err != nil {
		return nil, b, 0, err
	}
	var cat *assessment.Catalog
	if info, err := a.w.Bundle(ctx, b.BundleID); err == nil {
		cat, _ = a.w.CatalogOf(info.Catalog) // without it the names stay empty
	}
	var buf bytes.Buffer
	if err := sheet.WriteReview(&buf, b, items, cat); err != nil {
		return nil, b, 0, err
	}
	return buf.Bytes(), b, len(items), nil
}

// consolidationTable is the consolidation of a periode in one of the
// table formats: the bytes of `consolidate show --csv|--json|--xlsx`.
func consolidationTable(ctx context.Context, w *asesor.Workspace, periode int, format assessment.ExportFormat) ([]byte, int, error) {
	c, cat, err := w.ConsolidationView(ctx, periode)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	switch format {
	case assessment.ExportXLSX:
		err = sheet.WriteConsolidation(&buf, c, cat)
	case assessment.ExportCSV:
		err = tabular.WriteConsolidationCSV(&buf, c)
	default:
		err = tabular.WriteConsolidationJSON(&buf, c)
	}
	return buf.Bytes(), len(c.Rows), err
}

// ExportRecapCSV writes REKAP_OPD_<date>.csv into destDir (never over an
// earlier file), the same bytes as `recap --csv`.
func (a *Service) ExportRecapCSV(ctx context.Context, destDir string) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor rekap belum dipilih")
	}
	rows, err := a.w.Recap(ctx)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tabular.WriteRecapCSV(&buf, rows); err != nil {
		return "", err
	}
	dir, err := storage.ExportDir(filepath.Dir(a.w.Dir()), destDir)
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFile(dir, "REKAP_OPD_"+time.Now().Format("20060102"), ".csv", buf.Bytes())
	if err != nil {
		return "", fmt.Errorf("menulis %s: %w", filepath.Base(path), err)
	}
	return path, nil
}

// ErrNoAsesorKey refuses a signed consolidated report before the
// assessor's key exists (the GUI's wording; the CLI says it in its own). Decision: the key is created
// in one place only, the first feedback export, whose fingerprint the
// OPDs compare before trusting it; a key made here from a passphrase
// typed once could not be unlocked again after a typo.
var ErrNoAsesorKey = errors.New("belum ada kunci asesor untuk menandatangani laporan konsolidasi. Kunci asesor dibuat, " +
	"dengan frasa sandinya, saat umpan balik pertama diekspor: buka Tinjau, pilih bundel yang sudah ditinjau → Ekspor umpan balik; " +
	"lalu ulangi ekspor PDF ini")

// consolidationSigner is the certificate name of the assessor's PDF signature.
const consolidationSigner = "Tim Asesor Internal"

// ExportConsolidation writes KONSOLIDASI_<periode>.xlsx|.csv|.json|.pdf
// into destDir (…_2.pdf and so on when one is there: an earlier export is
// never replaced) through the one atomic writer. XLSX, CSV and JSON are
// the bytes of `consolidate show --xlsx|--csv|--json`; the PDF is signed
// with the assessor's key, which passphrase unlocks.
func (a *Service) ExportConsolidation(ctx context.Context, periode int, format assessment.ExportFormat, destDir string, passphrase []byte) (string, error) {
	return a.ExportConsolidationAt(ctx, periode, format, destDir, passphrase, time.Now())
}

// ExportConsolidationAt is ExportConsolidation with the clock given (the
// PDF's "dibuat" and signing time).
func (a *Service) ExportConsolidationAt(ctx context.Context, periode int, format assessment.ExportFormat, destDir string, pass []byte, now time.Time) (string, error) {
	w := a.w
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

// consolidatedPDF renders the consolidated report of a periode and signs
// it with the assessor's key: the P-256 PDF signing key derived from its
// Ed25519 seed (keys.Key.PDFSigningKey) under a self-signed certificate
// valid from the key's creation, signing time = now = the printed
// "dibuat", so the same workspace, key and time give the same bytes.
func consolidatedPDF(ctx context.Context, w *asesor.Workspace, periode int, pass []byte, now time.Time) ([]byte, assessment.ConsolidatedPDFResult, error) {
	var res assessment.ConsolidatedPDFResult
	key, err := UnlockAsesorKey(w, pass)
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
	doc.OPDs, doc.Instansi, doc.InstansiVariants = ConsolidatedOPDs(recap, periode, c.ExcludedRevoked)
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
	res = assessment.ConsolidatedPDFResult{Index: tabular.Index(c.Score.Index), Predicate: c.Score.Predicate, Complete: c.Score.Complete,
		Answered: c.Score.Answered, Total: c.Score.Total, OPDs: len(doc.OPDs), KeyID: key.KeyID, Fingerprint: key.Fingerprint,
		ExcludedRevoked: append([]string{}, c.ExcludedRevoked...)}
	return pdf, res, nil
}

// UnlockAsesorKey opens the assessor's key in <data>/asesor/keys; a
// wrong passphrase gives keys.ErrWrongPassphrase ("frasa sandi salah").
func UnlockAsesorKey(w *asesor.Workspace, pass []byte) (*keys.Key, error) {
	kd := keys.Open(w.Dir())
	if _, err := kd.Identity(); errors.Is(err, keys.ErrNoKey) {
		return nil, ErrNoAsesorKey
	} else if err != nil {
		return nil, err
	}
	return kd.Unlock(pass)
}

// ConsolidatedOPDs is the recap of the periode's accepted bundles (those
// left out for a revoked key marked) and the instansi name they give
// (cons.InstansiName).
func ConsolidatedOPDs(recap []assessment.RecapRow, periode int, excluded []string) ([]report.ConsolidatedOPD, string, []report.InstansiVariant) {
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

// RecapWorkbook is the recap as an Excel workbook and its number of rows.
func (a *Service) RecapWorkbook(ctx context.Context) ([]byte, int, error) {
	return recapWorkbook(ctx, a)
}

// ConsolidationWorkbook is a periode's consolidation as an Excel workbook
// and its number of rows.
func (a *Service) ConsolidationWorkbook(ctx context.Context, periode int) ([]byte, int, error) {
	return consolidationTable(ctx, a.w, periode, assessment.ExportXLSX)
}

// ReviewWorkbook is a bundle's review sheet as an Excel workbook and its
// number of rows.
func (a *Service) ReviewWorkbook(ctx context.Context, bundleID string) ([]byte, int, error) {
	data, _, rows, err := reviewWorkbook(ctx, a, bundleID)
	return data, rows, err
}
