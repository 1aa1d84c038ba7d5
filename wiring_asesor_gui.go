package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// openAsesorGUI opens the assessor workspace <dataDir>/asesor for the GUI
// (app.Deps.OpenAsesor).
func openAsesorGUI(dataDir string) (app.AsesorWorkspace, error) {
	lib, err := assets.Library()
	if err != nil {
		return nil, err
	}
	w, err := asesor.Open(filepath.Join(dataDir, asesor.DirName), asesor.WithLibrary(lib))
	if err != nil {
		return nil, err
	}
	return &asesorGUI{w: w, lib: lib}, nil
}

// hasAsesorGUI reports whether dataDir holds an assessor's workspace
// database (app.Deps.HasAsesor).
func hasAsesorGUI(dataDir string) bool {
	fi, err := os.Stat(filepath.Join(dataDir, asesor.DirName, asesor.DBFileName))
	return err == nil && fi.Mode().IsRegular()
}

// asesorGUI adapts storage/asesor.Workspace to app.AsesorWorkspace.
type asesorGUI struct {
	w   *asesor.Workspace
	lib *assessment.Library // the installed catalogs, for the review screen's texts
}

func (a *asesorGUI) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	return a.w.Import(ctx, paths, progress)
}

func (a *asesorGUI) Keys(ctx context.Context) ([]assessment.RegisteredKey, error) {
	list, err := a.w.Keys(ctx)
	out := make([]assessment.RegisteredKey, 0, len(list))
	for _, k := range list {
		out = append(out, guiKey(k))
	}
	return out, err
}

func (a *asesorGUI) AddKey(ctx context.Context, file string) (assessment.RegisteredKey, error) {
	k, _, err := a.w.AddKeyFile(ctx, file, "")
	return guiKey(k), err
}

func (a *asesorGUI) VerifyKey(ctx context.Context, keyID, how, by string) error {
	_, err := a.w.VerifyKey(ctx, keyID, by, how)
	return err
}

func (a *asesorGUI) RevokeKey(ctx context.Context, keyID string) error {
	_, err := a.w.RevokeKey(ctx, keyID)
	return err
}

func (a *asesorGUI) Recap(ctx context.Context) ([]assessment.RecapRow, error) {
	rows, err := a.w.Recap(ctx)
	out := make([]assessment.RecapRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, assessment.RecapRow{OPDKode: r.OPDKode, OPDNama: r.OPDNama, Periode: r.Periode, Index: r.Index,
			Predicate: r.Predicate, Complete: r.Complete, Answered: r.Answered, Total: r.Total, KeyID: r.KeyID,
			KeyStatus: assessment.KeyStatus(r.KeyStatus), Sequence: r.Sequence, BundleID: r.BundleID, CreatedAt: r.CreatedAt,
			Imported: r.ImportedAt, Versions: r.Versions, Conflicts: r.Conflicts, Recomputed: r.Recomputed,
			ClaimedIndex: r.ClaimedIndex, ClaimedPredicate: r.ClaimedPredicate, IndexMismatch: r.IndexMismatch})
	}
	return out, err
}

func guiBundle(b asesor.BundleInfo) assessment.ReviewBundle {
	return assessment.ReviewBundle{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
		Sequence: b.Sequence, Status: b.Status, ReportSHA256: b.ReportSHA256, CreatedAt: b.CreatedAt, Imported: b.ImportedAt,
		Index: b.Index, Predicate: b.Predicate, KeyStatus: assessment.KeyStatus(b.KeyStatus)}
}

// AcceptBundle settles a konflik in the name of the workspace profile's
// assessor.
func (a *asesorGUI) AcceptBundle(ctx context.Context, bundleID string) error {
	_, err := a.w.AcceptBundle(ctx, bundleID, a.decider(ctx, ""))
	return err
}

func (a *asesorGUI) Bundles(ctx context.Context) ([]assessment.ReviewBundle, error) {
	list, err := a.w.Bundles(ctx)
	out := make([]assessment.ReviewBundle, 0, len(list))
	for _, b := range list {
		out = append(out, guiBundle(b))
	}
	return out, err
}

func (a *asesorGUI) ReviewSheet(ctx context.Context, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
	b, rows, err := a.w.ReviewSheet(ctx, bundleID)
	if err != nil {
		return assessment.ReviewBundle{}, nil, err
	}
	out := make([]assessment.ReviewItem, 0, len(rows))
	for _, r := range rows {
		it := assessment.ReviewItem{Indicator: r.Indicator, Revisions: r.Revisions}
		if r.Answer != nil {
			it.Answered, it.Level, it.Justification = true, r.Answer.Level, r.Answer.Justification
			for _, e := range r.Answer.Evidence {
				it.Evidence = append(it.Evidence, assessment.ReviewEvidence{SHA256: e.SHA256, Name: e.OriginalName,
					Level: e.Level, Note: e.Note})
			}
		}
		if r.Review != nil {
			it.Reviewed, it.Value, it.Status = true, r.Review.Value, string(r.Review.Status)
			it.Reason, it.Note = r.Review.Reason, r.Review.Note
		}
		out = append(out, it)
	}
	gb := guiBundle(b)
	gb.Catalog = a.catalogOf(b.Catalog)
	return gb, out, nil
}

