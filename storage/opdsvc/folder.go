package opdsvc

import (
	"context"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/portal"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// OpenFolder is Open as the one value the CLI (cli.Env.Services) and the
// GUI (app.Deps.Open) work on: the store, the library and the folder's
// services as the assessment ports.
func OpenFolder(dir string, embedded func() (*assessment.Library, error), warn io.Writer) (*assessment.OPDFolder, error) {
	db, lib, err := Open(dir, embedded, warn)
	if err != nil {
		return nil, err
	}
	return Folder(db, lib), nil
}

// Folder is the opened data folder db with the catalogs lib.
func Folder(db *storage.DB, lib *assessment.Library) *assessment.OPDFolder {
	f := folder{db: db, lib: lib, dir: db.Dir()}
	keys := opdkeys.GUI{Folder: func() (opdkeys.Folder, error) { return opdkeys.Folder{DataDir: f.dir, Store: db}, nil }}
	return &assessment.OPDFolder{DataDir: f.dir, Store: db, Library: lib,
		Export: f, Keys: keys, Portal: f, Inbox: db.FeedbackInbox()}
}

// folder implements the export and portal ports on one open data folder.
type folder struct {
	db  *storage.DB
	lib *assessment.Library
	dir string
}

var (
	_ assessment.OPDExport = folder{}
	_ assessment.OPDPortal = folder{}
)

// Bundle is export.Bundle on the folder.
func (f folder) Bundle(ctx context.Context, req assessment.ExportRequest) (assessment.ExportResult, error) {
	return export.Bundle(ctx, f.db, f.lib, f.dir, req)
}

// Publish is Bundle, then the outbox when a server is configured
// (syncsvc.QueueExported).
func (f folder) Publish(ctx context.Context, req assessment.ExportRequest) (assessment.ExportResult, error) {
	res, err := f.Bundle(ctx, req)
	return res, syncsvc.QueueExported(f.dir, res.Path, err)
}

// DraftReport is export.DraftReport on the folder.
func (f folder) DraftReport(ctx context.Context, id string) ([]byte, error) {
	return export.DraftReport(ctx, f.db, f.lib, id)
}

// KeyForm is opdkeys.KeyForm on the folder.
func (f folder) KeyForm(ctx context.Context) ([]byte, error) {
	return opdkeys.KeyForm(ctx, f.db, f.dir)
}

// VerifyOwn checks a bundle against the folder's own key
// (export.OwnVerifyReport).
func (f folder) VerifyOwn(_ context.Context, path string) (assessment.VerifyReport, error) {
	return export.OwnVerifyReport(path, export.OwnKey(f.dir))
}

// OwnReport is export.OwnReport on the folder.
func (f folder) OwnReport(_ context.Context, path string) (string, error) {
	return export.OwnReport(f.dir, path)
}

// Package is portal.AssessmentPackage on the folder.
func (f folder) Package(ctx context.Context, req assessment.PortalRequest) (assessment.PortalResult, error) {
	return portal.AssessmentPackage(ctx, f.dir, f.db, f.lib, req)
}

// PackageIn is portal.AssessmentPackageIn on the folder.
func (f folder) PackageIn(ctx context.Context, id, parent string, progress func(float64)) (string, error) {
	return portal.AssessmentPackageIn(ctx, f.dir, f.db, f.lib, id, parent, progress)
}
