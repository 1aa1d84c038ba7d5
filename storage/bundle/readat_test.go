package bundle

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedOffsetsNamed (issue 11, class 13): a bundle whose ZIP
// directory points before the start of the file (the end record's
// directory offset raised, so every local header lands at a negative
// position) and a truncated one are refused with the verifier's named
// error — never "readat …: negative offset" — also when read from a file.
func TestDamagedOffsetsNamed(t *testing.T) {
	in, _ := fixture(t)
	good := build(t, in)
	shifted := append([]byte(nil), good...)
	eocd := len(shifted) - 22
	if binary.LittleEndian.Uint32(shifted[eocd:]) != 0x06054b50 {
		t.Fatal("fixture: no plain end-of-central-directory record at the end")
	}
	off := binary.LittleEndian.Uint32(shifted[eocd+16:])
	binary.LittleEndian.PutUint32(shifted[eocd+16:], off+uint32(len(good)/2))
	for name, data := range map[string][]byte{"negative offsets": shifted, "truncated": good[:len(good)*2/3]} {
		p := filepath.Join(t.TempDir(), "b.spbe")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Verify(f, int64(len(data)), withKey())
		f.Close()
		var be *Error
		if !errors.As(err, &be) || (be.Check != CheckZip && be.Check != CheckData) {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, raw := range []string{"readat", "negative offset", "flate:", "zip:"} {
			if strings.Contains(err.Error(), raw) {
				t.Errorf("%s: raw text %q in %q", name, raw, err)
			}
		}
	}
}
