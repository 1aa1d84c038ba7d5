// Command spbe-mandiri is the SPBE Mandiri desktop app and its command line.
// Without arguments (or with only --data DIR) it opens the window; with a
// subcommand it runs the CLI. All wiring lives in wiring*.go; this is the
// only file that imports fyne.io/fyne/v2/app (which needs cgo).
package main

import (
	"log"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	// Before Fyne initialises: no "Error parsing user locale C" on stderr.
	_ "github.com/spbe-mandiri/spbe-mandiri/app/quietlocale"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/app/glfail"
)

// appID keeps preferences (language, data folder) across runs.
const appID = "id.spbemandiri.app"

func main() {
	args := os.Args[1:]
	dataDir, gui := cli.GUIRequest(args)
	if !gui {
		os.Exit(cli.Run(cliEnv(), args))
	}
	// No OpenGL 2.1 (old driver, Remote Desktop): a message, not a
	// window that never appears.
	gl := glfail.NewWatcher(os.Stderr, glfail.Show, os.Exit)
	log.SetOutput(gl)
	defer func() { gl.Recover(recover()) }()
	deps := guiDeps(dataDir)
	app.Run(newFyneApp(deps.Portable), deps)
}

// newFyneApp makes the Fyne app. A portable app (on a USB stick) gets no
// ID: Fyne then neither reads nor writes preferences on this PC nor
// creates its folder there; what the app remembers is on the stick
// (Deps.Prefs). This holds for a plain go build, as scripts/release.sh
// makes; `fyne package` would embed the ID from FyneApp.toml.
func newFyneApp(portable bool) fyne.App {
	if portable {
		return fyneapp.NewWithID("")
	}
	return fyneapp.NewWithID(appID)
}