// catalogOf is the installed catalog a bundle was answered on, nil when
// this installation does not hold exactly that one (import refuses such
// bundles today; older workspaces may still hold some).
func (a *asesorGUI) catalogOf(ref asesor.CatalogRef) *assessment.Catalog {
	if a.lib == nil {
		return nil
	}
	c, err := a.lib.Pinned(ref.ID, ref.Version, ref.SHA256)
	if err != nil {
		return nil
	}
	return c
}

// decider is who settles a konflik or an instansi value: as reviewer,
// but these internal records keep the OS user as a last resort rather
// than refusing.
func (a *asesorGUI) decider(ctx context.Context, given string) string {
	if by, err := a.reviewer(ctx, given); err == nil {
		return by
	}
	return operatorName()
}

func (a *asesorGUI) ReviewerName(ctx context.Context) (string, error) { return a.w.ReviewerName(ctx) }

func (a *asesorGUI) SetReviewerName(ctx context.Context, name string) error {
	return a.w.SetReviewerName(ctx, name)
}

// reviewer is the name a decision is recorded under: the one given, else
// the workspace profile's. Never the OS user: the Tim Asesor's laptop runs
// as one account, and the OPD reads this name in its feedback.
func (a *asesorGUI) reviewer(ctx context.Context, given string) (string, error) {
	if by := strings.TrimSpace(given); by != "" {
		return by, nil
	}
	by, err := a.w.ReviewerName(ctx)
	if err == nil && by == "" {
		err = &asesor.InputError{Msg: "nama asesor belum diisi: isi dulu nama Anda di profil ruang kerja asesor"}
	}
	return by, err
}

func (a *asesorGUI) SaveReview(ctx context.Context, d assessment.ReviewDecision) error {
	by, err := a.reviewer(ctx, d.Reviewer)
	if err != nil {
		return err
	}
	_, err = a.w.Review(ctx, asesor.ReviewInput{BundleID: d.BundleID, Indicator: d.Indicator, Value: d.Value,
		Status: asesor.ReviewStatus(d.Status), Reason: d.Reason, Note: d.Note, Reviewer: by})
	return err
}

// OpenBlob copies the blob into a fresh temporary folder under its
// original name (so the system viewer picks the right program). The name
// is the OPD's: a name whose extension is not a known document type
// ("SK.pdf.exe", "skrip.js", no extension) gets ".bin" added, so that
// opening it runs nothing; the GUI does not hand such a copy to the
// system (app.openBlobInViewer) but opens its folder.
func (a *asesorGUI) OpenBlob(_ context.Context, sum, name string) (string, error) {
	src, err := a.w.OpenBlob(sum)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dir, err := os.MkdirTemp("", "spbe-asesor-")
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, viewerName(sum, name))
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	if _, err = io.Copy(f, src); err != nil {
		f.Close()
		return "", fmt.Errorf("salinan berkas gagal: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	markFromElsewhere(dst)
	return dst, nil
}

// markFromElsewhere gives the copy, on Windows, the Mark of the Web
// (Zone.Identifier, zone 3) that a file from a USB stick would carry if
// Explorer had copied it: Office then opens an OPD's .doc or .xls in
// Protected View with its macros blocked. Best effort: on a file system
// without alternate streams the copy simply has no mark.
func markFromElsewhere(path string) {
	if runtime.GOOS != "windows" {
		return
	}
	_ = os.WriteFile(path+":Zone.Identifier", []byte("[ZoneTransfer]\r\nZoneId=3\r\n"), 0o600)
}

// viewerExtensions are the document types a copy keeps its name for:
// what OPDs attach as evidence, each opened by a viewer or an office
// program, none of them a program or a script itself.
var viewerExtensions = map[string]bool{
	".pdf": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".txt": true, ".csv": true, ".rtf": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".odt": true, ".ods": true, ".odp": true,
}

// viewerName is the file name of a copy for the viewer: the name made
// safe by assessment.LocalFileName (no folders, no ":" of an alternate
// data stream, no device name), sum when nothing is left, and ".bin"
// added unless the extension is a document type. The type is judged on
// the name as sent (compared case-insensitively), before trailing dots or
// spaces are dropped: "SK.pdf." is not a .pdf name, so it gets ".bin".
func viewerName(sum, name string) string {
	sent := path.Base(path.Clean("/" + strings.ReplaceAll(name, "\\", "/")))
	if sent == "/" {
		return sum + ".bin"
	}
	if !viewerExtensions[strings.ToLower(path.Ext(sent))] {
		sent += ".bin"
	}
	return assessment.LocalFileName(sent, sum+".bin")
}

func (a *asesorGUI) Close() error { return a.w.Close() }

func guiKey(k asesor.Key) assessment.RegisteredKey {
	return assessment.RegisteredKey{KeyID: k.KeyID, Fingerprint: k.Fingerprint, OPDKode: k.OPDKode,
		Status: assessment.KeyStatus(k.Status), Source: k.Source, FirstSeen: k.FirstSeen, VerifiedBy: k.VerifiedBy,
		VerifiedAt: k.VerifiedAt, VerifiedHow: k.VerifiedHow, RevokedAt: k.RevokedAt, LastSequence: k.LastSequence}
}

var _ app.AsesorWorkspace = (*asesorGUI)(nil)
