package intake

import (
	"fmt"
	"time"
)

// createdAtSlack is how far in the future a bundle's created_at may lie
// before it is doubted: time zones and a slightly fast clock stay quiet.
const createdAtSlack = 24 * time.Hour

// CreatedAtWarnings are the doubts about a bundle's created_at (the OPD
// device's clock, which nothing trusts: display only), given the earlier
// accepted version (nil: none) and the import time. They never refuse a
// bundle; they tell the assessor the date shown may be wrong.
func CreatedAtWarnings(b Bundle, earlier *Earlier, now time.Time) []string {
	created, err := time.Parse(time.RFC3339Nano, b.CreatedAt)
	if err != nil {
		return []string{fmt.Sprintf("waktu pembuatan bundel %q tidak dapat dibaca; tanggal bundel ini tidak dapat dipercaya", b.CreatedAt)}
	}
	var out []string
	if created.After(now.Add(createdAtSlack)) {
		out = append(out, fmt.Sprintf("bundel dibuat %s, lebih dari sehari setelah waktu impor %s: jam komputer OPD kemungkinan salah",
			showTime(created), showTime(now)))
	}
	if y := created.Year(); y < b.Periode-1 || y > b.Periode+1 {
		out = append(out, fmt.Sprintf("bundel periode %d dibuat tahun %d: periode atau jam komputer OPD kemungkinan salah", b.Periode, y))
	}
	if earlier == nil || earlier.Sequence == 0 {
		return out
	}
	if pt, perr := time.Parse(time.RFC3339Nano, earlier.CreatedAt); perr == nil && created.Before(pt) {
		out = append(out, fmt.Sprintf("bundel nomor urut %d dibuat %s, lebih awal dari versi yang diterima sebelumnya (nomor urut %d, dibuat %s): "+
			"jam komputer OPD kemungkinan mundur", b.Sequence, showTime(created), earlier.Sequence, showTime(pt)))
	}
	return out
}

// showTime writes a time for a message: the OPD's own offset is kept, so
// what the assessor reads is what the bundle says.
func showTime(t time.Time) string { return t.Format("2006-01-02 15:04 -07:00") }
