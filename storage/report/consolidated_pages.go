package report

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// cover draws page 1: the instansi's letterhead, the title, the
// identification table and the instansi index.
func (r *consRenderer) cover() {
	c := r.c
	r.pdf.AddPage()
	r.pdf.SetY(16)
	r.font("B", 12)
	r.centered(6, strings.ToUpper(orDash(c.Instansi)))
	r.font("B", 14)
	r.centered(7, "TIM ASESOR INTERNAL SPBE")
	r.pdf.Ln(2)
	r.rule(colText, 0.8)
	r.pdf.Ln(0.9)
	r.rule(colText, 0.25)
	r.pdf.SetY(r.pdf.GetY() + 14)
	r.font("B", 18)
	r.text(colNavy)
	r.centered(9, "LAPORAN KONSOLIDASI")
	r.font("B", 12)
	r.centered(6, "PENILAIAN MANDIRI TINGKAT INSTANSI")
	r.centered(6, orDash(c.CatalogName))
	r.font("", 11)
	r.text(colText)
	r.pdf.Ln(1)
	r.centered(6, fmt.Sprintf("Periode %d", c.Periode))
	r.pdf.Ln(8)
	r.coverTable()
	r.instansiNote()
	r.pdf.Ln(5)
	r.headline()
	r.predicateLegend()
	r.pdf.Ln(2)
	r.font("", 8)
	r.text(colMuted)
	r.pdf.SetX(marginX)
	r.para(contentW, smallLineH, "Nilai instansi per indikator adalah nilai yang ditetapkan Tim Asesor Internal, atau bila belum "+
		"ditetapkan, usulan bawaan: nilai tertinggi yang diterima di antara Perangkat Daerah penanggung jawab. "+
		"Indeks dihitung dari bobot katalog; pembulatan dua desimal hanya untuk tampilan. Dokumen ini ditandatangani "+
		"secara elektronik dengan kunci Tim Asesor Internal (tanda tangan persetujuan PDF, bukan TTE resmi).")
	r.text(colText)
}

// coverTable lists what was consolidated, from what and when.
func (r *consRenderer) coverTable() {
	c := r.c
	version := fmt.Sprintf("%s versi %s", c.CatalogID, c.CatalogVersion)
	if c.Provisional {
		version += " — sementara (bukan teks resmi)"
	}
	status := fmt.Sprintf("Lengkap — %d dari %d indikator bernilai", c.Answered, c.Total)
	if !c.Complete {
		status = fmt.Sprintf("Belum lengkap — %d dari %d indikator bernilai (hasil sementara)", c.Answered, c.Total)
	}
	for _, row := range [][2]string{
		{"Instansi", orDash(c.Instansi)},
		{"Periode penilaian", fmt.Sprint(c.Periode)},
		{"Instrumen", orDash(c.CatalogName)},
		{"Versi katalog", version},
		{"Perangkat Daerah", r.opdCount()},
		{"Status konsolidasi", status},
		{"Ditandatangani oleh", orDash(c.Signer)},
		{"Sidik jari kunci", orDash(c.Fingerprint)},
		{"Tanggal dibuat", tanggalJam(c.GeneratedAt)},
	} {
		r.kv(42, row[0], row[1], "")
	}
}

// opdCount is the cover's line on the bundles: how many were accepted
// and how many of them were left out.
func (r *consRenderer) opdCount() string {
	s := fmt.Sprintf("%d bundel diterima", len(r.c.OPDs))
	if n := len(r.c.ExcludedRevoked); n > 0 {
		s += fmt.Sprintf("; %d tidak dihitung karena kunci OPD dicabut (%s)", n, strings.Join(r.c.ExcludedRevoked, ", "))
	}
	return s
}

// instansiNote warns on the cover when the OPDs named their instansi
// differently: the letterhead shows the name most of them gave, and the
// others are listed so the assessor can correct the OPD profiles.
func (r *consRenderer) instansiNote() {
	if len(r.c.InstansiVariants) < 2 {
		return
	}
	var parts []string
	for _, v := range r.c.InstansiVariants {
		parts = append(parts, fmt.Sprintf("\"%s\" (%s)", v.Name, strings.Join(v.OPDs, ", ")))
	}
	r.warning(fmt.Sprintf("Nama instansi di bundel OPD tidak seragam; kop memakai \"%s\", nama yang paling banyak dipakai. "+
		"Nama yang tercatat: %s. Samakan nama instansi di profil OPD tersebut.", orDash(r.c.Instansi), strings.Join(parts, "; ")))
}

