package asesor

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// relabel rewrites the OPD code in a bundle's manifest (from → kode) and
// re-signs it with priv: what a forger with any key can make. The
// writer refuses such codes, so tests need it.
func relabel(t *testing.T, path, from, kode string, priv ed25519.PrivateKey) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := json.Marshal(kode)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var manifest []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case bundle.EntryManifest:
			old := []byte(`"kode": "` + from + `"`)
			if !bytes.Contains(body, old) {
				t.Fatalf("manifest has no %s", old)
			}
			body = bytes.Replace(body, old, append([]byte(`"kode": `), q...), 1)
			manifest = body
		case bundle.EntrySignature:
			env := bundle.Envelope{PayloadType: bundle.PayloadType, Signatures: []bundle.Signature{{
				KeyID: keys.KeyID(priv.Public().(ed25519.PublicKey)),
				Sig:   base64.StdEncoding.EncodeToString(ed25519.Sign(priv, bundle.PAE(bundle.PayloadType, manifest))),
			}}}
			body, _ = json.Marshal(env)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "relabelled.spbe")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// lookalikes of DISKOMINFO that the verifier refuses as not canonical.
var lookalikes = []string{
	"diskominfo", "DisKominfo", "DISKOMINFO ", " DISKOMINFO", "DISK OMINFO", "DISKOMINFO\u00a0",
	"DISK\u041eMINFO", "DISK\u043eMINFO", "DISK\u039fMINFO", "DISKO\u200bMINFO", "\ufeffDISKOMINFO", "DISKOMINFO\u202e",
	"\uff24\uff29\uff33\uff2b\uff2f\uff2d\uff29\uff2e\uff26\uff2f", "DISKO\u0308MINFO",
}

// TestLookalikeCodeMeetsKunciBerbeda: a bundle whose code differs from a
// registered OPD only by case, spacing, invisible or look-alike
// characters, signed by another key (registered unbound, registered for
// another OPD, or unknown), is the same hard stop as the real code.
func TestLookalikeCodeMeetsKunciBerbeda(t *testing.T) {
	w := openWS(t)
	real, forger, other, unknown := newOPD("DISKOMINFO", 40), newOPD("DISKOMINFO", 41), newOPD("DINSOS", 42), newOPD("DISKOMINFO", 43)
	addKey(t, w, real, "DISKOMINFO")
	p, _ := real.write(t, t.TempDir(), spec{seq: 1})
	if got := importOne(t, w, p); got.Kind != intake.KindNew {
		t.Fatalf("real bundle: %+v", got)
	}
	addKey(t, w, forger, "")
	addKey(t, w, other, "DINSOS")
	for _, signer := range []*opd{forger, other, unknown} {
		base, _ := signer.write(t, t.TempDir(), spec{seq: 5, claimKode: "DISKOMINFO", signer: signer.priv})
		for _, kode := range lookalikes {
			got := importOne(t, w, relabel(t, base, "DISKOMINFO", kode, signer.priv))
			if got.Code != intake.RejectDifferentKey || !strings.Contains(got.Reason, "KUNCI BERBEDA") {
				t.Errorf("key %s…, code %q: %s %s: %s", signer.id.KeyID[:8], kode, got.Kind, got.Code, got.Reason)
			}
		}
		// Canonical codes with the same match key, and the real code.
		for i, kode := range []string{"DISKOMINFO", "DISK-OMINFO", "DISK0MINFO", "D1SKOMINFO"} {
			p, _ := signer.write(t, t.TempDir(), spec{seq: uint64(10 + i), claimKode: kode})
			if got := importOne(t, w, p); got.Code != intake.RejectDifferentKey || !strings.Contains(got.Reason, "KUNCI BERBEDA") {
				t.Errorf("key %s…, code %q: %s %s: %s", signer.id.KeyID[:8], kode, got.Kind, got.Code, got.Reason)
			}
		}
	}
	rows, err := w.Recap(context.Background())
	if err != nil || len(rows) != 1 || rows[0].OPDKode != "DISKOMINFO" {
		t.Fatalf("recap %+v, %v", rows, err)
	}
	if k, _ := w.Key(context.Background(), forger.id.KeyID); k.OPDKode != "" {
		t.Errorf("the forger's key got bound to %q", k.OPDKode)
	}
}

