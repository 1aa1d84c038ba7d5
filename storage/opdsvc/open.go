// Package opdsvc opens an OPD data folder as the services the CLI and the
// GUI work on: the database, the catalog library (embedded plus the
// folder's imported catalogs) and the export log reconciled with the
// bundles on disk.
package opdsvc

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
)

// Open opens the data folder dir ("" = --data / SPBE_MANDIRI_DATA /
// per-user default) with the catalogs of embedded plus the folder's
// imported ones. A damaged database still opens (every call then returns
// a *storage.CorruptError pointing at `spbe-mandiri restore`) so that
// restore can replace it. Imported catalogs that cannot be loaded are
// reported on warn and skipped.
func Open(dir string, embedded func() (*assessment.Library, error), warn io.Writer) (*storage.DB, *assessment.Library, error) {
	db, err := storage.Open(dir, storage.TolerateCorrupt())
	if err != nil {
		return nil, nil, err
	}
	lib, err := library(db, embedded, warn)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	export.Reconcile(db)
	return db, lib, nil
}

// library returns the embedded catalogs plus the store's imported ones;
// an unreadable (damaged) store yields the embedded ones only.
func library(store assessment.Store, embedded func() (*assessment.Library, error), warn io.Writer) (*assessment.Library, error) {
	lib, err := embedded()
	if err != nil {
		return nil, err
	}
	problems, err := assessment.AddImportedCatalogs(context.Background(), lib, store)
	var corrupt *storage.CorruptError
	if errors.As(err, &corrupt) {
		return lib, nil
	}
	if err != nil {
		return nil, err
	}
	for _, p := range problems {
		fmt.Fprintln(warn, "peringatan:", p)
	}
	return lib, nil
}
