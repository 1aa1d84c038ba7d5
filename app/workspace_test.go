package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
)

// newFolderUI starts the GUI on a remembered data folder whose OPD store
// has no profile; hasAsesor says whether the folder holds an assessor's
// workspace.
func newFolderUI(t *testing.T, hasAsesor bool) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefDataDir, "/data/asesor-laptop")
	st, lib, ws := fakestore.New(), library(t), &fakeAsesor{}
	u := New(a, Deps{
		Open: func(string) (*assessment.OPDFolder, error) {
			return &assessment.OPDFolder{Store: st, Library: lib}, nil
		},
		OpenAsesor: func(string) (asesorport.Workspace, error) { return ws, nil },
		HasAsesor:  func(string) bool { return hasAsesor },
	}, WithTestDriver())
	u.now = func() time.Time { return clock }
	u.Wait()
	t.Cleanup(u.Wait)
	return u
}

// An assessor's folder (an assessor workspace, no OPD profile) opens in
// the assessor's workspace, not on an OPD profile form they cannot use.
func TestAsesorFolderOpensAsesorWorkspace(t *testing.T) {
	u := newFolderUI(t, true)
	current[*asesorHome](t, u)
	if got := u.app.Preferences().String(prefWorkspace); got != workspaceAsesor {
		t.Errorf("workspace remembered as %q", got)
	}
}

// A new folder asks for the OPD profile, and offers the assessor's
// workspace beside it.
func TestNewFolderProfileOffersAsesorWorkspace(t *testing.T) {
	u := newFolderUI(t, false)
	p := current[*profileForm](t, u)
	test.Tap(findButton(t, []fyne.CanvasObject{p.view()}, tr("workspace.toAsesor")))
	u.Wait()
	current[*asesorHome](t, u)
}
