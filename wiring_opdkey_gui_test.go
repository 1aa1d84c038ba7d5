package main

import (
	"context"
	"os"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// opdKeysOn opens a real data folder with an OPD profile and returns the
// GUI's key service on it.
func opdKeysOn(t *testing.T, dir string) guiKeysOn {
	t.Helper()
	svc, err := openServices(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	p := assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO",
		OPDNama: "Dinas Komunikasi dan Informatika", Operator: "Rina"}
	if err := svc.Store.SaveProfile(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return guiKeysOn{OPDKeys: svc.Keys, folder: svc}
}

// guiKeysOn is the GUI's key service with the data folder it is on.
type guiKeysOn struct {
	assessment.OPDKeys
	folder *assessment.OPDFolder
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
