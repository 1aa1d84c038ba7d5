package main

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// opdKeysGUI is the GUI's assessment.OPDKeys (app.Deps.OPDKeys): the OPD's
// signing key in the data folder the GUI has open, through the same
// functions as `spbe-mandiri key …`. Its errors are worded for the GUI
// (the CLI's mention commands an officer never types).
type opdKeysGUI struct {
	current func() *cli.Services // the open data folder (nil before one is open)
}

// errNoOPDKeyGUI replaces keys.ErrNoKey, whose advice names CLI commands.
var errNoOPDKeyGUI = errors.New("belum ada kunci penanda tangan; buat kunci atau pulihkan cadangan di layar Kunci penanda tangan")

func (k opdKeysGUI) services() (*cli.Services, error) {
	svc := k.current()
	if svc == nil {
		return nil, errors.New("folder data belum dibuka")
	}
	return svc, nil
}

// installed is the open folder's services and key; errNoOPDKeyGUI when
// no key is installed.
func (k opdKeysGUI) installed() (*cli.Services, cli.KeyInfo, error) {
	svc, err := k.services()
	if err != nil {
		return nil, cli.KeyInfo{}, err
	}
	ki, err := keyInfo(svc.DataDir)
	if err == nil && !ki.Exists {
		err = errNoOPDKeyGUI
	}
	return svc, ki, err
}

func (k opdKeysGUI) Info(context.Context) (assessment.OPDKey, error) {
	svc, err := k.services()
	if err != nil {
		return assessment.OPDKey{}, err
	}
	ki, err := keyInfo(svc.DataDir)
	return opdKeyOf(ki), err
}

func (k opdKeysGUI) Create(_ context.Context, passphrase []byte) (assessment.OPDKey, error) {
	svc, err := k.services()
	if err != nil {
		return assessment.OPDKey{}, err
	}
	if utf8.RuneCount(passphrase) < assessment.MinPassphraseLen {
		return assessment.OPDKey{}, keys.ErrWeakPassphrase
	}
	ki, err := createKey(svc.DataDir, passphrase)
	return opdKeyOf(ki), err
}

// ExportPublic writes KUNCI_PUBLIK_<KODE>.json into destDir, named as the
// export names the copy it writes beside each bundle.
func (k opdKeysGUI) ExportPublic(ctx context.Context, destDir string) (string, error) {
	svc, _, err := k.installed()
	if err != nil {
		return "", err
	}
	p, err := svc.Store.Profile(ctx)
	if err != nil {
		return "", err
	}
	id, err := keys.Open(svc.DataDir).Identity()
	if err != nil {
		return "", err
	}
	dir, err := storage.ExportDir(svc.DataDir, destDir)
	if err != nil {
		return "", err
	}
	return export.WriteOPDPublicKey(dir, p.OPDKode, id)
}

// KeyForm writes FORMULIR_KUNCI_<KODE>.pdf into destDir (…_2.pdf and so
// on when a form is already there: a signed form's scan may sit beside it).
func (k opdKeysGUI) KeyForm(ctx context.Context, destDir string) (string, error) {
	svc, _, err := k.installed()
	if err != nil {
		return "", err
	}
	p, err := svc.Store.Profile(ctx)
	if err != nil {
		return "", err
	}
	dir, err := storage.ExportDir(svc.DataDir, destDir)
	if err != nil {
		return "", err
	}
	pdf, err := keyForm(ctx, svc)
	if err != nil {
		return "", err
	}
	path, err := storage.WriteFreeFile(dir, "FORMULIR_KUNCI_"+bundle.SafeName(p.OPDKode), ".pdf", pdf)
	if err != nil {
		return "", fmt.Errorf("menulis formulir pendaftaran kunci: %w", err)
	}
	return path, nil
}

// Backup writes CADANGAN_KUNCI_<KODE>_<date>.json into destDir, never
// over an existing file; the passphrase is checked before anything is
// written.
func (k opdKeysGUI) Backup(ctx context.Context, destDir string, passphrase []byte) (string, error) {
	svc, _, err := k.installed()
	if err != nil {
		return "", err
	}
	p, err := svc.Store.Profile(ctx)
	if err != nil {
		return "", err
	}
	dir, err := storage.ExportDir(svc.DataDir, destDir)
	if err != nil {
		return "", err
	}
	data, _, err := backupKey(svc.DataDir, passphrase)
	if err != nil {
		return "", err
	}
	base := "CADANGAN_KUNCI_" + bundle.SafeName(p.OPDKode) + "_" + time.Now().Format("20060102")
	path, err := storage.WriteFreeFileMode(dir, base, ".json", data, 0o600)
	if err != nil {
		return "", fmt.Errorf("menulis cadangan kunci: %w", err)
	}
	return path, nil
}

// Restore installs the key of a backup file; another installed key is an
// *assessment.KeyChangeError unless force.
func (k opdKeysGUI) Restore(_ context.Context, file string, passphrase []byte, force bool) (assessment.OPDKeyRestored, error) {
	svc, err := k.services()
	if err != nil {
		return assessment.OPDKeyRestored{}, err
	}
	r, err := restoreKey(svc.DataDir, passphrase, file, force)
	var diff *keys.DifferentKeyError
	if errors.As(err, &diff) {
		return assessment.OPDKeyRestored{}, &assessment.KeyChangeError{Installed: diff.Installed.Fingerprint, Backup: diff.Backup.Fingerprint}
	}
	if err != nil {
		return assessment.OPDKeyRestored{}, err
	}
	return assessment.OPDKeyRestored{Key: opdKeyOf(r.KeyInfo), Same: r.Same, Replaced: r.Replaced}, nil
}

func opdKeyOf(ki cli.KeyInfo) assessment.OPDKey {
	return assessment.OPDKey{Exists: ki.Exists, KeyID: ki.KeyID, Fingerprint: ki.Fingerprint,
		CreatedAt: ki.CreatedAt, LastSequence: ki.LastSequence}
}
