package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/portal"
)

// portalDeps wires the portal upload package (cli.Env.Portal).
func portalDeps() *cli.PortalDeps {
	return &cli.PortalDeps{Package: portalPackage, Instansi: instansiPortalCommand}
}

// portalPackage plans the package of one assessment and writes it as the
// folder req.OutDir, checked (outside every data folder) and resolved.
func portalPackage(ctx context.Context, svc *cli.Services, req cli.PortalRequest) (cli.PortalResult, error) {
	dir, err := storage.OutputGuard(svc.DataDir).Dir(req.OutDir)
	if err != nil {
		return cli.PortalResult{}, err
	}
	snap, err := bundle.LoadSnapshot(ctx, svc.Store, svc.Library, req.AssessmentID)
	if err != nil {
		return cli.PortalResult{}, err
	}
	p, err := assessment.PlanPortalPackage(snap)
	if err != nil {
		return cli.PortalResult{}, err
	}
	open := func(ctx context.Context, sha string) (io.ReadCloser, error) { return svc.Store.OpenBlob(ctx, sha) }
	res, err := portal.Write(ctx, dir, p, portal.Options{Open: open, GeneratedAt: time.Now(), Replace: req.Force, Progress: req.Progress})
	if res.Dir == "" {
		return cli.PortalResult{}, err
	}
	return cli.PortalResult{Dir: res.Dir, Files: res.Files, Bytes: res.Bytes, Indicators: p.FolderCount(),
		MissingItems: p.MissingItems(), Unlinked: p.UnlinkedCount()}, err
}

// guiPortalPackage is the GUI's app.Deps.PortalPackage hook: the package
// goes into a new folder Paket-portal_<KODE>_<periode> (or _2, _3 …) in
// the folder the officer picked, so nothing there is ever replaced.
func guiPortalPackage(current func() *cli.Services) func(ctx context.Context, assessmentID, parent string, progress func(float64)) (string, error) {
	return func(ctx context.Context, assessmentID, parent string, progress func(float64)) (string, error) {
		svc := current()
		if svc == nil {
			return "", errors.New("folder data belum dibuka")
		}
		a, err := svc.Store.Assessment(ctx, assessmentID)
		if err != nil {
			return "", err
		}
		pr, err := svc.Store.Profile(ctx)
		if err != nil {
			return "", err
		}
		base := assessment.LocalFileName(fmt.Sprintf("Paket-portal_%s_%d", pr.OPDKode, a.Periode), "Paket-portal")
		checked, err := storage.OutputGuard(svc.DataDir).Dir(parent)
		if err != nil {
			return "", err
		}
		res, err := portalPackage(ctx, svc, cli.PortalRequest{AssessmentID: assessmentID, OutDir: freeFolder(checked, base),
			Progress: func(done, total int64) {
				if progress != nil && total > 0 {
					progress(float64(done) / float64(total))
				}
			}})
		return res.Dir, err
	}
}

// freeFolder is dir/base, or dir/base_2 and so on: the first name not
// taken.
func freeFolder(dir, base string) string {
	path := filepath.Join(dir, base)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path
		}
		path = filepath.Join(dir, fmt.Sprintf("%s_%d", base, n))
	}
}
