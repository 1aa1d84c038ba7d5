package asesor

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// stickKeyFile writes the OPD's KUNCI_PUBLIK_<KODE>.json into dir, as
// every export does beside its bundle.
func (o *opd) stickKeyFile(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "KUNCI_PUBLIK_"+o.kode+".json"), keys.MarshalPublic(o.id), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The assessor's first stick: bundles with their public key files beside
// them import as pending, their keys registered as menunggu verifikasi
// (never verified by the import) and bound to their OPD.
func TestFirstStickRegistersKeysAsPending(t *testing.T) {
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	stick := t.TempDir()
	a, b := newOPD("DINKES", 31), newOPD("DISDIK", 32)
	for _, o := range []*opd{a, b} {
		sub := filepath.Join(stick, o.kode)
		os.MkdirAll(sub, 0o755)
		o.write(t, sub, spec{seq: 1})
		o.stickKeyFile(t, sub)
	}
	res, err := w.Import(context.Background(), []string{stick}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 {
		t.Fatalf("%d results", len(res))
	}
	for _, r := range res {
		if r.Kind != intake.KindNew || r.KeyStatus != assessment.KeyPending || r.KeyFromStick != "KUNCI_PUBLIK_"+r.OPDKode+".json" {
			t.Errorf("%s: %s %s %q (%s)", r.OPDKode, r.Kind, r.KeyStatus, r.KeyFromStick, r.Reason)
		}
	}
	ks, err := w.Keys(context.Background())
	if err != nil || len(ks) != 2 {
		t.Fatalf("keys %+v, %v", ks, err)
	}
	for _, k := range ks {
		if k.Status != assessment.KeyPending || (k.OPDKode != "DINKES" && k.OPDKode != "DISDIK") || k.VerifiedBy != "" {
			t.Errorf("key from the stick: %+v", k)
		}
	}
	// Importing the same stick again registers nothing new.
	res, err = w.Import(context.Background(), []string{stick}, nil)
	if err != nil || res[0].Kind != intake.KindDuplicate || res[0].KeyFromStick != "" {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

// A known OPD arriving with another key stays a hard stop: KUNCI BERBEDA,
// and the key file beside the bundle is not registered.
func TestFirstStickNeverReplacesAKnownOPDKey(t *testing.T) {
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	known := newOPD("DINKES", 33)
	k := addKey(t, w, known, "DINKES")
	if _, err := w.VerifyKey(context.Background(), k.KeyID, "Andi", "telepon"); err != nil {
		t.Fatal(err)
	}
	impostor := newOPD("DINKES", 34)
	stick := t.TempDir()
	impostor.write(t, stick, spec{seq: 1})
	impostor.stickKeyFile(t, stick)
	lone := newOPD("BAPPEDA", 35) // a key file without any bundle it signed
	lone.stickKeyFile(t, stick)

	res, err := w.Import(context.Background(), []string{stick}, nil)
	if err != nil || len(res) != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	if res[0].Code != intake.RejectDifferentKey || res[0].KeyFromStick != "" {
		t.Errorf("impostor: %+v", res[0])
	}
	ks, _ := w.Keys(context.Background())
	if len(ks) != 1 || ks[0].KeyID != k.KeyID {
		t.Errorf("registry after the stick: %+v", ks)
	}
}
