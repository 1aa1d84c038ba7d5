package main

import (
	"context"
	"errors"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// The GUI recognises a wrong passphrase by the domain's error (app/ never
// imports storage/): the real export and key backup, wired as the GUI
// calls them, fail with an error that errors.Is finds
// assessment.ErrWrongPassphrase in — the error app.TestExportFailureIsShown
// stands in for.
func TestGUIWrongPassphraseIsTheDomainError(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	k := opdKeysOn(t, dir)
	if _, err := k.Create(ctx, []byte("frasa sandi OPD yang panjang")); err != nil {
		t.Fatal(err)
	}
	req := assessment.ExportRequest{AssessmentID: "tidak-dipakai", OutDir: t.TempDir(), Passphrase: []byte("bukan frasa sandinya")}
	if _, err := k.folder.Export.Publish(ctx, req); !errors.Is(err, assessment.ErrWrongPassphrase) {
		t.Errorf("export with a wrong passphrase: %v", err)
	}
	if _, err := k.Backup(ctx, t.TempDir(), []byte("bukan frasa sandinya")); !errors.Is(err, assessment.ErrWrongPassphrase) {
		t.Errorf("key backup with a wrong passphrase: %v", err)
	}
}
