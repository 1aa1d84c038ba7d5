package feedback

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func manifest() Manifest {
	return Manifest{CreatedAt: "2026-06-01T08:00:00Z",
		Bundle: BundleRef{ID: "01968f2a-5b3c-7d4e-8f90-000000000001", ManifestSHA256: strings.Repeat("ab", 32), OPDKode: "BAPPEDA", Periode: 2026, Sequence: 1},
		Asesor: Asesor{Name: "Tim Asesor Internal"},
		Items:  []Item{{Indicator: 1, Status: "revisi", Reason: "bukti tidak tepat", Note: "SK belum ditandatangani", Reviewer: "Budi"}},
	}
}

func TestSignVerify(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{8}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	data, err := Sign(priv, manifest())
	if err != nil {
		t.Fatal(err)
	}
	m, err := Verify(data, pub)
	if err != nil || m.Items[0].Note != "SK belum ditandatangani" || m.Bundle.OPDKode != "BAPPEDA" {
		t.Fatalf("verify: %+v %v", m, err)
	}
	if _, err := Verify(data, other.Public().(ed25519.PublicKey)); !errors.As(err, new(*Error)) {
		t.Fatalf("other key: %v", err)
	}
	// A changed payload fails the signature.
	var env Envelope
	json.Unmarshal(data, &env)
	raw, _ := base64.StdEncoding.DecodeString(env.Payload)
	env.Payload = base64.StdEncoding.EncodeToString(bytes.Replace(raw, []byte("belum"), []byte("sudah"), 1))
	bad, _ := json.Marshal(env)
	if _, err := Verify(bad, pub); err == nil || !strings.Contains(err.Error(), "tanda tangan tidak cocok") {
		t.Fatalf("tampered: %v", err)
	}
	// Another payload type (an OPD bundle's signature) is refused.
	env.PayloadType = "application/vnd.spbe.bundle-manifest+json;version=1"
	bad, _ = json.Marshal(env)
	if _, err := Verify(bad, pub); err == nil || !strings.Contains(err.Error(), "jenis muatan") {
		t.Fatalf("payload type: %v", err)
	}
	// Unknown fields are refused (strict JSON).
	if _, err := Verify(bytes.Replace(data, []byte(`"payloadType"`), []byte(`"x": 1, "payloadType"`), 1), pub); err == nil {
		t.Fatal("unknown field accepted")
	}
	if k, err := Signer(data); err != nil || len(k) != 64 {
		t.Fatalf("signer %q %v", k, err)
	}
	bad2 := manifest()
	bad2.Items = append(bad2.Items, bad2.Items[0])
	if _, err := Sign(priv, bad2); err == nil {
		t.Fatal("duplicate indicator signed")
	}
	if got := FileName("Bappeda", 2026, 3); got != "SPBE_BAPPEDA_2026_3_UMPAN.spbe-umpan" {
		t.Fatal(got)
	}
}

// signRaw signs m as is (no fields filled in), as a hand-made tool could.
func signRaw(t *testing.T, priv ed25519.PrivateKey, m Manifest) []byte {
	t.Helper()
	payload, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	sig := ed25519.Sign(priv, bundle.PAE(PayloadType, payload))
	env := Envelope{PayloadType: PayloadType, Payload: base64.StdEncoding.EncodeToString(payload),
		Signatures: []bundle.Signature{{KeyID: keys.KeyID(priv.Public().(ed25519.PublicKey)), Sig: base64.StdEncoding.EncodeToString(sig)}}}
	data, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The fingerprint written in the manifest is shown to people: a file
// claiming another key's fingerprint is refused even though its signature
// is good.
func TestVerifyRefusesClaimedFingerprint(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{8}, 32)).Public().(ed25519.PublicKey)
	m := manifest()
	m.Format, m.Asesor.KeyID = FormatVersion, keys.KeyID(pub)
	m.Asesor.Fingerprint = keys.Fingerprint(other)
	if _, err := Verify(signRaw(t, priv, m), pub); err == nil || !strings.Contains(err.Error(), "bukan sidik jari kunci penanda tangan") {
		t.Fatalf("claimed fingerprint of another key: %v", err)
	}
	m.Asesor.Fingerprint = keys.Fingerprint(pub)
	if got, err := Verify(signRaw(t, priv, m), pub); err != nil || got.Asesor.Fingerprint != keys.Fingerprint(pub) {
		t.Fatalf("own fingerprint: %+v %v", got, err)
	}
}

