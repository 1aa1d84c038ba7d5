package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// The assessor's key lives in <data>/asesor/keys; --asesor points the key
// commands there, leaving the OPD's key alone.
func TestKeyBackupRestoreAsesor(t *testing.T) {
	pf := passFile(t, "frasa sandi asesor")
	data := t.TempDir()
	var dirs []string
	d := newFakeDeps(true)
	d.BackupKey = func(dir string, _ []byte) ([]byte, assessment.OPDKey, error) {
		dirs = append(dirs, dir)
		return nil, d.key, nil
	}
	d.RestoreKey = func(dir string, _ []byte, _ string, _ bool) (assessment.OPDKeyRestored, error) {
		dirs = append(dirs, dir)
		return assessment.OPDKeyRestored{Key: d.key}, nil
	}
	asesorKey := true
	d.KeyInfo = func(dir string) (assessment.OPDKey, error) {
		dirs = append(dirs, dir)
		if !asesorKey {
			return assessment.OPDKey{}, nil
		}
		return d.key, nil
	}
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Keys: &d.keyFuncs, Verifier: &d.keyFuncs, ReadPassword: d.ReadPassword, Output: discardOutput,
			Services: func(string) (*Services, error) { return &Services{DataDir: data, Store: closeOnly{}}, nil }}
		code := Run(env, args)
		return code, out.String() + errb.String()
	}
	asesorDir := filepath.Join(data, "asesor")
	if code, out := run("key", "backup", "--asesor", "kunci-asesor.cadangan", "--passphrase-file", pf); code != ExitOK ||
		!strings.Contains(out, "cadangan kunci asesor tertulis: kunci-asesor.cadangan") {
		t.Fatalf("backup --asesor: %d %q", code, out)
	}
	if code, out := run("key", "restore", "kunci-asesor.cadangan", "--asesor", "--passphrase-file", pf); code != ExitOK ||
		!strings.Contains(out, "Kunci asesor dipulihkan.") {
		t.Fatalf("restore --asesor: %d %q", code, out)
	}
	asesorKey = false
	if code, out := run("key", "show", "--asesor"); code != ExitOK || !strings.Contains(out, "Belum ada kunci asesor") {
		t.Fatalf("show --asesor: %d %q", code, out)
	}
	if code, _ := run("key", "backup", "opd.cadangan", "--passphrase-file", pf); code != ExitOK {
		t.Fatalf("backup: %d", code)
	}
	// backup --asesor looks at the assessor key first, show --asesor too
	want := []string{asesorDir, asesorDir, asesorDir, asesorDir, data}
	if strings.Join(dirs, "|") != strings.Join(want, "|") {
		t.Fatalf("key folders used %q, want %q", dirs, want)
	}
	// --asesor only where it means something
	if code, _ := run("key", "init", "--asesor", "--passphrase-file", pf); code != ExitUsage {
		t.Errorf("init --asesor: exit %d, want 2", code)
	}
}

// Without an assessor key, `key backup --asesor` says where that key
// comes from — not the OPD key's `key init` — and asks for no passphrase.
func TestKeyBackupAsesorWithoutKey(t *testing.T) {
	d := newFakeDeps(false)
	backups := 0
	d.BackupKey = func(string, []byte) ([]byte, assessment.OPDKey, error) {
		backups++
		return nil, assessment.OPDKey{}, errors.New("belum ada kunci penanda tangan; buat dengan `spbe-mandiri key init`")
	}
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Keys: &d.keyFuncs, Verifier: &d.keyFuncs, ReadPassword: d.ReadPassword, Output: discardOutput,
		Services: func(string) (*Services, error) { return &Services{DataDir: t.TempDir(), Store: closeOnly{}}, nil }}
	code := Run(env, []string{"key", "backup", "--asesor", "kunci-asesor.cadangan"})
	got := out.String() + errb.String()
	if code != ExitError || backups != 0 || !strings.Contains(got, "Belum ada kunci asesor. Kunci ini dibuat saat umpan balik pertama diekspor") ||
		!strings.Contains(got, "key restore --asesor BERKAS") || strings.Contains(got, "key init") {
		t.Fatalf("backup --asesor without a key: exit %d, %d backups, %q", code, backups, got)
	}
}
