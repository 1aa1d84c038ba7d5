package portal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
)

// PackageRequest asks for the portal package of one assessment (OPD) or
// of a periode's consolidation (Tim Asesor).
type PackageRequest = assessment.PortalRequest

// PackageResult describes the package written.
type PackageResult = assessment.PortalResult

// writePackage writes the planned package p as the folder dir (req.OutDir
// checked to lie outside the data folder, and resolved).
func writePackage(ctx context.Context, dir string, p assessment.PortalPackage, open func(context.Context, string) (io.ReadCloser, error), req PackageRequest) (PackageResult, error) {
	res, err := Write(ctx, dir, p, Options{Open: open, GeneratedAt: time.Now(), Replace: req.Force, Progress: req.Progress})
	if res.Dir == "" {
		return PackageResult{}, err
	}
	return PackageResult{Dir: res.Dir, Files: res.Files, Bytes: res.Bytes, Indicators: p.FolderCount(),
		MissingItems: p.MissingItems(), Unlinked: p.UnlinkedCount()}, err
}

// AssessmentPackage plans the package of one assessment of the OPD's
// store and writes it as the folder req.OutDir (outside the data folder).
func AssessmentPackage(ctx context.Context, dataDir string, store assessment.Store, lib *assessment.Library, req PackageRequest) (PackageResult, error) {
	dir, err := storage.OutputGuard(dataDir).Dir(req.OutDir)
	if err != nil {
		return PackageResult{}, err
	}
	snap, err := bundle.LoadSnapshot(ctx, store, lib, req.AssessmentID)
	if err != nil {
		return PackageResult{}, err
	}
	p, err := assessment.PlanPortalPackage(snap)
	if err != nil {
		return PackageResult{}, err
	}
	open := func(ctx context.Context, sha string) (io.ReadCloser, error) { return store.OpenBlob(ctx, sha) }
	return writePackage(ctx, dir, p, open, req)
}

// AssessmentPackageIn is the GUI's Paket portal: the package goes into a
// new folder Paket-portal_<KODE>_<periode> (or _2, _3 …) in the folder
// parent the officer picked, so nothing there is ever replaced.
func AssessmentPackageIn(ctx context.Context, dataDir string, store assessment.Store, lib *assessment.Library, assessmentID, parent string, progress func(float64)) (string, error) {
	a, err := store.Assessment(ctx, assessmentID)
	if err != nil {
		return "", err
	}
	pr, err := store.Profile(ctx)
	if err != nil {
		return "", err
	}
	base := assessment.LocalFileName(fmt.Sprintf("Paket-portal_%s_%d", pr.OPDKode, a.Periode), "Paket-portal")
	checked, err := storage.OutputGuard(dataDir).Dir(parent)
	if err != nil {
		return "", err
	}
	res, err := AssessmentPackage(ctx, dataDir, store, lib, PackageRequest{AssessmentID: assessmentID,
		OutDir: FreeFolder(checked, base), Progress: export.Progress(progress)})
	return res.Dir, err
}

// FreeFolder is dir/base, or dir/base_2 and so on: the first name not
// taken.
func FreeFolder(dir, base string) string {
	path := filepath.Join(dir, base)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path
		}
		path = filepath.Join(dir, fmt.Sprintf("%s_%d", base, n))
	}
}
