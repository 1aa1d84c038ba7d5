package report

import (
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// maxNameRunes caps a file name or note in the evidence table so that one
// row always fits on a page.
const maxNameRunes = 300

// evidenceList prints the evidence of one indicator as a table.
func (r *renderer) evidenceList(indicator int) {
	ev := r.evidence[indicator]
	if len(ev) == 0 {
		r.field("Bukti dukung", func(w float64) {
			r.text(colMuted)
			r.para(w, lineH, "(tidak ada bukti dukung)")
		})
		return
	}
	r.field("Bukti dukung", func(w float64) {
		r.para(w, lineH, fmt.Sprintf("%d berkas", len(ev)))
	})
	t := newTable(r.doc, []column{
		{"No.", 8, "L"}, {"Nama berkas asli", 72, "L"}, {"Tingkat", 42, "L"},
		{"SHA-256 (awal)", 30, "L"}, {"Ukuran", 18, "R"},
	}, 8, 3.8)
	t.header()
	for i, e := range ev {
		t.row([]string{fmt.Sprint(i + 1), evidenceName(e), r.evidenceLevel(indicator, e.Level),
			e.Blob.ShortHash(), size(e.Blob.Size)}, rowStyle{})
	}
}

// evidenceName is the original name, with the note on the next line.
func evidenceName(e assessment.Evidence) string {
	s := truncate(orDash(e.OriginalName))
	if len(e.Items) > 0 {
		s += "\nButir: " + strings.Join(e.Items, ", ")
	}
	if note := strings.TrimSpace(e.Note); note != "" {
		s += "\nCatatan: " + truncate(note)
	}
	return s
}

func truncate(s string) string {
	r := []rune(s)
	if len(r) <= maxNameRunes {
		return s
	}
	return string(r[:maxNameRunes]) + "…"
}

// evidenceLevel names the level a file supports ("3 — Terdefinisi").
func (r *renderer) evidenceLevel(indicator, level int) string {
	if level == 0 {
		return "umum"
	}
	in, _ := r.snap.Catalog.Indicator(indicator)
	if name := r.snap.Catalog.LevelName(in, level); name != "" {
		return fmt.Sprintf("%d — %s", level, name)
	}
	return fmt.Sprint(level)
}

// size formats a byte count the Indonesian way ("1,2 MB").
func size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 3; m /= unit {
		div *= unit
		exp++
	}
	s := fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "KMGT"[exp])
	return strings.Replace(s, ".", ",", 1)
}
