package main

import (
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// cliEnv is the command line's environment on the real store.
func cliEnv() *cli.Env {
	return &cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Library:  assets.Library,
		Services: openServices,
		Print:    printDeps(),
		Export:   exportDeps(),
		Asesor:   asesorDeps(),
		Output:   outputDeps(),
	}
}

// guiDeps wires the desktop app to the real store. The folder it opened
// last is kept in an atomic pointer because Open and Export both run on
// worker goroutines, never the UI goroutine.
func guiDeps(dataDir string) app.Deps {
	if dataDir == "" {
		dataDir = os.Getenv(storage.EnvDataDir)
	}
	var current atomic.Pointer[cli.Services]
	def, _ := storage.DefaultDataDir()
	return app.Deps{
		Open: func(dir string) (assessment.Store, *assessment.Library, error) {
			svc, err := openServices(dir)
			if err != nil {
				return nil, nil, err
			}
			current.Store(svc)
			return svc.Store, svc.Library, nil
		},
		DefaultDataDir:  def,
		PortableDataDir: portableDataDir(),
		Settings:        app.Settings{DataDir: dataDir},
		Export:          guiExport(func() (*cli.Services, error) { return current.Load(), nil }),
		Verify:          guiVerify(current.Load),
		OpenReport:      guiOpenReport(current.Load),
		OpenAsesor:      openAsesorGUI,
		HasAsesor:       hasAsesorGUI,
		FeedbackInbox:   feedbackInboxFor,
		OPDKeys:         opdKeysGUI{current: current.Load},
	}
}

// portableDataDir is the folder next to the executable used in portable
// mode (the app and its data on a USB stick).
func portableDataDir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(exe), "spbe-mandiri-data")
}
