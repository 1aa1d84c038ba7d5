package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func isDataFolderRefusal(err error) bool {
	var oe *assessment.OutputPathError
	return errors.As(err, &oe) && oe.Reason == assessment.OutputInDataFolder
}

// Class 1 of issue 11 in the GUI and the export wiring: a folder inside
// the data folder is refused with the policy's message; nothing is
// written there.
func TestGUIExportsRefuseDataFolder(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	k := opdKeysOn(t, data)
	pass := []byte("frasa sandi OPD yang panjang")
	if _, err := k.Create(ctx, pass); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, data)
	keysBefore := listDir(t, filepath.Join(data, "keys"))
	for name, export := range map[string]func(dir string) error{
		"key form":   func(dir string) error { _, err := k.KeyForm(ctx, dir); return err },
		"public key": func(dir string) error { _, err := k.ExportPublic(ctx, dir); return err },
		"key backup": func(dir string) error { _, err := k.Backup(ctx, dir, pass); return err },
		"bundle": func(dir string) error {
			_, err := k.folder.Export.Bundle(ctx, assessment.ExportRequest{AssessmentID: "x", OutDir: dir, Passphrase: pass})
			return err
		},
	} {
		for _, dir := range []string{data, filepath.Join(data, "keys"), filepath.Join(data, "baru")} {
			if err := export(dir); !isDataFolderRefusal(err) {
				t.Errorf("%s into %s: %v", name, dir, err)
			}
		}
	}
	if got := listDir(t, data); !equalNames(got, before) {
		t.Errorf("data folder now holds %v, was %v", got, before)
	}
	if got := listDir(t, filepath.Join(data, "keys")); !equalNames(got, keysBefore) {
		t.Errorf("keys folder now holds %v, was %v", got, keysBefore)
	}
}

func equalNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A second consolidation export into the same folder keeps the first
// (KONSOLIDASI_2025_2.csv); the workspace's own folder is refused.
func TestConsolidationExportKeepsEarlierFile(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	a := consolidationWorkspace(t, data)
	dest := t.TempDir()
	first, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dest, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(first, []byte("catatan asesor di berkas lama"), 0o644)
	second, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dest, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(second) != "KONSOLIDASI_2025_2.csv" || !bytes.Equal(readFile(t, first), []byte("catatan asesor di berkas lama")) {
		t.Fatalf("second export %s replaced or misnamed the first", second)
	}
	for _, dir := range []string{data, a.w.Dir()} {
		if _, err := a.ExportConsolidationAt(ctx, 2025, assessment.ExportCSV, dir, nil, time.Now()); !isDataFolderRefusal(err) {
			t.Errorf("export into %s: %v", dir, err)
		}
	}
}