// The assessor team's name is shown above the fingerprint: one line, no
// control or bidi characters, at most MaxNameRunes runes.
func TestAsesorNameLimits(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	for _, tc := range []struct {
		name, asesor string
		ok           bool
	}{
		{"plain", "Tim Asesor Kabupaten Sigi", true},
		{"empty", "", true},
		{"longest", strings.Repeat("é", MaxNameRunes), true},
		{"too long", strings.Repeat("a", MaxNameRunes+1), false},
		{"newline", "Tim Asesor\nSidik jari: 11111 22222 33333 44444 55555 66666", false},
		{"carriage return", "Tim\rAsesor", false},
		{"tab", "Tim\tAsesor", false},
		{"bidi override", "Tim \u202eAsesor", false},
		{"line separator", "Tim\u2028Asesor", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := manifest()
			m.Asesor.Name = tc.asesor
			_, err := Sign(priv, m)
			if (err == nil) != tc.ok {
				t.Fatalf("Sign with name %q: %v", tc.asesor, err)
			}
			// A file made by another tool is refused on reading too.
			m.Format, m.Asesor.KeyID, m.Asesor.Fingerprint = FormatVersion, keys.KeyID(pub), keys.Fingerprint(pub)
			_, err = Verify(signRaw(t, priv, m), pub)
			if (err == nil) != tc.ok || (!tc.ok && !strings.Contains(err.Error(), "nama tim asesor")) {
				t.Fatalf("Verify with name %q: %v", tc.asesor, err)
			}
		})
	}
}

// A file signed before the name rule existed (a long, multi-line name) is
// refused at import but still reads once stored, its name made one short
// line: an upgrade must not make the OPD's notes unreadable.
func TestVerifyStoredOldName(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	m := manifest()
	good, err := Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	// Re-sign the same manifest with a name the rule refuses, the way the
	// previous release could.
	var env Envelope
	json.Unmarshal(good, &env)
	raw, _ := base64.StdEncoding.DecodeString(env.Payload)
	long := strings.Repeat("Tim Asesor ", 14) + "\nSidik jari: 00000"
	name, _ := json.Marshal(long)
	raw = bytes.Replace(raw, []byte(`"Tim Asesor Internal"`), name, 1)
	env.Payload = base64.StdEncoding.EncodeToString(raw)
	env.Signatures[0].Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(priv, bundle.PAE(PayloadType, raw)))
	old, _ := json.Marshal(env)

	if _, err := Verify(old, pub); err == nil {
		t.Error("import accepted a name over the limit")
	}
	got, err := VerifyStored(old, pub)
	if err != nil {
		t.Fatalf("stored file no longer reads: %v", err)
	}
	if n := []rune(got.Asesor.Name); len(n) != MaxNameRunes || strings.ContainsAny(got.Asesor.Name, "\n") || ValidName(got.Asesor.Name) != nil {
		t.Errorf("stored name shown as %q", got.Asesor.Name)
	}
	if got.Items[0].Note != m.Items[0].Note {
		t.Errorf("notes %+v", got.Items)
	}
}

// TestVerifyRefusesNonCanonicalOPDCode: feedback names the OPD's bundle by
// its canonical code; a variant (even correctly signed) is refused rather
// than matched loosely.
func TestVerifyRefusesNonCanonicalOPDCode(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pub := priv.Public().(ed25519.PublicKey)
	id := keys.IdentityOf(pub, time.Time{})
	raw := func(edit func(m *Manifest)) []byte {
		m := manifest()
		m.Format, m.Asesor.KeyID, m.Asesor.Fingerprint = FormatVersion, id.KeyID, id.Fingerprint
		edit(&m)
		return signRaw(t, priv, m)
	}
	if _, err := Verify(raw(func(*Manifest) {}), pub); err != nil {
		t.Fatal(err)
	}
	for _, kode := range []string{"bappeda", "BAPPEDA ", "BAPP\u0415DA", "BAPPEDA\u200b", "DINAS KOMINFO"} {
		if _, err := Verify(raw(func(m *Manifest) { m.Bundle.OPDKode = kode }), pub); err == nil || !strings.Contains(err.Error(), "kode OPD") {
			t.Errorf("%q: %v", kode, err)
		}
	}
	if _, err := Verify(raw(func(m *Manifest) { m.Bundle.Periode = 1999 }), pub); err == nil || !strings.Contains(err.Error(), "periode") {
		t.Errorf("periode 1999: %v", err)
	}
}

func TestPayloadSHA256IgnoresTheEnvelope(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, 32))
	data, err := Sign(priv, Manifest{CreatedAt: "2026-06-01T08:00:00Z", Bundle: BundleRef{ID: "b", ManifestSHA256: strings.Repeat("a", 64), OPDKode: "X", Periode: 2026, Sequence: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var env Envelope
	json.Unmarshal(data, &env)
	compact, _ := json.Marshal(env)
	a, errA := PayloadSHA256(data)
	b, errB := PayloadSHA256(compact)
	if errA != nil || errB != nil || a != b || bytes.Equal(data, compact) {
		t.Fatalf("%s %v / %s %v", a, errA, b, errB)
	}
}
