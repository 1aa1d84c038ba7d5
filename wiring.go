package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
)

// openServices opens the data folder dir ("" = --data / SPBE_MANDIRI_DATA /
// per-user default) and its catalog library. It is cli.Env.Services and
// what the GUI opens at start. A damaged database still opens (every call
// then returns a *storage.CorruptError pointing at `spbe-mandiri restore`)
// so that restore can replace it; the GUI should call Store.Profile first
// and show that error.
func openServices(dir string) (*cli.Services, error) {
	db, err := storage.Open(dir, storage.TolerateCorrupt())
	if err != nil {
		return nil, err
	}
	lib, err := libraryFor(db)
	if err != nil {
		db.Close()
		return nil, err
	}
	export.Reconcile(db)
	return &cli.Services{DataDir: db.Dir(), Store: db, Library: lib}, nil
}

// libraryFor returns the embedded catalogs plus the store's imported ones.
// Imported catalogs that cannot be loaded are reported on stderr and
// skipped; an unreadable (damaged) store yields the embedded ones only.
func libraryFor(store assessment.Store) (*assessment.Library, error) {
	lib, err := assets.Library()
	if err != nil {
		return nil, err
	}
	problems, err := cli.LoadImportedCatalogs(context.Background(), lib, store)
	var corrupt *storage.CorruptError
	if errors.As(err, &corrupt) {
		return lib, nil
	}
	if err != nil {
		return nil, err
	}
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "peringatan:", p)
	}
	return lib, nil
}