// headline draws the instansi index and predicate in a framed box.
func (r *consRenderer) headline() {
	c := r.c
	r.need(34)
	y := r.pdf.GetY()
	h := 26.0
	r.frame(y, h)
	label, line, note := "Indeks instansi", "— (belum ada indikator bernilai)", fmt.Sprintf("Seluruh %d indikator bernilai.", c.Total)
	if !c.Complete {
		label = "Indeks instansi (SEMENTARA)"
		note = fmt.Sprintf("Sementara: %d dari %d indikator bernilai", c.Answered, c.Total)
		if c.Lowest != nil && c.Highest != nil {
			note += fmt.Sprintf("; indeks akhir berada antara %s dan %s", assessment.FormatDecimal(c.Lowest), assessment.FormatDecimal(c.Highest))
		}
		note += "."
	}
	if c.Index != nil {
		line = assessment.FormatDecimal(c.Index) + " — " + orDash(c.Predicate)
	}
	r.pdf.SetXY(marginX, y+3)
	r.font("", 9)
	r.text(colMuted)
	r.pdf.CellFormat(contentW, 5, label, "", 2, "C", false, 0, "")
	r.font("B", 20)
	r.text(colNavy)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW, 10, clean(line), "", 2, "C", false, 0, "")
	r.font("", 8.5)
	r.text(colText)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(contentW, 5, clean(note), "", 2, "C", false, 0, "")
	r.pdf.SetY(y + h + 4)
}

// predicateLegend lists the predicate bands of the instrument.
func (r *consRenderer) predicateLegend() {
	if len(r.c.Predicates) == 0 {
		return
	}
	var parts []string
	for _, p := range r.c.Predicates {
		parts = append(parts, p.Name+" "+band(p))
	}
	r.need(12)
	r.font("B", 8)
	r.pdf.SetX(marginX)
	r.pdf.CellFormat(22, smallLineH, "Predikat:", "", 0, "L", false, 0, "")
	r.font("", 8)
	r.para(contentW-22, smallLineH, strings.Join(parts, "  ·  "))
	r.font("", 9)
}

// groupSummary lists every domain and aspect with weight, values and index.
func (r *consRenderer) groupSummary() {
	r.pdf.AddPage()
	r.heading("RINGKASAN INDEKS INSTANSI")
	t := newTable(r.doc, []column{
		{"No.", 13, "L"}, {"Domain / Aspek", 89, "L"}, {"Bobot (%)", 20, "R"},
		{"Bernilai", 26, "R"}, {"Indeks", 22, "R"},
	}, 8.5, 4.2)
	t.header()
	for _, g := range r.c.Groups {
		name, st := "Aspek "+g.Name, rowStyle{}
		if g.Domain {
			name, st = "Domain "+g.Name, rowStyle{bold: true, shade: &colShade}
		}
		t.row([]string{g.Code, name, g.Weight, fmt.Sprintf("%d/%d", g.Answered, g.Total), r.value(g.Index)}, st)
	}
	t.row([]string{"", "INDEKS INSTANSI", "100", fmt.Sprintf("%d/%d", r.c.Answered, r.c.Total), r.value(r.c.Index)},
		rowStyle{bold: true, shade: &colShade})
	if !r.c.Complete {
		r.footnote("* Nilai sementara: dihitung hanya dari indikator yang sudah bernilai. Bagian tanpa nilai ditandai \"–\".")
	}
}

