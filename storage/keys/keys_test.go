package keys

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

var (
	now  = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	pass = []byte("kata sandi rahasia")
)

// Golden vector computed independently with Python's hashlib from the
// public key of the seed 00 01 02 … 1f.
func TestFingerprintVector(t *testing.T) {
	seed := make([]byte, 32)
	for i := range seed {
		seed[i] = byte(i)
	}
	pub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	if got, want := KeyID(pub), "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c"; got != want {
		t.Errorf("KeyID = %s, want %s", got, want)
	}
	fp := Fingerprint(pub)
	if want := "71148 39595 34165 45219 63805 42623"; fp != want {
		t.Errorf("Fingerprint = %s, want %s", fp, want)
	}
	if !ValidFingerprint(fp) || len(fp) != 35 {
		t.Errorf("fingerprint %q has the wrong form", fp)
	}
}

func newDir(t *testing.T) Dir { return Open(t.TempDir()) }

func TestCreateUnlock(t *testing.T) {
	d := newDir(t)
	if _, err := d.Identity(); !errors.Is(err, ErrNoKey) {
		t.Fatalf("Identity before create: %v", err)
	}
	k, err := d.Create(pass, now)
	if err != nil {
		t.Fatal(err)
	}
	if !ValidKeyID(k.KeyID) || !ValidFingerprint(k.Fingerprint) || !k.CreatedAt.Equal(now) {
		t.Fatalf("identity %+v", k.Identity)
	}
	if _, err := d.Create(pass, now); !errors.Is(err, ErrKeyExists) {
		t.Fatalf("second Create: %v", err)
	}
	k2, err := d.Unlock(pass)
	if err != nil {
		t.Fatal(err)
	}
	if !k2.Private().Equal(k.Private()) {
		t.Fatal("unlocked a different key")
	}
	id, err := d.Identity()
	if err != nil || id.KeyID != k.KeyID {
		t.Fatalf("Identity = %+v, %v", id, err)
	}
}

func TestWrongPassphrase(t *testing.T) {
	d := newDir(t)
	if _, err := d.Create(pass, now); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"", "kata sandi rahasiA", "salah sama sekali"} {
		_, err := d.Unlock([]byte(p))
		if !errors.Is(err, ErrWrongPassphrase) || err.Error() != "frasa sandi salah" {
			t.Errorf("Unlock(%q) = %v", p, err)
		}
	}
}

func TestWeakPassphrase(t *testing.T) {
	if _, err := newDir(t).Create([]byte("pendek"), now); !errors.Is(err, ErrWeakPassphrase) {
		t.Fatalf("Create with short passphrase: %v", err)
	}
}

func TestFileMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no unix modes")
	}
	d := newDir(t)
	if _, err := d.Create(pass, now); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(d.KeyPath())
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
	}
	dst, err := os.Stat(d.Path())
	if err != nil || dst.Mode().Perm() != 0o700 {
		t.Errorf("key folder mode %v (%v), want 0700", dst.Mode().Perm(), err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(d.Path(), ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temp files left: %v", leftovers)
	}
}

func TestTamperedKeyFile(t *testing.T) {
	d := newDir(t)
	if _, err := d.Create(pass, now); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(d.KeyPath())
	other := newDir(t)
	k2, err := other.Create(pass, now)
	if err != nil {
		t.Fatal(err)
	}
	// Swap in another public key: keyid/fingerprint no longer match.
	bad := replaceJSON(t, data, "public_key", b64.EncodeToString(k2.PublicKey))
	if err := os.WriteFile(d.KeyPath(), bad, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Identity(); !errors.Is(err, ErrCorruptKeyFile) {
		t.Fatalf("Identity of tampered file: %v", err)
	}
	if err := os.WriteFile(d.KeyPath(), append(data, []byte(`{}`)...), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Identity(); !errors.Is(err, ErrCorruptKeyFile) {
		t.Fatalf("Identity with trailing data: %v", err)
	}
}

func TestBackupRestoreSameIdentity(t *testing.T) {
	d := newDir(t)
	k, err := d.Create(pass, now)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := d.ReserveSequence(k.KeyID, 0); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "cadangan.json")
	if _, err := d.WriteBackup(backup, []byte("salah sekali"), now); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("backup with wrong passphrase: %v", err)
	}
	if _, err := d.WriteBackup(backup, pass, now); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(backup); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}

	fresh := newDir(t) // a reinstall
	if _, err := fresh.RestoreFile(backup, []byte("salah sekali"), false); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("restore with wrong passphrase: %v", err)
	}
	res, err := fresh.RestoreFile(backup, pass, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Identity.KeyID != k.KeyID || res.Identity.Fingerprint != k.Fingerprint || res.Sequence != 3 || res.Same {
		t.Fatalf("restore result %+v", res)
	}
	k2, err := fresh.Unlock(pass)
	if err != nil || !k2.Private().Equal(k.Private()) {
		t.Fatalf("restored key differs: %v", err)
	}
	if n, _ := fresh.ReserveSequence(k.KeyID, 0); n != 4 {
		t.Fatalf("sequence after restore = %d, want 4", n)
	}
	// Restoring the same key again is a no-op that never lowers the counter.
	res, err = fresh.RestoreFile(backup, pass, false)
	if err != nil || !res.Same || res.Sequence != 4 {
		t.Fatalf("second restore %+v %v", res, err)
	}
}

