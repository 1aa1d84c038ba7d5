package assessment

import (
	"strings"
	"testing"
)

// utf16le and utf16be encode s with its byte-order mark, as PowerShell
// 5.1 and Notepad write it.
func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func utf16be(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return string(b)
}

// A passphrase file written on Windows (BOM, UTF-16, CRLF, cmd's trailing
// space) decodes to the passphrase the user typed, or says why not.
func TestDecodePassphraseFile(t *testing.T) {
	for _, c := range []struct {
		name, in, want, warn, err string
	}{
		{"plain", "frasa sandi", "frasa sandi", "", ""},
		{"LF", "frasa sandi\n", "frasa sandi", "", ""},
		{"CRLF", "frasa sandi\r\n", "frasa sandi", "", ""},
		{"CR", "frasa sandi\r", "frasa sandi", "", ""},
		{"only one newline", "frasa sandi\n\n", "frasa sandi\n", "", ""},
		{"UTF-8 BOM", "\xEF\xBB\xBFfrasa sandi\r\n", "frasa sandi", "", ""},
		{"UTF-16 LE BOM", utf16le("frasa sandi ñ\r\n"), "frasa sandi ñ", "", ""},
		{"UTF-16 BE BOM", utf16be("frasa sandi ñ\r\n"), "frasa sandi ñ", "", ""},
		{"UTF-16 surrogate pair", utf16le("kunci ") + "\x3d\xd8\x11\xdd", "kunci 🔑", "", ""},
		{"cmd echo trailing space", "frasa sandi \r\n", "frasa sandi ", "1 spasi", ""},
		{"inner spaces kept", "  frasa  sandi", "  frasa  sandi", "", ""},
		{"non-ASCII UTF-8", "kata sandi rahasia é\n", "kata sandi rahasia é", "", ""},
		{"empty", "", "", "", "kosong"},
		{"only newline", "\r\n", "", "", "kosong"},
		{"BOM only", "\xEF\xBB\xBF", "", "", "kosong"},
		{"only spaces", "   \n", "", "", "hanya berisi spasi"},
		{"UTF-16 without BOM", "f\x00r\x00a\x00", "", "", "NUL"},
		{"UTF-16 odd length", "\xFF\xFEf\x00r", "", "", "UTF-16"},
		{"UTF-16 lone surrogate", "\xFF\xFE\x3d\xd8a\x00", "", "", "UTF-16"},
	} {
		got, warn, err := DecodePassphraseFile([]byte(c.in))
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: err %v, want %q", c.name, err, c.err)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case string(got) != c.want:
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		case c.warn == "" && warn != "", c.warn != "" && !strings.Contains(warn, c.warn):
			t.Errorf("%s: warning %q, want %q", c.name, warn, c.warn)
		}
	}
}