// recap lists the accepted bundle of every OPD the consolidation used.
func (r *consRenderer) recap() {
	r.pdf.Ln(6)
	r.heading("REKAPITULASI PERANGKAT DAERAH")
	if len(r.c.OPDs) == 0 {
		r.font("", 9)
		r.text(colMuted)
		r.pdf.SetX(marginX)
		r.para(contentW, lineH, "Belum ada bundel Perangkat Daerah yang diterima untuk periode ini.")
		r.text(colText)
		r.recapWarnings()
		return
	}
	t := newTable(r.doc, []column{
		{"Kode", 21, "L"}, {"Perangkat Daerah", 40, "L"}, {"Indeks", 16, "R"}, {"Predikat", 19, "L"},
		{"Terisi", 19, "R"}, {"Kunci OPD", 21, "L"}, {"Konflik", 14, "R"}, {"Bundel", 20, "L"},
	}, 7.5, smallLineH)
	r.cont = "Rekapitulasi Perangkat Daerah"
	t.header()
	for _, o := range r.c.OPDs {
		r.recapRow(t, o)
	}
	r.cont = ""
	r.footnote("Indeks dan predikat dihitung ulang dari jawaban bundel pada katalog; \"OPD: …\" adalah indeks yang dilaporkan " +
		"Perangkat Daerah bila berbeda. ° = tidak dihitung ulang (katalog bundel tidak dikenal): sebagaimana dilaporkan OPD. " +
		"Kunci \"menunggu\": bundel belum final sampai kunci OPD diverifikasi. Konflik: bundel lain OPD itu untuk periode ini " +
		"yang belum diselesaikan; konsolidasi memakai bundel yang diterima. Bundel: urutan ekspor OPD dan tanggal dibuat menurut " +
		"jam komputer OPD.")
	r.recapWarnings()
}

// recapRow is one OPD of the recap; a bundle left out of the
// consolidation (revoked key) is greyed and says so.
func (r *consRenderer) recapRow(t *table, o ConsolidatedOPD) {
	filled := fmt.Sprintf("%d/%d", o.Answered, o.Total)
	if !o.Complete {
		filled += " (sementara)"
	}
	index := opdIndex(o.Index)
	switch {
	case !o.Recomputed:
		index += "°"
	case o.Mismatch:
		index += "\nOPD: " + opdIndex(o.ClaimedIndex)
	}
	key, st := keyStatusWord(o.KeyStatus), rowStyle{}
	if o.Excluded {
		key += "\ntidak dihitung"
		st.color = &colMuted
	}
	conflicts := "–"
	if o.Conflicts > 0 {
		conflicts = fmt.Sprint(o.Conflicts)
	}
	t.row([]string{o.Kode, o.Nama, index, orDash(o.Predicate), filled, key, conflicts,
		fmt.Sprintf("ke-%d\n%s", o.Sequence, createdDate(o.CreatedAt))}, st)
}

// recapWarnings says, below the recap, which OPDs the consolidation left
// out and which still have konflik to settle.
func (r *consRenderer) recapWarnings() {
	if ex := r.c.ExcludedRevoked; len(ex) > 0 {
		r.warning(fmt.Sprintf("PERHATIAN: %d Perangkat Daerah tidak dihitung dalam konsolidasi karena kunci penanda tangan "+
			"bundelnya telah dicabut: %s. Minta bundel baru yang ditandatangani kunci penggantinya.", len(ex), strings.Join(ex, ", ")))
	}
	var open []string
	for _, o := range r.c.OPDs {
		if o.Conflicts > 0 {
			open = append(open, fmt.Sprintf("%s (%d)", o.Kode, o.Conflicts))
		}
	}
	if len(open) > 0 {
		r.warning(fmt.Sprintf("PERHATIAN: konflik belum diselesaikan pada %d Perangkat Daerah: %s. Nilai diambil dari bundel yang "+
			"diterima; selesaikan konflik (Rekap OPD → Selesaikan konflik, atau spbe-mandiri accept) lalu buat ulang laporan ini.",
			len(open), strings.Join(open, ", ")))
	}
}

// warning writes a red-tinted note across the content width.
func (r *consRenderer) warning(s string) {
	r.font("B", 8)
	h := float64(r.lineCount(s, contentW-6))*smallLineH + 3
	r.need(h + 2)
	r.pdf.Ln(1.5)
	y := r.pdf.GetY()
	r.band(y, h, colRedTint, colRed)
	r.text(colRed)
	r.pdf.SetXY(marginX+3, y+1.5)
	r.para(contentW-6, smallLineH, s)
	r.pdf.SetY(y + h)
	r.text(colText)
	r.font("", 9)
}

