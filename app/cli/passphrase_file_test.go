package cli

import (
	"strings"
	"testing"
)

// Passphrase files saved by Notepad (UTF-8 with BOM), Windows PowerShell
// 5.1 (UTF-16 LE) and cmd (`echo x > f`: trailing space) reach the key as
// the passphrase the user meant; the trailing space is kept but named.
func TestPassphraseFileWrittenOnWindows(t *testing.T) {
	const want = "rahasia panjang sekali"
	le := []byte{0xFF, 0xFE}
	for _, r := range want + "\r\n" {
		le = append(le, byte(r), 0)
	}
	for name, content := range map[string]string{
		"notepad utf-8 bom":   "\xEF\xBB\xBF" + want + "\r\n",
		"powershell utf-16le": string(le),
	} {
		d := newFakeDeps(false)
		code, _, errs := runWith(t, d, "", "key", "init", "--passphrase-file", passFile(t, content))
		if code != ExitOK || len(d.pass) != 1 || d.pass[0] != want || errs != "" {
			t.Errorf("%s: %d %q pass %q", name, code, errs, d.pass)
		}
	}
	d := newFakeDeps(false)
	code, _, errs := runWith(t, d, "", "key", "init", "--passphrase-file", passFile(t, want+" \r\n"))
	if code != ExitOK || d.pass[0] != want+" " || !strings.Contains(errs, "peringatan") || !strings.Contains(errs, "echo frasa> berkas") {
		t.Errorf("cmd echo: %d %q pass %q", code, errs, d.pass)
	}
}
