package asesorsvc

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/portal"
)

// InstansiPackage is `portal-package --instansi`: the portal package of
// a periode's consolidation as the folder req.OutDir (storage/portal).
func (a *Service) InstansiPackage(ctx context.Context, req assessment.PortalRequest) (assessment.PortalResult, error) {
	return portal.InstansiPackage(ctx, a.w, req)
}

// InstansiPortalPackage is the consolidation screen's Paket portal
// (assessment.InstansiPortalPackager): a new folder inside parent.
func (a *Service) InstansiPortalPackage(ctx context.Context, periode int, parent string, progress func(float64)) (string, error) {
	return portal.InstansiPackageIn(ctx, a.w, periode, parent, progress)
}