// indicatorTable lists every indicator with the instansi value, its
// trail and the OPD values behind it.
func (r *consRenderer) indicatorTable() {
	r.pdf.AddPage()
	r.heading("NILAI INSTANSI PER INDIKATOR")
	r.font("", 8)
	r.text(colMuted)
	r.pdf.SetX(marginX)
	r.para(contentW, smallLineH, "Sumber \"ditetapkan\": nilai ditetapkan Tim Asesor Internal; \"usulan\": usulan bawaan dari nilai "+
		"diterima tertinggi. Kolom Nilai OPD: tingkat jawaban Perangkat Daerah, status tinjauan, dan nilai yang diterima (→).")
	r.text(colText)
	r.pdf.Ln(3)
	t := newTable(r.doc, []column{
		{"No.", 8, "L"}, {"Indikator", 54, "L"}, {"Nilai", 12, "C"}, {"Sumber dan jejak", 40, "L"}, {"Nilai OPD", 56, "L"},
	}, 7.5, smallLineH)
	section := ""
	for i, in := range r.c.Indicators {
		if s := sectionOf(in); s != section || i == 0 {
			section = s
			r.sectionBand(t, s)
		}
		r.cont = "Nilai instansi per indikator — " + section
		st := rowStyle{}
		if in.Value == "" {
			st.color = &colMuted
		}
		t.row([]string{fmt.Sprint(in.Number), in.Name, decimal(in.Value), r.trail(in), r.candidates(in)}, st)
	}
	r.cont = ""
}

// sectionOf is the aspect heading of an indicator, with its domain.
func sectionOf(in ConsolidatedIndicator) string {
	if in.Domain == "" {
		return orDash(in.Aspect)
	}
	return in.Domain + " — " + in.Aspect
}

// sectionBand starts the indicators of an aspect: a shaded title line and
// the table header, kept together with at least one row.
func (r *consRenderer) sectionBand(t *table, s string) {
	r.font("B", 8.5)
	h := float64(r.lineCount(s, contentW-4))*lineH + 2
	r.need(h + 22)
	r.pdf.Ln(1.5)
	y := r.pdf.GetY()
	r.band(y, h, colShade, colNavy)
	r.text(colNavy)
	r.pdf.SetXY(marginX+3, y+1)
	r.para(contentW-4, lineH, s)
	r.pdf.SetY(y + h)
	r.text(colText)
	r.cont = "Nilai instansi per indikator — " + s
	t.header()
}

// trail says where the value came from: source, OPD, who set it and
// when, the note and the responsible OPDs.
func (r *consRenderer) trail(in ConsolidatedIndicator) string {
	var lines []string
	switch in.Source {
	case assessment.SourceSettled:
		lines = append(lines, "Ditetapkan asesor")
	case assessment.SourceProposal:
		lines = append(lines, "Usulan bawaan")
	default:
		lines = append(lines, "Belum bernilai")
	}
	if in.FromOPD != "" {
		lines = append(lines, "dari "+in.FromOPD)
	}
	if in.SetBy != "" || !in.SetAt.IsZero() {
		s := "oleh " + orDash(in.SetBy)
		if !in.SetAt.IsZero() {
			s += ", " + tanggal(in.SetAt)
		}
		lines = append(lines, s)
	}
	if n := strings.TrimSpace(in.Note); n != "" {
		lines = append(lines, "Catatan: "+n)
	}
	if len(in.Responsible) > 0 {
		lines = append(lines, "Penanggung jawab: "+strings.Join(in.Responsible, ", "))
	}
	return strings.Join(lines, "\n")
}

// compactCandidates is the most candidates listed one per line; beyond
// it the cell groups OPDs with the same answer so it wraps compactly.
const compactCandidates = 12

// candidates lists every responsible OPD's level, review and accepted value.
func (r *consRenderer) candidates(in ConsolidatedIndicator) string {
	if len(in.Candidates) == 0 {
		return "—"
	}
	if len(in.Candidates) > compactCandidates {
		return groupedCandidates(in.Candidates)
	}
	var lines []string
	for _, k := range in.Candidates {
		lines = append(lines, k.OPDKode+": "+candidateState(k))
	}
	return strings.Join(lines, "\n")
}

// candidateState is an OPD's level, review status and accepted value:
// "tingkat 3, diterima → 3".
func candidateState(k ConsolidatedCandidate) string {
	s := "belum diisi"
	if k.Level != 0 {
		s = fmt.Sprintf("tingkat %d", k.Level)
	}
	switch k.ReviewStatus {
	case "":
		if k.Level != 0 {
			s += ", belum ditinjau"
		}
	default:
		s += ", " + k.ReviewStatus
	}
	if k.Value != "" {
		s += " → " + decimal(k.Value)
	}
	return s
}

