package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/portal"
)

// portalDeps wires the portal upload package (cli.Env.Portal) to
// storage/portal.
func portalDeps() *cli.PortalDeps {
	return &cli.PortalDeps{
		Instansi: func(ctx context.Context, dataDir string, req cli.PortalRequest) (out cli.PortalResult, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				res, err := portal.InstansiPackage(ctx, w, portal.PackageRequest(req))
				out = cli.PortalResult(res)
				return err
			})
			return out, err
		},
	}
}

// InstansiPortalPackage is assessment.InstansiPortalPackager for the
// consolidation screen.
func (a *asesorGUI) InstansiPortalPackage(ctx context.Context, periode int, parent string, progress func(float64)) (string, error) {
	return portal.InstansiPackageIn(ctx, a.w, periode, parent, progress)
}
