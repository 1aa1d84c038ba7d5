package main

import (
	"os"
	"sync/atomic"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
)

// cliEnv is the command line's environment on the real store.
func cliEnv() *cli.Env {
	return &cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Library:  assets.Library,
		Services: openServices,
		Keys:     opdkeys.Files{}, Verifier: export.Verifier{}, ReadPassword: cli.TerminalPassword,
		Asesor: asesorDeps(),
		Output: storage.OutputFiles{},
		Portal: portalDeps(),
		Sync:   syncDeps(),
	}
}

// guiDeps wires the desktop app to the real store. The folder it opened
// last is kept in an atomic pointer because Open and Export both run on
// worker goroutines, never the UI goroutine.
func guiDeps(dataDir string) app.Deps {
	var current atomic.Pointer[cli.Services]
	f := storage.GUIStartFolders(dataDir)
	var prefs app.Prefs // nil: the PC's preferences
	if f.Settings != nil {
		prefs = f.Settings
	}
	return app.Deps{
		Open: func(dir string) (assessment.Store, *assessment.Library, error) {
			svc, err := openServices(dir)
			if err != nil {
				return nil, nil, err
			}
			current.Store(svc)
			return svc.Store, svc.Library, nil
		},
		DefaultDataDir:  f.Default,
		LegacyDataDir:   f.Legacy,
		PortableDataDir: f.Portable,
		Portable:        f.IsPortable,
		Prefs:           prefs,
		Settings:        app.Settings{DataDir: f.DataDir},
		Export:          withOutbox(guiExport(func() (*cli.Services, error) { return current.Load(), nil }), func() string { return current.Load().DataDir }),
		Sync:            guiSync(),
		Verify:          guiVerify(current.Load),
		OpenReport:      guiOpenReport(current.Load),
		PortalPackage:   guiPortalPackage(current.Load),
		OpenAsesor:      openAsesorGUI,
		HasAsesor:       hasAsesorGUI,
		FeedbackInbox:   feedbackInboxFor,
		OPDKeys:         guiOPDKeys(current.Load),
	}
}
