package cli

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// Every command that writes a named file passes it, with --force and the
// open data folder, to Env.Output; a refused path stops the command before
// a passphrase is read or the key is touched.
func TestOutputFilesGoThroughPort(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct {
		args []string
		want OutputFile
	}{
		{[]string{"key", "export-public", "kunci.json"}, OutputFile{DataDir: data, Path: "kunci.json", Public: true}},
		{[]string{"key", "export-public", "kunci.json", "--force"}, OutputFile{DataDir: data, Path: "kunci.json", Force: true, Public: true}},
		{[]string{"key", "backup", "cadangan.json", "--force"}, OutputFile{DataDir: data, Path: "cadangan.json", Force: true}},
		// the assessor's key lives in <data>/asesor; the data folder is still <data>
		{[]string{"key", "backup", "--asesor", "cadangan.json"}, OutputFile{DataDir: data, Path: "cadangan.json"}},
	} {
		var checked []OutputFile
		refuse := errors.New("tidak menulis ke folder data SPBE Mandiri (uji)")
		out := &outputFuncs{
			check: func(f OutputFile) error { checked = append(checked, f); return refuse },
			write: func(OutputFile, func(io.Writer) error) (int64, error) {
				t.Fatal("written after refusal")
				return 0, nil
			},
		}
		d := newFakeDeps(true)
		d.ReadPassword = func(string) ([]byte, error) { d.prompted++; return []byte("x"), nil }
		var so, se bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &so, Stderr: &se, Keys: &d.keyFuncs, Verifier: &d.keyFuncs, ReadPassword: d.ReadPassword, Output: out,
			Services: func(string) (*Services, error) { return &Services{DataDir: data, Store: closeOnly{}}, nil }}
		code := Run(env, c.args)
		if code != ExitError || len(checked) != 1 || checked[0] != c.want || d.prompted != 0 || len(d.pass) != 0 ||
			!strings.Contains(se.String(), "tidak menulis ke folder data") {
			t.Errorf("%v: exit %d, checked %+v (want %+v), prompted %d, %q", c.args, code, checked, c.want, d.prompted, se.String())
		}
	}
}

func TestOutputWithoutPort(t *testing.T) {
	var se bytes.Buffer
	d := newFakeDeps(true)
	env := &Env{Stdout: io.Discard, Stderr: &se, Keys: &d.keyFuncs, Verifier: &d.keyFuncs, ReadPassword: d.ReadPassword,
		Services: func(string) (*Services, error) { return &Services{DataDir: t.TempDir(), Store: closeOnly{}}, nil }}
	if code := Run(env, []string{"key", "export-public", "kunci.json"}); code != ExitError || !strings.Contains(se.String(), errNoOutput.Error()) {
		t.Fatalf("exit %d %q", code, se.String())
	}
}

// `export --out` into the data folder is refused before a key is made or
// a passphrase read.
func TestExportFolderCheckedFirst(t *testing.T) {
	d := newFakeDeps(false)
	var so, se bytes.Buffer
	data := t.TempDir()
	var asked []string
	out := &outputFuncs{checkDir: func(dataDir, dir string) error {
		asked = append(asked, dataDir+"|"+dir)
		return errors.New("tidak menulis ke folder data SPBE Mandiri (uji)")
	}}
	env := &Env{Stdin: strings.NewReader("frasa\n"), Stdout: &so, Stderr: &se, Keys: &d.keyFuncs, Verifier: &d.keyFuncs, ReadPassword: d.ReadPassword, Output: out,
		Services: func(string) (*Services, error) { return d.folder(data), nil }}
	code := Run(env, []string{"export", "--assessment", "a", "--out", "usb", "--passphrase-file", "-"})
	if code != ExitError || len(asked) != 1 || asked[0] != data+"|usb" || len(d.pass) != 0 || d.key.Exists {
		t.Fatalf("exit %d, asked %v, passphrases %v, key %+v: %q", code, asked, d.pass, d.key, se.String())
	}
}
