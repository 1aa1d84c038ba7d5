package syncapi

import (
	"testing"
	"time"
)

// The receipt time is the laptop's local time with Indonesia's zone
// names, from the offset alone (as on Windows, whose zones have no
// WIB/WITA/WIT abbreviation).
func TestReceiptTime(t *testing.T) {
	r := Receipt{CompletedAt: "2026-12-01T02:02:11.123456Z"}
	for _, c := range []struct {
		loc  *time.Location
		want string
	}{
		{time.FixedZone("SE Asia Standard Time", 7*3600), "2026-12-01 09:02 WIB"},
		{time.FixedZone("+08", 8*3600), "2026-12-01 10:02 WITA"},
		{time.FixedZone("Tokyo Standard Time", 9*3600), "2026-12-01 11:02 WIT"},
		{time.UTC, "2026-12-01 02:02 UTC"},
	} {
		if got, err := ReceiptTime(r, c.loc); err != nil || got != c.want {
			t.Errorf("%s: %q %v, want %q", c.loc, got, err, c.want)
		}
	}
	if _, err := ReceiptTime(Receipt{CompletedAt: "kemarin"}, time.UTC); err == nil {
		t.Error("a receipt time that does not parse was shown")
	}
}
