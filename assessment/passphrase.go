package assessment

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// MinPassphraseLen is the minimum length, in characters (runes, not
// bytes), of the passphrase protecting a new signing key. storage/keys
// enforces the same minimum when it creates a key (keys.MinPassphraseLen;
// a test in package main keeps the two equal); the GUI checks it first so
// that a short passphrase is refused in the form, before anything runs.
const MinPassphraseLen = 8

// Passphrase files are written by people with the tools they have, and on
// Windows those add bytes that are not part of the passphrase. The rule
// (docs/storage.md, "Windows"):
//
//  1. A byte-order mark decides the encoding: EF BB BF is UTF-8 (Notepad
//     "UTF-8 with BOM", PowerShell 5.1 Out-File -Encoding utf8), FF FE
//     UTF-16 LE and FE FF UTF-16 BE (PowerShell 5.1 `echo x > f`); the
//     mark is dropped. Without a mark the bytes are taken as they are,
//     except that NUL bytes (UTF-16 without a mark) are refused.
//  2. Exactly one trailing line ending — CRLF, LF or CR — is dropped.
//  3. Everything else, trailing spaces included, is the passphrase: a
//     space may be part of it. When trailing spaces or tabs remain (cmd's
//     `echo frasa > f` writes "frasa \r\n"), Decode says so in a warning,
//     so that a refused passphrase can be explained.
//
// DecodePassphraseFile applies the rule to a file's bytes and returns the
// passphrase in UTF-8 and a warning ("" when there is nothing to say).
func DecodePassphraseFile(data []byte) (pass []byte, warning string, err error) {
	text, err := decodeBOM(data)
	if err != nil {
		return nil, "", err
	}
	text = trimOneNewline(text)
	if len(text) == 0 {
		return nil, "", errors.New("berkas frasa sandi kosong")
	}
	if trimmed := bytes.TrimRight(text, " \t"); len(trimmed) != len(text) {
		if len(trimmed) == 0 {
			return nil, "", errors.New("berkas frasa sandi hanya berisi spasi")
		}
		warning = fmt.Sprintf("berkas frasa sandi diakhiri %d spasi/tab, yang ikut menjadi bagian frasa sandi "+
			"(cmd `echo frasa > berkas` menambahkan spasi sebelum `>`; tulis `echo frasa> berkas`) — "+
			"the passphrase file ends in %d space(s)/tab(s), which are part of the passphrase",
			len(text)-len(trimmed), len(text)-len(trimmed))
	}
	return text, warning, nil
}

// decodeBOM returns data as UTF-8 according to its byte-order mark.
func decodeBOM(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], binary.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], binary.BigEndian)
	case bytes.IndexByte(data, 0) >= 0:
		return nil, errors.New("berkas frasa sandi berisi byte NUL (UTF-16 tanpa penanda BOM?); simpan ulang sebagai UTF-8")
	}
	return data, nil
}

// decodeUTF16 decodes UTF-16 text; an odd length or an unpaired surrogate
// means the file is not what its mark says.
func decodeUTF16(b []byte, order binary.ByteOrder) ([]byte, error) {
	bad := errors.New("berkas frasa sandi bertanda UTF-16 tetapi isinya rusak; simpan ulang sebagai UTF-8")
	if len(b)%2 != 0 {
		return nil, bad
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = order.Uint16(b[2*i:])
	}
	var out []byte
	for _, r := range utf16.Decode(units) {
		if r == utf8.RuneError {
			return nil, bad
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// trimOneNewline drops one trailing CRLF, LF or CR.
func trimOneNewline(b []byte) []byte {
	for _, nl := range []string{"\r\n", "\n", "\r"} {
		if bytes.HasSuffix(b, []byte(nl)) {
			return b[:len(b)-len(nl)]
		}
	}
	return b
}