// TestOwnKeyNonCanonicalCode: the OPD's own key signing a variant of its
// code is refused by the verifier's named check, not stored as a new OPD.
func TestOwnKeyNonCanonicalCode(t *testing.T) {
	w := openWS(t)
	o := newOPD("DISKOMINFO", 44)
	addKey(t, w, o, "DISKOMINFO")
	base, _ := o.write(t, t.TempDir(), spec{seq: 1})
	got := importOne(t, w, relabel(t, base, "DISKOMINFO", "DISK\u041eMINFO", o.priv))
	if got.Code != intake.RejectInvalid || got.Check != string(bundle.CheckOPDKode) || !strings.Contains(got.OPDKode, "<U+041E>") {
		t.Fatalf("%+v", got)
	}
	// A canonical second spelling signed by the OPD's own key.
	p, _ := o.write(t, t.TempDir(), spec{seq: 2, claimKode: "DISK-OMINFO"})
	if got := importOne(t, w, p); got.Code != intake.RejectOPDCode || !strings.Contains(got.Reason, "pakai kode persis DISKOMINFO") {
		t.Fatalf("second spelling: %+v", got)
	}
	if nb, _, _, _, _ := counts(t, w); nb != 0 {
		t.Fatalf("%d bundles stored", nb)
	}
}

// TestSecondSpellingAfterRevocation: with the OPD's key revoked, a new key
// may come for the OPD, but only under its registered spelling.
func TestSecondSpellingAfterRevocation(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	old, next := newOPD("DISKOMINFO", 45), newOPD("DISKOMINFO", 46)
	addKey(t, w, old, "DISKOMINFO")
	p, _ := old.write(t, t.TempDir(), spec{seq: 1})
	importOne(t, w, p)
	if _, err := w.RevokeKey(ctx, old.id.KeyID[:12]); err != nil {
		t.Fatal(err)
	}
	addKey(t, w, next, "")
	p2, _ := next.write(t, t.TempDir(), spec{seq: 1, claimKode: "DISK0MINFO"})
	if got := importOne(t, w, p2); got.Code != intake.RejectOPDCode {
		t.Fatalf("second spelling: %+v", got)
	}
	if _, _, err := w.AddKeyFile(ctx, next.pubFile(t, t.TempDir()), "disk0minfo"); err != nil {
		t.Fatal(err)
	}
	if k, _ := w.Key(ctx, next.id.KeyID); k.OPDKode != "DISKOMINFO" {
		t.Fatalf("keys add --opd disk0minfo bound %q, want the registered DISKOMINFO", k.OPDKode)
	}
}

// TestAddKeyOPDCodeRule: keys add --opd uses the OPD code rule and matches
// variants of a registered OPD.
func TestAddKeyOPDCodeRule(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a, b := newOPD("DISKOMINFO", 47), newOPD("X", 48)
	addKey(t, w, a, "DISKOMINFO")
	_, _, err := w.AddKeyFile(ctx, b.pubFile(t, t.TempDir()), "dinas kominfo")
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "huruf A–Z, angka 0–9 dan tanda hubung (-)") {
		t.Fatalf("dinas kominfo: %v", err)
	}
	for _, kode := range []string{"diskominfo", "Disk-Ominfo", "DISK0MINFO"} {
		_, _, err := w.AddKeyFile(ctx, b.pubFile(t, t.TempDir()), kode)
		var dk *DifferentKeyError
		if !errors.As(err, &dk) || dk.OPDKode != "DISKOMINFO" || !strings.Contains(err.Error(), "KUNCI BERBEDA") {
			t.Errorf("--opd %q: %v", kode, err)
		}
	}
}

// TestStoredCodesRegisteredAtOpen: codes stored before schema 5 get their
// spelling registered when the workspace opens.
func TestStoredCodesRegisteredAtOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	o := newOPD("BAPPEDA", 49)
	addKey(t, w, o, "")
	p, _ := o.write(t, t.TempDir(), spec{seq: 1})
	importOne(t, w, p)
	if _, err := w.sql.Exec(`DELETE FROM opd_code`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if w, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var kode string
	if err := w.sql.QueryRow(`SELECT kode FROM opd_code WHERE match_key = 'BAPPEDA'`).Scan(&kode); err != nil || kode != "BAPPEDA" {
		t.Fatalf("opd_code after reopening: %q, %v", kode, err)
	}
}
