package opdkeys

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// GUI is the GUI's assessment.OPDKeys (OPDFolder.Keys, storage/opdsvc): the OPD's
// signing key in the data folder the GUI has open, through the same
// functions as `spbe-mandiri key …`. Its errors are worded for the GUI
// (the CLI's mention commands an officer never types).
type GUI struct {
	// Folder is the open data folder; an error before one is open.
	Folder func() (Folder, error)
}

// Folder is an open data folder: its path and its store.
type Folder struct {
	DataDir string
	Store   assessment.Store
}

var _ assessment.OPDKeys = GUI{}

// ErrNoKeyGUI replaces keys.ErrNoKey, whose advice names CLI commands.
var ErrNoKeyGUI = errors.New("belum ada kunci penanda tangan; buat kunci atau pulihkan cadangan di layar Kunci penanda tangan")

// installed is the open folder and its key; ErrNoKeyGUI when no key is
// installed.
func (k GUI) installed() (Folder, assessment.OPDKey, error) {
	f, err := k.Folder()
	if err != nil {
		return f, assessment.OPDKey{}, err
	}
	ki, err := Info(f.DataDir)
	if err == nil && !ki.Exists {
		err = ErrNoKeyGUI
	}
	return f, ki, err
}

// target is what every file the key screen writes needs: the installed
// key's folder, the profile (its OPD code names the file) and destDir
// checked as an export folder (outside every data folder).
func (k GUI) target(ctx context.Context, destDir string) (f Folder, p assessment.Profile, dir string, err error) {
	if f, _, err = k.installed(); err != nil {
		return f, p, "", err
	}
	if p, err = f.Store.Profile(ctx); err != nil {
		return f, p, "", err
	}
	dir, err = storage.ExportDir(f.DataDir, destDir)
	return f, p, dir, err
}

func (k GUI) Info(context.Context) (assessment.OPDKey, error) {
	f, err := k.Folder()
	if err != nil {
		return assessment.OPDKey{}, err
	}
	return Info(f.DataDir)
}

func (k GUI) Create(_ context.Context, passphrase []byte) (assessment.OPDKey, error) {
	f, err := k.Folder()
	if err != nil {
		return assessment.OPDKey{}, err
	}
	if utf8.RuneCount(passphrase) < assessment.MinPassphraseLen {
		return assessment.OPDKey{}, keys.ErrWeakPassphrase
	}
	return Create(f.DataDir, passphrase)
}

// ExportPublic writes KUNCI_PUBLIK_<KODE>.json into destDir, named as the
// export names the copy it writes beside each bundle.
func (k GUI) ExportPublic(ctx context.Context, destDir string) (string, error) {
	f, p, dir, err := k.target(ctx, destDir)
	if err != nil {
		return "", err
	}
	id, err := keys.Open(f.DataDir).Identity()
	if err != nil {
		return "", err
	}
	return export.WriteOPDPublicKey(dir, p.OPDKode, id)
}

// KeyForm writes FORMULIR_KUNCI_<KODE>.pdf into destDir (…_2.pdf and so
// on when a form is already there: a signed form's scan may sit beside it).
func (k GUI) KeyForm(ctx context.Context, destDir string) (string, error) {
	f, p, dir, err := k.target(ctx, destDir)
	if err != nil {
		return "", err
	}
	pdf, err := KeyForm(ctx, f.Store, f.DataDir)
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
func (k GUI) Backup(ctx context.Context, destDir string, passphrase []byte) (string, error) {
	f, p, dir, err := k.target(ctx, destDir)
	if err != nil {
		return "", err
	}
	data, _, err := Backup(f.DataDir, passphrase)
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
func (k GUI) Restore(_ context.Context, file string, passphrase []byte, force bool) (assessment.OPDKeyRestored, error) {
	f, err := k.Folder()
	if err != nil {
		return assessment.OPDKeyRestored{}, err
	}
	r, err := Restore(f.DataDir, passphrase, file, force)
	var diff *keys.DifferentKeyError
	if errors.As(err, &diff) {
		return assessment.OPDKeyRestored{}, &assessment.KeyChangeError{Installed: diff.Installed.Fingerprint, Backup: diff.Backup.Fingerprint}
	}
	return r, err
}
