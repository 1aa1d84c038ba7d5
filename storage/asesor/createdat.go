package asesor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// createdAtSlack is how far in the future a bundle's created_at may lie
// before it is doubted: time zones and a slightly fast clock stay quiet.
const createdAtSlack = 24 * time.Hour

// createdAtWarnings are the doubts about a bundle's created_at (the OPD
// device's clock, which nothing trusts: display only). They never refuse
// a bundle; they tell the assessor the date shown may be wrong.
func createdAtWarnings(ctx context.Context, q querier, m bundle.Manifest, now time.Time) ([]string, error) {
	created, err := time.Parse(time.RFC3339Nano, m.CreatedAt)
	if err != nil {
		return []string{fmt.Sprintf("waktu pembuatan bundel %q tidak dapat dibaca; tanggal bundel ini tidak dapat dipercaya", m.CreatedAt)}, nil
	}
	var out []string
	if created.After(now.Add(createdAtSlack)) {
		out = append(out, fmt.Sprintf("bundel dibuat %s, lebih dari sehari setelah waktu impor %s: jam komputer OPD kemungkinan salah",
			showTime(created), showTime(now)))
	}
	if y := created.Year(); y < m.Periode-1 || y > m.Periode+1 {
		out = append(out, fmt.Sprintf("bundel periode %d dibuat tahun %d: periode atau jam komputer OPD kemungkinan salah", m.Periode, y))
	}
	prev, err := earlierVersion(ctx, q, m)
	if err != nil {
		return nil, err
	}
	if pt, perr := time.Parse(time.RFC3339Nano, prev.createdAt); prev.seq > 0 && perr == nil && created.Before(pt) {
		out = append(out, fmt.Sprintf("bundel nomor urut %d dibuat %s, lebih awal dari versi yang diterima sebelumnya (nomor urut %d, dibuat %s): "+
			"jam komputer OPD kemungkinan mundur", m.Sequence, showTime(created), prev.seq, showTime(pt)))
	}
	return out, nil
}

type earlier struct {
	seq       uint64
	createdAt string
}

// earlierVersion is the accepted bundle of the same OPD and periode with
// a lower sequence; zero when there is none.
func earlierVersion(ctx context.Context, q querier, m bundle.Manifest) (earlier, error) {
	var e earlier
	var seq int64
	err := q.QueryRowContext(ctx, `SELECT sequence, created_at FROM bundle WHERE opd_kode = ? AND periode = ? AND status = 'accepted' AND sequence < ?`,
		m.OPD.Kode, m.Periode, int64(m.Sequence)).Scan(&seq, &e.createdAt)
	if errors.Is(err, sql.ErrNoRows) {
		return earlier{}, nil
	}
	e.seq = uint64(seq)
	return e, err
}

// showTime writes a time for a message: the OPD's own offset is kept, so
// what the assessor reads is what the bundle says.
func showTime(t time.Time) string { return t.Format("2006-01-02 15:04 -07:00") }