// groupedCandidates lists many candidates by answer, one paragraph each:
// "tingkat 3, diterima → 3 (45 OPD): A, B, …". Answers with an accepted
// value come first, highest first (the proposal's group leads); then the
// others in the order they first appear.
func groupedCandidates(cands []ConsolidatedCandidate) string {
	type group struct {
		state string
		value *big.Rat
		first int
		opds  []string
	}
	var groups []*group
	byState := map[string]*group{}
	for i, k := range cands {
		st := candidateState(k)
		g := byState[st]
		if g == nil {
			g = &group{state: st, first: i}
			if v, ok := new(big.Rat).SetString(k.Value); ok && k.Value != "" {
				g.value = v
			}
			byState[st] = g
			groups = append(groups, g)
		}
		g.opds = append(g.opds, k.OPDKode)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if (a.value != nil) != (b.value != nil) {
			return a.value != nil
		}
		if a.value != nil && a.value.Cmp(b.value) != 0 {
			return a.value.Cmp(b.value) > 0
		}
		return a.first < b.first
	})
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = fmt.Sprintf("%s (%d OPD): %s", g.state, len(g.opds), strings.Join(g.opds, "; "))
	}
	return strings.Join(parts, "\n")
}

// closing draws the statement and the signature block of the team.
func (r *consRenderer) closing() {
	c := r.c
	r.need(95)
	r.pdf.Ln(6)
	r.heading("PENGESAHAN")
	r.font("", 9)
	r.pdf.SetX(marginX)
	r.para(contentW, lineH, "Tim Asesor Internal menyatakan bahwa nilai instansi dalam laporan konsolidasi ini disusun dari bundel "+
		"Perangkat Daerah yang diterima dan hasil tinjauan yang tercatat di ruang kerja asesor.")
	r.pdf.Ln(3)
	result := "— (belum ada indikator bernilai)"
	if c.Index != nil {
		result = assessment.FormatDecimal(c.Index) + " — " + orDash(c.Predicate)
		if c.Complete {
			result += fmt.Sprintf(" (seluruh %d indikator bernilai)", c.Total)
		} else {
			result += fmt.Sprintf(" (SEMENTARA: %d dari %d indikator bernilai)", c.Answered, c.Total)
		}
	}
	r.kv(42, "Indeks instansi", result, "B")
	r.pdf.Ln(6)
	r.signatures(
		// The team leader signs the printout by hand; the electronic
		// signature is the assessor key's (Signer).
		signatory{above: []string{"", "Disusun oleh,", "Ketua Tim Asesor Internal"}, nip: blankNIP},
		signatory{above: []string{blankDate, "Mengetahui,", "Koordinator SPBE " + orDash(c.Instansi)},
			nip: blankNIP, hint: "(tanda tangan dan cap dinas)"})
}

// footnote writes a small muted note below a table.
func (r *consRenderer) footnote(s string) {
	r.font("", 7.5)
	r.text(colMuted)
	r.pdf.Ln(1)
	r.pdf.SetX(marginX)
	r.para(contentW, smallLineH, s)
	r.text(colText)
	r.font("", 9)
}

// opdIndex shows an OPD's index ("2.95") with two decimals and a comma.
func opdIndex(s string) string {
	x, ok := new(big.Rat).SetString(s)
	if s == "" || !ok {
		return "–"
	}
	return assessment.FormatDecimal(x)
}

// keyStatusWord is the Bahasa Indonesia word for a key status.
func keyStatusWord(s string) string {
	switch s {
	case "pending":
		return "menunggu"
	case "verified":
		return "terverifikasi"
	case "revoked":
		return "dicabut"
	}
	return orDash(s)
}

// createdDate shows the date part of an RFC 3339 time as the OPD wrote it
// (its clock and zone, display only).
func createdDate(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		var y, m, d int
		if _, err := fmt.Sscanf(s[:10], "%d-%d-%d", &y, &m, &d); err == nil && m >= 1 && m <= 12 {
			return fmt.Sprintf("%d %s %d", d, months[m-1][:3], y)
		}
	}
	return orDash(s)
}
