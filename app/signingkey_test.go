package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// fakeOPDKeys is an in-memory assessment.OPDKeys: one installed key, the
// files it "wrote", and the backups it can restore. Its methods run on
// worker goroutines.
type fakeOPDKeys struct {
	mu       sync.Mutex
	key      assessment.OPDKey
	pass     string
	created  []string            // passphrases Create was called with
	written  map[string]string   // path → what was written
	backups  map[string]fakeBkup // restorable backup files
	restores []bool              // force of every Restore call
}

type fakeBkup struct {
	key  assessment.OPDKey
	pass string
}

var (
	keyA = assessment.OPDKey{Exists: true, KeyID: "aaaa1111bbbb2222cccc3333dddd4444", Fingerprint: "12345 67890 13579 24680 11223 34455",
		CreatedAt: clock, LastSequence: 4}
	keyB = assessment.OPDKey{Exists: true, KeyID: "ffff9999eeee8888", Fingerprint: "99999 88888 77777 66666 55555 44444", CreatedAt: clock}
)

func newFakeOPDKeys() *fakeOPDKeys {
	return &fakeOPDKeys{written: map[string]string{}, backups: map[string]fakeBkup{}}
}

func (f *fakeOPDKeys) Info(context.Context) (assessment.OPDKey, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.key, nil
}

func (f *fakeOPDKeys) Create(_ context.Context, pass []byte) (assessment.OPDKey, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.key.Exists {
		return assessment.OPDKey{}, errors.New("kunci penanda tangan sudah ada")
	}
	f.created = append(f.created, string(pass))
	f.key, f.pass = keyA, string(pass)
	f.key.LastSequence = 0
	return f.key, nil
}

func (f *fakeOPDKeys) write(path, what string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.key.Exists {
		return "", errors.New("belum ada kunci penanda tangan")
	}
	f.written[path] = what
	return path, nil
}

func (f *fakeOPDKeys) ExportPublic(_ context.Context, dir string) (string, error) {
	return f.write(filepath.Join(dir, "KUNCI_PUBLIK_DISKOMINFO.json"), "public")
}

func (f *fakeOPDKeys) KeyForm(_ context.Context, dir string) (string, error) {
	return f.write(filepath.Join(dir, "FORMULIR_KUNCI_DISKOMINFO.pdf"), "form")
}

func (f *fakeOPDKeys) Backup(_ context.Context, dir string, pass []byte) (string, error) {
	f.mu.Lock()
	wrong := string(pass) != f.pass
	f.mu.Unlock()
	if wrong {
		return "", assessment.ErrWrongPassphrase
	}
	return f.write(filepath.Join(dir, "CADANGAN_KUNCI_DISKOMINFO_20251127.json"), "backup")
}

func (f *fakeOPDKeys) Restore(_ context.Context, file string, pass []byte, force bool) (assessment.OPDKeyRestored, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restores = append(f.restores, force)
	b, ok := f.backups[file]
	switch {
	case !ok:
		return assessment.OPDKeyRestored{}, errors.New("berkas cadangan kunci rusak")
	case string(pass) != b.pass:
		return assessment.OPDKeyRestored{}, assessment.ErrWrongPassphrase
	case f.key.Exists && f.key.KeyID == b.key.KeyID:
		return assessment.OPDKeyRestored{Key: f.key, Same: true}, nil
	case f.key.Exists && !force:
		return assessment.OPDKeyRestored{}, &assessment.KeyChangeError{Installed: f.key.Fingerprint, Backup: b.key.Fingerprint}
	}
	r := assessment.OPDKeyRestored{Key: b.key}
	if f.key.Exists {
		r.Replaced = "/data/spbe/keys/signing-key.replaced.json"
	}
	f.key, f.pass = b.key, b.pass
	return r, nil
}

// keyHarness is the OPD GUI with a fake key service and injected folder
// and file choice.
func keyHarness(t *testing.T, key assessment.OPDKey, pass string) (*harness, *fakeOPDKeys, *memPaths) {
	t.Helper()
	h := newHarness(t, setup{})
	k := newFakeOPDKeys()
	k.key, k.pass = key, pass
	paths := &memPaths{folder: "/media/usb"}
	h.folder.Keys, h.u.paths = k, paths
	return h, k, paths
}

// openKeyScreen goes to the key screen through the home screen's button.
func openKeyScreen(t *testing.T, h *harness) *signingKey {
	t.Helper()
	h.u.showHome()
	h.wait()
	capture(t, h.u.win, "home_key_button.png")
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("opdkey.title")))
	h.wait()
	return current[*signingKey](t, h.u)
}

// topTexts is what the topmost dialog says.
func topTexts(h *harness) []string {
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return texts(top)
}

