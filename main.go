// Command spbe-mandiri is the SPBE Mandiri desktop app and its command line.
// Without arguments (or with only --data DIR) it opens the window; with a
// subcommand it runs the CLI. All wiring lives in wiring*.go; this is the
// only file that imports fyne.io/fyne/v2/app (which needs cgo).
package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	// Before Fyne initialises: no "Error parsing user locale C" on stderr.
	_ "github.com/spbe-mandiri/spbe-mandiri/app/quietlocale"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
)

// appID keeps preferences (language, data folder) across runs.
const appID = "id.spbemandiri.app"

func main() {
	args := os.Args[1:]
	dataDir, gui := cli.GUIRequest(args)
	if !gui {
		os.Exit(cli.Run(cliEnv(), args))
	}
	app.Run(fyneapp.NewWithID(appID), guiDeps(dataDir))
}
