package asesorsvc_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// The assessor's key backup from the GUI: refused before a key exists and
// with a wrong passphrase; otherwise a dated file, never overwriting an
// earlier backup, that restores to the same key elsewhere.
func TestBackupAsesorKeyGUI(t *testing.T) {
	ctx := context.Background()
	data, stick := t.TempDir(), t.TempDir()
	w, err := openWorkspace(data)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	pass := []byte("frasa sandi asesor yang panjang")
	if _, err := w.BackupAsesorKey(ctx, stick, pass); err == nil || !strings.Contains(err.Error(), "belum ada kunci asesor") {
		t.Fatalf("backup without a key: %v", err)
	}
	key, err := keys.Open(filepath.Join(data, asesor.DirName)).Create(pass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.BackupAsesorKey(ctx, stick, []byte("salah salah salah")); err == nil {
		t.Fatal("backup with a wrong passphrase")
	}
	first, err := w.BackupAsesorKey(ctx, stick, pass)
	if err != nil {
		t.Fatal(err)
	}
	second, err := w.BackupAsesorKey(ctx, stick, pass)
	if err != nil {
		t.Fatal(err)
	}
	if first == second || filepath.Dir(first) != stick || !strings.HasPrefix(filepath.Base(first), "CADANGAN_KUNCI_ASESOR_") {
		t.Fatalf("backups %s and %s", first, second)
	}
	res, err := keys.Open(t.TempDir()).RestoreFile(second, pass, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Identity.KeyID != key.KeyID {
		t.Fatalf("restored key %s, want %s", res.Identity.KeyID, key.KeyID)
	}
}
