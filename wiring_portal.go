package main

import (
	"context"
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/portal"
)

// portalDeps wires the portal upload package (cli.Env.Portal) to
// storage/portal.
func portalDeps() *cli.PortalDeps {
	return &cli.PortalDeps{
		Package: func(ctx context.Context, svc *cli.Services, req cli.PortalRequest) (cli.PortalResult, error) {
			res, err := portal.AssessmentPackage(ctx, svc.DataDir, svc.Store, svc.Library, portal.PackageRequest(req))
			return cli.PortalResult(res), err
		},
	}
}

// guiPortalPackage is the GUI's app.Deps.PortalPackage hook.
func guiPortalPackage(current func() *cli.Services) func(ctx context.Context, assessmentID, parent string, progress func(float64)) (string, error) {
	return func(ctx context.Context, assessmentID, parent string, progress func(float64)) (string, error) {
		svc := current()
		if svc == nil {
			return "", errors.New("folder data belum dibuka")
		}
		return portal.AssessmentPackageIn(ctx, svc.DataDir, svc.Store, svc.Library, assessmentID, parent, progress)
	}
}
