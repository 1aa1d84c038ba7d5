package strictjson

import (
	"encoding/base64"
	"errors"
	"strings"
	"time"
)

// Values that travel as JSON strings in signed documents and key files
// must have exactly one spelling too: the same bytes may otherwise be
// written in several ways that all decode alike, and a second verifier
// (or a human comparing files) cannot tell which one was signed.

// base64Alphabet is standard base64 (RFC 4648 §4) including padding.
const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="

// ErrBase64 is a string that is not canonical padded standard base64.
var ErrBase64 = errors.New("bukan base64 standar yang kanonis (hanya A–Z a–z 0–9 + / dengan padding =, tanpa spasi atau baris baru)")

// DecodeBase64 decodes canonical padded standard base64 and nothing else.
// encoding/base64 skips '\r' and '\n' anywhere in its input, even in
// Strict mode, so they are refused first, with every other byte outside
// the alphabet; Strict mode then refuses non-zero padding bits, and the
// re-encoding must give back the input (one spelling per byte string).
func DecodeBase64(s string) ([]byte, error) {
	if strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune(base64Alphabet, r) }) {
		return nil, ErrBase64
	}
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil || base64.StdEncoding.EncodeToString(b) != s {
		return nil, ErrBase64
	}
	return b, nil
}

// ErrTime is a timestamp that is not RFC 3339 in UTC.
var ErrTime = errors.New("bukan waktu RFC 3339 dalam UTC (mis. 2026-05-04T03:02:01Z)")

// ParseUTC parses an RFC 3339 timestamp that is written in UTC with the
// suffix "Z", as every format of this program specifies. Offsets
// ("+07:00", and "-00:00", which RFC 3339 reserves for an unknown local
// offset) are refused: the same instant must have one spelling, and a
// reader must not have to guess which clock a time was written on.
func ParseUTC(s string) (time.Time, error) {
	if !strings.HasSuffix(s, "Z") {
		return time.Time{}, ErrTime
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, ErrTime
	}
	return t, nil
}
