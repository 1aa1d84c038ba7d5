package storage

import "time"

// timeLayout stores times as sortable UTC text with fixed-width fractions.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func (db *DB) nowText() string { return formatTime(db.cfg.now()) }

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
