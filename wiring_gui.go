package main

import (
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdsvc"
)

// openServices opens the data folder dir ("" = --data / SPBE_MANDIRI_DATA /
// per-user default) as the one assessment.OPDFolder (storage/opdsvc) that
// is cli.Env.Services and app.Deps.Open. A damaged database still opens so
// that restore can replace it; the GUI calls Store.Profile first and shows
// that error.
func openServices(dir string) (*cli.Services, error) {
	return opdsvc.OpenFolder(dir, assets.Library, os.Stderr)
}

// cliEnv is the command line's environment on the real store.
func cliEnv() *cli.Env {
	return &cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Library:      assets.Library,
		Services:     openServices,
		Keys:         opdkeys.Files{},
		Verifier:     export.Verifier{},
		ReadPassword: cli.TerminalPassword,
		Output:       storage.OutputFiles{},
		OpenAsesor:   openAsesor,
		Sync:         syncPorts(),
	}
}

// guiDeps wires the desktop app to the real store: the GUI opens the same
// folder value as the CLI (openServices) and keeps it itself.
func guiDeps(dataDir string) app.Deps {
	f := storage.GUIStartFolders(dataDir)
	var prefs app.Prefs // nil: the PC's preferences
	if f.Settings != nil {
		prefs = f.Settings
	}
	return app.Deps{
		Open:            openServices,
		DefaultDataDir:  f.Default,
		LegacyDataDir:   f.Legacy,
		PortableDataDir: f.Portable,
		Portable:        f.IsPortable,
		Prefs:           prefs,
		Settings:        app.Settings{DataDir: f.DataDir},
		Sync:            syncPorts(),
		OpenAsesor:      openAsesor,
		HasAsesor:       asesorsvc.Has,
	}
}
