package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
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
	if err := cli.WriteRecapCSV(&buf, recapRows(rows)); err != nil {
		return "", err
	}
	if err := os.MkdirAll(destDir, 0o755); err != nil {
		return "", fmt.Errorf("membuat folder tujuan: %w", err)
	}
	path := freeFileName(destDir, "REKAP_OPD_"+time.Now().Format("20060102"), ".csv")
	if err := writeFileSynced(path, buf.Bytes()); err != nil {
		return "", fmt.Errorf("menulis %s: %w", filepath.Base(path), err)
	}
	return path, nil
}
