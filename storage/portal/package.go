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
type PackageRequest struct {
	AssessmentID string
	Periode      int    // instansi: the consolidation's periode
	OutDir       string // the package folder itself: new, empty, or (Force) an earlier package
	Force        bool
	Progress     func(done, total int64)
}

// PackageResult describes the package written.
type PackageResult struct {
	Dir        string `json:"dir"`
	Files      int    `json:"files"` // evidence files copied (a file of two items counts twice)
	Bytes      int64  `json:"bytes"`
	Indicators int    `json:"indicators"` // indicator folders
	// MissingItems are the items listed without a file (belum): the
	// portal rejects their level and those above it.
	MissingItems []string `json:"missing_items"`
	// Unlinked counts files named without an item (…-00_).
	Unlinked int `json:"unlinked"`
}

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