func TestRestoreRefusesDifferentKey(t *testing.T) {
	a, b := newDir(t), newDir(t)
	ka, _ := a.Create(pass, now)
	kb, _ := b.Create(pass, now)
	data, _, err := a.Backup(pass, now)
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Restore(data, pass, false)
	var dk *DifferentKeyError
	if !errors.As(err, &dk) || dk.Installed.KeyID != kb.KeyID || dk.Backup.KeyID != ka.KeyID {
		t.Fatalf("restore over another key: %v", err)
	}
	if id, _ := b.Identity(); id.KeyID != kb.KeyID {
		t.Fatal("refused restore changed the key")
	}
	res, err := b.Restore(data, pass, true)
	if err != nil || res.Replaced == "" {
		t.Fatalf("forced restore %+v %v", res, err)
	}
	if id, _ := b.Identity(); id.KeyID != ka.KeyID {
		t.Fatal("forced restore did not install the backup key")
	}
	if _, err := os.Stat(res.Replaced); err != nil {
		t.Fatalf("old key not kept: %v", err)
	}
}

func TestRestoreCorruptBackup(t *testing.T) {
	for _, in := range []string{``, `{}`, `{"format":"x"}`, `[1]`} {
		if _, err := newDir(t).Restore([]byte(in), pass, false); !errors.Is(err, ErrCorruptBackup) {
			t.Errorf("Restore(%q) = %v", in, err)
		}
	}
}

func TestSequence(t *testing.T) {
	d := newDir(t)
	k, _ := d.Create(pass, now)
	var last uint64
	for i := range 5 {
		floor := uint64(0)
		if i == 3 {
			floor = 10 // the export log knows a higher number
		}
		n, err := d.ReserveSequence(k.KeyID, floor)
		if err != nil {
			t.Fatal(err)
		}
		if n <= last || n <= floor {
			t.Fatalf("sequence %d after %d (floor %d)", n, last, floor)
		}
		last = n
	}
	if last != 12 {
		t.Fatalf("last = %d, want 12", last)
	}
	if got, _ := Open(filepath.Dir(d.Path())).LastSequence(k.KeyID); got != 12 {
		t.Fatalf("persisted %d", got)
	}
	// A damaged counter stops reservations instead of guessing.
	os.WriteFile(d.sequencePath(k.KeyID), []byte(`{"keyid":"x","last":1}`), 0o600)
	if _, err := d.ReserveSequence(k.KeyID, 0); err == nil {
		t.Fatal("reserved from a damaged counter")
	}
}

func TestPublicFile(t *testing.T) {
	d := newDir(t)
	k, _ := d.Create(pass, now)
	data := MarshalPublic(k.Identity)
	id, err := ParsePublic(data)
	if err != nil || !id.PublicKey.Equal(k.PublicKey) || id.Fingerprint != k.Fingerprint {
		t.Fatalf("ParsePublic = %+v, %v", id, err)
	}
	bad := replaceJSON(t, data, "fingerprint", "00000 00000 00000 00000 00000 00000")
	if _, err := ParsePublic(bad); !errors.Is(err, ErrCorruptPublicKey) {
		t.Fatalf("wrong fingerprint accepted: %v", err)
	}
}

func TestHostileKDFParameters(t *testing.T) {
	d := newDir(t)
	if _, err := d.Create(pass, now); err != nil {
		t.Fatal(err)
	}
	data, _, err := d.Backup(pass, now)
	if err != nil {
		t.Fatal(err)
	}
	// A backup asking scrypt for N=2^30 (128 GiB) must be refused, not run.
	bad := bytes.Replace(data, []byte(`"n": 32768`), []byte(`"n": 1073741824`), 1)
	if bytes.Equal(bad, data) {
		t.Fatal("fixture: n not found")
	}
	if _, err := newDir(t).Restore(bad, pass, false); !errors.Is(err, ErrCorruptKeyFile) {
		t.Fatalf("Restore with huge N: %v", err)
	}
}

// TestWrongPassphraseIsTheDomainError: the GUI, which never imports this
// package, recognises a wrong passphrase by the domain's error.
func TestWrongPassphraseIsTheDomainError(t *testing.T) {
	d := newDir(t)
	if _, err := d.Create(pass, now); err != nil {
		t.Fatal(err)
	}
	_, err := d.Unlock([]byte("frasa-sandi-yang-salah"))
	if !errors.Is(err, assessment.ErrWrongPassphrase) || !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
}
