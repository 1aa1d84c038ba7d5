package main

import "testing"

// TestAsesorWiring: the GUI and the CLI get the assessor's workspace.
func TestAsesorWiring(t *testing.T) {
	if d := guiDeps(t.TempDir()); d.OpenAsesor == nil || d.HasAsesor == nil {
		t.Fatal("guiDeps does not wire OpenAsesor and HasAsesor")
	}
	if cliEnv().OpenAsesor == nil {
		t.Fatal("cliEnv does not wire OpenAsesor")
	}
}