func TestSigningKeyCreateChecksPassphrase(t *testing.T) {
	h, k, _ := keyHarness(t, assessment.OPDKey{}, "")
	s := openKeyScreen(t, h)
	shown := texts(s.box)
	if !hasText(shown, "menandatangani setiap bundel") || !hasText(shown, "Formulir Pendaftaran Kunci") {
		t.Errorf("what the key is for is not explained: %q", shown)
	}
	capture(t, h.u.win, "signingkey_none.png")

	// one dialog, corrected as an officer would
	test.Tap(s.createBtn)
	try := func(p1, p2 string) {
		s.pass1.SetText(p1)
		s.pass2.SetText(p2)
		s.createDlg.Submit()
		h.wait()
	}
	try("pendek", "pendek")
	if err := s.pass1.Validate(); err == nil || !strings.Contains(err.Error(), "minimal 8 karakter") {
		t.Errorf("too short not explained in the form: %v", err)
	}
	try("frasa-sandi-panjang", "frasa-sandi-lain")
	if err := s.pass2.Validate(); err == nil || err.Error() != "Kedua frasa sandi tidak sama." {
		t.Errorf("mismatch not explained in the form: %v", err)
	}
	if len(k.created) != 0 {
		t.Fatalf("a key was created from a bad passphrase: %q", k.created)
	}
	try("frasa-sandi-panjang", "frasa-sandi-panjang")
	capture(t, h.u.win, "signingkey_created.png")
	if len(k.created) != 1 || k.created[0] != "frasa-sandi-panjang" {
		t.Fatalf("created %q", k.created)
	}
	if !strings.Contains(s.doneText, "12345 67890 13579 24680 11223 34455") {
		t.Errorf("the new fingerprint is not named: %q", s.doneText)
	}
	if s.fp == nil || s.fp.Text != "12345 67890 13579 24680 11223 34455" || s.fp.TextSize < 24 || !s.fp.TextStyle.Monospace {
		t.Fatalf("fingerprint after creating: %+v", s.fp)
	}
}

func TestSigningKeyShowsKeyAndSavesPublicKeyAndForm(t *testing.T) {
	h, k, paths := keyHarness(t, keyA, "frasa-sandi-panjang")
	s := openKeyScreen(t, h)
	shown := texts(s.box)
	for _, want := range []string{"ID kunci aaaa1111bbbb2222", "nomor bundel terakhir 4", formatTime(clock)} {
		if !hasText(shown, want) {
			t.Errorf("key details do not show %q: %q", want, shown)
		}
	}
	var big *canvas.Text
	walk(s.box, func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok && x.TextSize == fingerprintSize {
			big = x
		}
	})
	if big == nil || big.Text != "12345 67890 13579 24680 11223 34455" {
		t.Fatalf("no fingerprint in large type: %+v", big)
	}
	capture(t, h.u.win, "signingkey_key.png")

	paths.folder = "/media/usb/asesor"
	test.Tap(s.publicBtn)
	h.wait()
	want := filepath.Join("/media/usb/asesor", "KUNCI_PUBLIK_DISKOMINFO.json")
	if k.written[want] != "public" || !strings.Contains(s.doneText, want) || !hasText(topTexts(h), want) {
		t.Fatalf("public key: written %v, told %q", k.written, s.doneText)
	}
	capture(t, h.u.win, "signingkey_public_done.png")
	test.Tap(s.formBtn)
	h.wait()
	want = filepath.Join("/media/usb/asesor", "FORMULIR_KUNCI_DISKOMINFO.pdf")
	if k.written[want] != "form" || !strings.Contains(s.doneText, want) {
		t.Fatalf("key form: written %v, told %q", k.written, s.doneText)
	}

	// no folder picked: nothing written
	paths.folder = ""
	n := len(k.written)
	test.Tap(s.publicBtn)
	h.wait()
	if len(k.written) != n {
		t.Error("written without a folder")
	}
}

func TestSigningKeyBackupWrongPassphraseWritesNothing(t *testing.T) {
	h, k, _ := keyHarness(t, keyA, "frasa-sandi-panjang")
	s := openKeyScreen(t, h)
	test.Tap(s.backupBtn)
	if s.passDlg == nil {
		t.Fatal("no passphrase asked for the backup")
	}
	capture(t, h.u.win, "signingkey_backup_pass.png")
	test.Type(s.pass, "salah-sekali")
	s.passDlg.Submit()
	h.wait()
	if len(k.written) != 0 {
		t.Fatalf("a backup was written with a wrong passphrase: %v", k.written)
	}
	if !hasText(topTexts(h), "Frasa sandi salah") || !hasText(topTexts(h), "Pulihkan dari cadangan kunci") {
		t.Errorf("the wrong passphrase is not said with advice: %q", topTexts(h))
	}
	test.Tap(s.backupBtn)
	test.Type(s.pass, "frasa-sandi-panjang")
	s.passDlg.Submit()
	h.wait()
	want := filepath.Join("/media/usb", "CADANGAN_KUNCI_DISKOMINFO_20251127.json")
	if k.written[want] != "backup" || !strings.Contains(s.doneText, want) {
		t.Fatalf("backup: written %v, told %q", k.written, s.doneText)
	}
}

