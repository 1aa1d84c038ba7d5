package opdkeys

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// opdKeysOn opens a real data folder with an OPD profile and returns the
// GUI's key service on it.
func opdKeysOn(t *testing.T, dir string) GUI {
	t.Helper()
	db, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	p := assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO",
		OPDNama: "Dinas Komunikasi dan Informatika", Operator: "Rina"}
	if err := db.SaveProfile(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return GUI{Folder: func() (Folder, error) { return Folder{DataDir: db.Dir(), Store: db}, nil }}
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

// The GUI's key service on a real data folder: create, export the public
// key, the key form, a backup (a wrong passphrase writes nothing) and a
// restore into another folder that gives the same key.
func TestOPDKeysGUIRoundTrip(t *testing.T) {
	ctx := context.Background()
	stick := t.TempDir()
	k := opdKeysOn(t, t.TempDir())
	pass := []byte("frasa sandi OPD yang panjang")

	if ki, err := k.Info(ctx); err != nil || ki.Exists {
		t.Fatalf("a new folder has a key: %+v %v", ki, err)
	}
	if _, err := k.ExportPublic(ctx, stick); !errors.Is(err, ErrNoKeyGUI) || strings.Contains(err.Error(), "spbe-mandiri") {
		t.Fatalf("public key without a key: %v", err)
	}
	if _, err := k.Create(ctx, []byte("pendek")); err == nil {
		t.Fatal("a key with a short passphrase")
	}
	key, err := k.Create(ctx, pass)
	if err != nil {
		t.Fatal(err)
	}
	if !key.Exists || !keys.ValidKeyID(key.KeyID) || !keys.ValidFingerprint(key.Fingerprint) || key.CreatedAt.IsZero() {
		t.Fatalf("created %+v", key)
	}

	pub, err := k.ExportPublic(ctx, stick)
	if err != nil {
		t.Fatal(err)
	}
	if pub != filepath.Join(stick, "KUNCI_PUBLIK_DISKOMINFO.json") {
		t.Errorf("public key written to %s", pub)
	}
	if id, err := keys.ReadPublic(pub); err != nil || id.KeyID != key.KeyID {
		t.Fatalf("public key file: %+v %v", id, err)
	}

	form, err := k.KeyForm(ctx, stick)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(form)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("key form %s is not a PDF: %v", form, err)
	}
	again, err := k.KeyForm(ctx, stick)
	if err != nil || again == form || filepath.Dir(again) != stick {
		t.Fatalf("second form %s (first %s): %v", again, form, err)
	}

	before := listDir(t, stick)
	if _, err := k.Backup(ctx, stick, []byte("bukan frasa sandinya")); !errors.Is(err, keys.ErrWrongPassphrase) {
		t.Fatalf("backup with a wrong passphrase: %v", err)
	}
	if after := listDir(t, stick); len(after) != len(before) {
		t.Fatalf("a wrong passphrase wrote %v", after)
	}
	backup, err := k.Backup(ctx, stick, pass)
	if err != nil {
		t.Fatal(err)
	}
	second, err := k.Backup(ctx, stick, pass)
	if err != nil || second == backup || !strings.HasPrefix(filepath.Base(backup), "CADANGAN_KUNCI_DISKOMINFO_") {
		t.Fatalf("backups %s and %s: %v", backup, second, err)
	}

	other := opdKeysOn(t, t.TempDir())
	r, err := other.Restore(ctx, backup, pass, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Key.KeyID != key.KeyID || r.Same || r.Replaced != "" {
		t.Fatalf("restored %+v, want key %s", r, key.KeyID)
	}
	if ki, _ := other.Info(ctx); ki.KeyID != key.KeyID {
		t.Fatalf("the other folder now has %s", ki.KeyID)
	}
}

// Restoring a backup of another key changes nothing without force and
// says so with both fingerprints; with force the old key file is kept.
func TestOPDKeysGUIRestoreAnotherKey(t *testing.T) {
	ctx := context.Background()
	stick := t.TempDir()
	pass := []byte("frasa sandi OPD yang panjang")
	oldDir := t.TempDir()
	old := opdKeysOn(t, oldDir)
	installed, err := old.Create(ctx, pass)
	if err != nil {
		t.Fatal(err)
	}
	src := opdKeysOn(t, t.TempDir())
	backupKey, err := src.Create(ctx, pass)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := src.Backup(ctx, stick, pass)
	if err != nil {
		t.Fatal(err)
	}

	_, err = old.Restore(ctx, backup, pass, false)
	var change *assessment.KeyChangeError
	if !errors.As(err, &change) || change.Installed != installed.Fingerprint || change.Backup != backupKey.Fingerprint {
		t.Fatalf("restore over another key: %v", err)
	}
	if ki, _ := old.Info(ctx); ki.KeyID != installed.KeyID {
		t.Fatal("the installed key changed without force")
	}
	r, err := old.Restore(ctx, backup, pass, true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Key.KeyID != backupKey.KeyID || r.Replaced == "" {
		t.Fatalf("forced restore %+v", r)
	}
	if _, err := os.Stat(r.Replaced); err != nil {
		t.Fatalf("the old key file is gone: %v", err)
	}
	if filepath.Dir(r.Replaced) != filepath.Dir(keys.Open(oldDir).KeyPath()) {
		t.Errorf("old key kept at %s", r.Replaced)
	}
}
