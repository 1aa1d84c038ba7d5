package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// ExportRecapCSV writes REKAP_OPD_<date>.csv into destDir (never over an
// earlier file), the same bytes as `recap --csv`.
func (a *asesorGUI) ExportRecapCSV(ctx context.Context, destDir string) (string, error) {
	if strings.TrimSpace(destDir) == "" {
		return "", errors.New("folder tujuan ekspor rekap belum dipilih")
	}
	rows, err := a.w.Recap(ctx)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tabular.WriteRecapCSV(&buf, rows); err != nil {
		return "", err
	}
	dir, err := storage.ExportDir(filepath.Dir(a.w.Dir()), destDir)
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFile(dir, "REKAP_OPD_"+time.Now().Format("20060102"), ".csv", buf.Bytes())
	if err != nil {
		return "", fmt.Errorf("menulis %s: %w", filepath.Base(path), err)
	}
	return path, nil
}