func TestSigningKeyRestoreOfAnotherKeyAsksFirst(t *testing.T) {
	h, k, paths := keyHarness(t, keyA, "frasa-sandi-panjang")
	paths.file = "/media/usb/CADANGAN_KUNCI_LAMA.json"
	k.backups[paths.file] = fakeBkup{key: keyB, pass: "sandi-cadangan-lama"}
	s := openKeyScreen(t, h)

	restore := func() {
		test.Tap(s.restoreBtn)
		test.Type(s.pass, "sandi-cadangan-lama")
		s.passDlg.Submit()
		h.wait()
	}
	restore()
	if s.changeDlg == nil {
		t.Fatal("no confirmation before changing the signing identity")
	}
	capture(t, h.u.win, "signingkey_restore_confirm.png")
	shown := topTexts(h)
	for _, want := range []string{"12345 67890 13579 24680 11223 34455", "99999 88888 77777 66666 55555 44444",
		"identitas penanda tangan", "tidak dihapus"} {
		if !hasText(shown, want) {
			t.Errorf("the confirmation does not say %q: %q", want, shown)
		}
	}
	if k.key.KeyID != keyA.KeyID || len(k.restores) != 1 || k.restores[0] {
		t.Fatalf("restored before confirming: key %s, calls %v", k.key.KeyID, k.restores)
	}
	// Batal keeps the installed key
	s.changeDlg.Dismiss()
	h.wait()
	if k.key.KeyID != keyA.KeyID || len(k.restores) != 1 {
		t.Fatalf("restored after Batal: %v", k.restores)
	}
	restore()
	s.changeDlg.Confirm()
	h.wait()
	if len(k.restores) != 3 || !k.restores[2] || k.key.KeyID != keyB.KeyID {
		t.Fatalf("restore after confirming: calls %v, key %s", k.restores, k.key.KeyID)
	}
	if s.key.KeyID != keyB.KeyID || !strings.Contains(s.doneText, "signing-key.replaced.json") {
		t.Errorf("after restoring: shown %s, told %q", s.key.KeyID, s.doneText)
	}
}

// The export without a key says a new key will be made and asks its
// passphrase twice; the key is made, the bundle exported with it, and
// the new fingerprint shown with the way to the key screen. Enter in the
// last passphrase field submits the form.
func TestExportNewKeyAsksTwice(t *testing.T) {
	h, k, paths := keyHarness(t, assessment.OPDKey{}, "")
	var exported []string
	h.exp().publish = func(_ context.Context, _, dir, pass string, _ func(float64)) (string, error) {
		exported = append(exported, pass)
		return filepath.Join(dir, "SPBE_DISKOMINFO_2026_1.spbe"), nil
	}
	q := h.newAssessment("pemdi-2026", "2026")
	paths.folder = "/media/usb"
	f := q.startExport()
	h.wait()
	if f.pass1 == nil || f.pass2 == nil || f.pass != nil {
		t.Fatal("no new-key passphrase dialog although no key exists")
	}
	if !hasText(topTexts(h), "Kunci baru akan dibuat") {
		t.Errorf("the dialog does not say a key will be made: %q", topTexts(h))
	}
	capture(t, h.u.win, "export_newkey.png")
	test.Type(f.pass1, "frasa-sandi-panjang")
	test.Type(f.pass2, "frasa-sandi-lain")
	f.dlg.Submit()
	h.wait()
	if len(k.created) != 0 || len(exported) != 0 {
		t.Fatalf("mismatched passphrases went on: created %q, exported %q", k.created, exported)
	}
	f.pass2.SetText("frasa-sandi-panjang")
	f.pass2.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter in the last field submits
	h.wait()
	if len(k.created) != 1 || k.created[0] != "frasa-sandi-panjang" || len(exported) != 1 || exported[0] != "frasa-sandi-panjang" {
		t.Fatalf("created %q, exported %q", k.created, exported)
	}
	if f.newKeyDlg == nil || f.newKey.Fingerprint != keyA.Fingerprint {
		t.Fatal("the new key is not shown after the export")
	}
	capture(t, h.u.win, "export_newkey_done.png")
	shown := topTexts(h)
	for _, want := range []string{"12345 67890 13579 24680 11223 34455", "buat cadangan kunci", "SPBE_DISKOMINFO_2026_1.spbe"} {
		if !hasText(shown, want) {
			t.Errorf("after the export the dialog does not say %q: %q", want, shown)
		}
	}
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Canvas().Overlays().Top()}, tr("opdkey.openScreen")))
	h.wait()
	current[*signingKey](t, h.u)

	// With the key now installed the next export asks one passphrase.
	h.u.openAssessment(q.s.a.ID)
	h.wait()
	f = h.q().startExport()
	h.wait()
	if f.pass == nil || f.pass1 != nil {
		t.Fatal("an installed key still asks for a new passphrase")
	}
	test.Type(f.pass, "frasa-sandi-panjang")
	f.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	if len(k.created) != 1 || len(exported) != 2 {
		t.Fatalf("second export: created %q, exported %q", k.created, exported)
	}
}
