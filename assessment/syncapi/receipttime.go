package syncapi

import (
	"errors"
	"time"
)

// ReceiptTime is when the server decided, as the officer reads it in the
// laptop's time zone: "2026-12-01 10:02 WITA". Indonesia's zones are named
// WIB / WITA / WIT by their UTC offset whatever the operating system calls
// them (Windows has no such abbreviations); elsewhere the zone's own.
func ReceiptTime(r Receipt, loc *time.Location) (string, error) {
	t, err := time.Parse(time.RFC3339Nano, r.CompletedAt)
	if err != nil {
		return "", errors.New("waktu tanda terima tidak terbaca")
	}
	t = t.In(loc)
	return t.Format("2006-01-02 15:04") + " " + ZoneName(t), nil
}

// ZoneName is WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9), else the zone's
// abbreviation (UTC when it has none but "+07"-like).
func ZoneName(t time.Time) string {
	name, off := t.Zone()
	switch off {
	case 7 * 3600:
		return "WIB"
	case 8 * 3600:
		return "WITA"
	case 9 * 3600:
		return "WIT"
	}
	return name
}
