package strictjson

import (
	"encoding/base64"
	"errors"
	"testing"
	"time"
)

func TestDecodeBase64(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"QUJDREVG", true},
		{"QUJDRA==", true},
		{"", true},
		{"QUJD\nREVG", false},   // Go's decoder skips the newline
		{"QUJD\r\nREVG", false}, // and CR LF
		{"QUJDREVG\n", false},
		{"QUJD REVG", false},
		{"QUJDRA", false},   // missing padding
		{"QUJDRB==", false}, // non-zero padding bits
		{"QUJDRA=", false},  // short padding
		{"QUJD-_==", false}, // URL alphabet
		{"QUJDRA==\x00", false},
		{"QUJDRA\u00a0==", false},
	} {
		b, err := DecodeBase64(c.in)
		if (err == nil) != c.ok {
			t.Errorf("DecodeBase64(%q) = %v, want ok %v", c.in, err, c.ok)
		}
		if err == nil && base64.StdEncoding.EncodeToString(b) != c.in {
			t.Errorf("DecodeBase64(%q) is not the inverse of encoding", c.in)
		}
		if err != nil && !errors.Is(err, ErrBase64) {
			t.Errorf("DecodeBase64(%q): error %v is not ErrBase64", c.in, err)
		}
	}
}

func TestParseUTC(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"2026-05-04T03:02:01Z", true},
		{"2026-05-04T03:02:01.5Z", true},
		{"2026-05-04T03:02:01+07:00", false},
		{"2026-05-04T03:02:01-00:00", false},
		{"2026-05-04T03:02:01+00:00", false},
		{"2026-05-04T03:02:01z", false},
		{"2026-05-04 03:02:01Z", false},
		{"2026-02-30T03:02:01Z", false},
		{"", false},
	} {
		got, err := ParseUTC(c.in)
		if (err == nil) != c.ok {
			t.Errorf("ParseUTC(%q) = %v, want ok %v", c.in, err, c.ok)
		}
		if err == nil && got.Location() != time.UTC {
			t.Errorf("ParseUTC(%q) location %v", c.in, got.Location())
		}
	}
}

// FuzzDecodeBase64: whatever is accepted is the one canonical spelling of
// its bytes.
func FuzzDecodeBase64(f *testing.F) {
	for _, s := range []string{"QUJDREVG", "QUJD\nREVG", "QUJDRB==", "QUJDRA", "", "===="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := DecodeBase64(s)
		if err == nil && base64.StdEncoding.EncodeToString(b) != s {
			t.Fatalf("accepted non-canonical %q", s)
		}
	})
}
