package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// workspace is the remembered workspace: workspaceAsesor only when the
// assessor's workspace is available (Deps.OpenAsesor).
func (u *UI) workspace() string {
	if u.deps.OpenAsesor != nil && u.prefs.String(prefWorkspace) == workspaceAsesor {
		return workspaceAsesor
	}
	return workspaceOPD
}

// openAsesor opens the assessor's workspace of the data folder dir off
// the UI goroutine, then shows the assessor's home.
func (u *UI) openAsesor(dir string) {
	if u.asesor != nil && u.dataDir == dir {
		u.prefs.SetString(prefWorkspace, workspaceAsesor)
		u.show(newAsesorHome(u))
		return
	}
	u.win.SetContent(u.loading(trf("start.opening", dir)))
	open, noOpen := u.deps.OpenAsesor, errors.New(tr("start.noOpen"))
	var ws asesorport.Workspace
	u.jobs.spawn(func(context.Context) error {
		if open == nil {
			return noOpen
		}
		var err error
		ws, err = open(dir)
		return err
	}, func(err error) {
		if err != nil {
			u.show(newFirstRun(u))
			dialog.ShowError(err, u.win)
			return
		}
		if u.asesor != nil {
			old := u.asesor
			u.jobs.spawn(func(context.Context) error { return old.Close() }, nil)
		}
		u.asesor = ws
		u.dataDir = dir
		u.prefs.SetString(prefDataDir, dir)
		u.prefs.SetString(prefWorkspace, workspaceAsesor)
		u.show(newAsesorHome(u))
	})
}

// switchToOPD leaves the assessor's workspace for the OPD operator's.
func (u *UI) switchToOPD() {
	u.prefs.SetString(prefWorkspace, workspaceOPD)
	if u.store == nil || u.dataDir == "" {
		u.openDataDir(u.dataDir)
		return
	}
	if u.profile.OPDKode == "" {
		u.show(newProfileForm(u, true))
		return
	}
	u.showHome()
}

// switchToAsesor leaves the OPD operator's workspace for the assessor's.
func (u *UI) switchToAsesor() { u.openAsesor(u.dataDir) }
