package keys

import (
	"bytes"
	"crypto/ed25519"
	"strings"
	"testing"
	"time"
)

// FuzzParsePublic: public key files arrive on USB sticks (an OPD's key for
// the assessor, KUNCI_ASESOR.json for the OPD). Whatever the bytes, the
// parser returns an error or an identity whose key id and fingerprint
// belong to its key, and that identity writes and reads back unchanged.
func FuzzParsePublic(f *testing.F) {
	pub := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, 32)).Public().(ed25519.PublicKey)
	good := MarshalPublic(IdentityOf(pub, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	f.Add(good)
	f.Add(bytes.Replace(good, []byte(`"keyid"`), []byte(`"keyid":"00", "keyid"`), 1))
	f.Add([]byte(strings.Replace(string(good), "2026", "2027", 1)))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	// Refused since issue 11: a small-order key, base64 with a line break.
	f.Add(MarshalPublic(IdentityOf(make([]byte, 32), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))))
	enc := b64.EncodeToString(pub)
	f.Add(bytes.Replace(good, []byte(enc), []byte(enc[:20]+`\n`+enc[20:]), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		id, err := ParsePublic(data)
		if err != nil {
			return
		}
		if CheckPublicKey(id.PublicKey) != nil {
			t.Fatalf("accepted an unsafe public key %x", id.PublicKey)
		}
		if id.KeyID != KeyID(id.PublicKey) || id.Fingerprint != Fingerprint(id.PublicKey) || !ValidFingerprint(id.Fingerprint) {
			t.Fatalf("identity does not belong to its key: %+v", id)
		}
		again, err := ParsePublic(MarshalPublic(id))
		if err != nil || again.KeyID != id.KeyID || !again.CreatedAt.Equal(id.CreatedAt) {
			t.Fatalf("round trip: %+v %v", again, err)
		}
	})
}

// FuzzRestore: a key backup comes back from a USB stick. A damaged or
// hostile file is refused without installing anything; what is restored
// is a key the passphrase unlocks. (Fuzz workers each build their own
// seed key, so the property cannot name one key id.)
func FuzzRestore(f *testing.F) {
	pass := []byte("frasa sandi fuzz yang panjang")
	src := Open(f.TempDir())
	if _, err := src.Create(pass, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)); err != nil {
		f.Fatal(err)
	}
	good, _, err := src.Backup(pass, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(bytes.Replace(good, []byte(`"n": 32768`), []byte(`"n": 1073741824`), 1))
	f.Add(bytes.Replace(good, []byte(`"sequence"`), []byte(`"sequence": 1, "sequence"`), 1))
	f.Add([]byte(`{"format": "spbe-key-backup"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dst := Open(t.TempDir())
		res, err := dst.Restore(data, pass, false)
		if err != nil {
			if _, ierr := dst.Identity(); ierr == nil {
				t.Fatalf("a refused backup installed a key: %v", err)
			}
			return
		}
		k, err := dst.Unlock(pass)
		if err != nil || k.KeyID != res.Identity.KeyID {
			t.Fatalf("restored %s, but the installed key does not unlock as it: %v", res.Identity.KeyID, err)
		}
	})
}
