package main

import "github.com/spbe-mandiri/spbe-mandiri/app"

// openAsesorGUI opens the workspace of data as the GUI does
// (app.Deps.OpenAsesor).
func openAsesorGUI(data string) (app.AsesorWorkspace, error) { return guiDeps(data).OpenAsesor(data) }
