package main

import (
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdsvc"
)

// openServices opens the data folder dir ("" = --data / SPBE_MANDIRI_DATA /
// per-user default) and its catalog library (storage/opdsvc). It is
// cli.Env.Services and what the GUI opens at start. A damaged database
// still opens so that restore can replace it; the GUI should call
// Store.Profile first and show that error.
func openServices(dir string) (*cli.Services, error) {
	return opdsvc.OpenFolder(dir, assets.Library, os.Stderr)
}
