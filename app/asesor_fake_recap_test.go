package app

import (
	"context"
	"path/filepath"
	"sync"
)

// fakeRecapExport is the recap-export part of fakeAsesor.
type fakeRecapExport struct {
	rxMu    sync.Mutex
	rxDirs  []string // folders ExportRecapCSV wrote into
	rxError error
}

func (f *fakeRecapExport) ExportRecapCSV(_ context.Context, dir string) (string, error) {
	f.rxMu.Lock()
	defer f.rxMu.Unlock()
	if f.rxError != nil {
		return "", f.rxError
	}
	f.rxDirs = append(f.rxDirs, dir)
	return filepath.Join(dir, "REKAP_OPD_20261127.csv"), nil
}
