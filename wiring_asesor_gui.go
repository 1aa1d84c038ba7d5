package main

import (
	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
)

// openAsesorGUI opens the assessor workspace <dataDir>/asesor for the GUI
// (app.Deps.OpenAsesor).
func openAsesorGUI(dataDir string) (app.AsesorWorkspace, error) {
	lib, err := assets.Library()
	if err != nil {
		return nil, err
	}
	s, err := asesorsvc.Open(dataDir, lib)
	if err != nil {
		return nil, err
	}
	return &asesorGUI{Service: s, w: s.Workspace()}, nil
}

// hasAsesorGUI reports whether dataDir holds an assessor's workspace
// database (app.Deps.HasAsesor).
func hasAsesorGUI(dataDir string) bool { return asesorsvc.Has(dataDir) }

// asesorGUI is the assessor service (storage/asesorsvc) plus the instansi
// portal package, still wired here (wiring_portal_instansi.go).
type asesorGUI struct {
	*asesorsvc.Service
	w *asesor.Workspace
}

var _ app.AsesorWorkspace = (*asesorGUI)(nil)
