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
	rxXLSX  []string // folders ExportRecapXLSX wrote into
	rvXLSX  []string // "bundle|folder" ExportReviewXLSX wrote
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

func (f *fakeRecapExport) ExportRecapXLSX(_ context.Context, dir string) (string, error) {
	f.rxMu.Lock()
	defer f.rxMu.Unlock()
	if f.rxError != nil {
		return "", f.rxError
	}
	f.rxXLSX = append(f.rxXLSX, dir)
	return filepath.Join(dir, "REKAP_OPD_20261127.xlsx"), nil
}

func (f *fakeRecapExport) ExportReviewXLSX(_ context.Context, bundleID, dir string) (string, error) {
	f.rxMu.Lock()
	defer f.rxMu.Unlock()
	if f.rxError != nil {
		return "", f.rxError
	}
	f.rvXLSX = append(f.rvXLSX, bundleID+"|"+dir)
	return filepath.Join(dir, "TINJAUAN_DISKOMINFO_2026_1.xlsx"), nil
}
