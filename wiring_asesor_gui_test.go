package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// TestAsesorGUIAdapter: the GUI's assessor workspace on storage/asesor
// registers a public key, imports a bundle (baru, then sudah diimpor),
// verifies and revokes the key and lists the recap.
func TestAsesorGUIAdapter(t *testing.T) {
	if guiDeps(t.TempDir()).OpenAsesor == nil {
		t.Fatal("guiDeps does not wire OpenAsesor")
	}
	ctx := context.Background()
	data := t.TempDir()
	w, err := openAsesorGUI(data)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	usb := t.TempDir()
	pub := filepath.Join(t.TempDir(), "kunci.json")
	if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := w.AddKey(ctx, pub)
	if err != nil {
		t.Fatal(err)
	}
	if k.Status != assessment.KeyPending || k.Fingerprint != key.Fingerprint {
		t.Fatalf("added key %+v", k)
	}
	if err := os.WriteFile(filepath.Join(usb, "diskominfo.spbe"), writeBundle(t, exportInput(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	var calls int
	out, err := w.Import(ctx, []string{usb}, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Kind != assessment.ImportNew || out[0].OPDKode != "DISKOMINFO" || calls == 0 {
		t.Fatalf("import %+v (progress calls %d)", out, calls)
	}
	out, _ = w.Import(ctx, []string{usb}, nil)
	if len(out) != 1 || out[0].Kind != assessment.ImportDuplicate {
		t.Fatalf("second import %+v", out)
	}
	if err := w.VerifyKey(ctx, k.KeyID, "melalui telepon", "Andi"); err != nil {
		t.Fatal(err)
	}
	list, err := w.Keys(ctx)
	if err != nil || len(list) != 1 || list[0].Status != assessment.KeyVerified || list[0].VerifiedBy != "Andi" || list[0].VerifiedHow != "melalui telepon" {
		t.Fatalf("keys %+v, %v", list, err)
	}
	rows, err := w.Recap(ctx)
	if err != nil || len(rows) != 1 || rows[0].OPDKode != "DISKOMINFO" || rows[0].Periode != 2025 || rows[0].KeyStatus != assessment.KeyVerified {
		t.Fatalf("recap %+v, %v", rows, err)
	}
	if err := w.RevokeKey(ctx, k.KeyID); err != nil {
		t.Fatal(err)
	}
	if list, _ := w.Keys(ctx); list[0].Status != assessment.KeyRevoked {
		t.Errorf("after revoking: %+v", list[0])
	}
}
