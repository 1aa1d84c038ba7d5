package sheet

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Sheet names, one per view (Excel allows at most 31 characters).
const (
	SheetRecap         = "Rekap OPD"
	SheetConsolidation = "Konsolidasi"
	SheetReview        = "Tinjauan"
	SheetSummary       = "Ringkasan"
)

// RecapHeaders are the columns of the "Rekap OPD" sheet (docs/asesor.md).
var RecapHeaders = []string{"Kode OPD", "Nama OPD", "Periode", "Indeks", "Predikat", "Lengkap", "Dijawab",
	"Jumlah indikator", "Status kunci", "Nomor urut", "Dibuat (jam OPD)", "Diimpor", "Versi", "Konflik",
	"Dihitung ulang", "Indeks menurut OPD", "Predikat menurut OPD", "Indeks berbeda", "Catatan", "ID kunci", "ID bundel"}

// WriteRecap writes the recap of OPDs, one row per OPD and periode, as a
// workbook with the one sheet "Rekap OPD".
func WriteRecap(out io.Writer, rows []assessment.RecapRow) error {
	t := table{name: SheetRecap, headers: RecapHeaders, keyCol: true}
	for _, r := range rows {
		t.rows = append(t.rows, []cell{text(r.OPDKode), text(r.OPDNama), integer(r.Periode), decimal(r.Index),
			text(r.Predicate), yesNo(r.Complete), integer(r.Answered), integer(r.Total), text(keyStatus(r.KeyStatus)),
			integer(r.Sequence), text(r.CreatedAt), when(r.Imported), integer(r.Versions),
			integer(r.Conflicts), yesNo(r.Recomputed), decimal(r.ClaimedIndex), text(r.ClaimedPredicate),
			yesNo(r.IndexMismatch), text(recapNote(r)), text(r.KeyID), text(r.BundleID)})
	}
	return write(out, "Rekap OPD", t)
}

// recapNote is what needs the assessor's attention in a row.
func recapNote(r assessment.RecapRow) string {
	var notes []string
	if r.IndexMismatch {
		notes = append(notes, "PERIKSA: indeks menurut OPD berbeda dengan hitungan katalog")
	}
	if r.Conflicts > 0 {
		notes = append(notes, fmt.Sprintf("%d konflik belum diselesaikan", r.Conflicts))
	}
	return strings.Join(notes, "; ")
}

// ConsolidationHeaders are the columns of the "Konsolidasi" sheet.
var ConsolidationHeaders = []string{"Indikator", "Nama indikator", "Nilai", "Sumber", "OPD asal", "Penanggung jawab",
	"Usulan OPD", "Catatan", "Ditetapkan oleh", "Ditetapkan pada", "OPD tidak dihitung", "Bundel asal"}

// WriteConsolidation writes the instansi's assessment of a periode: the
// sheet "Konsolidasi" (one row per indicator) and "Ringkasan" (index,
// predicate, completeness). cat names the indicators; nil leaves the
// names out.
func WriteConsolidation(out io.Writer, cv assessment.ConsolidationView, cat *assessment.Catalog) error {
	t := table{name: SheetConsolidation, headers: ConsolidationHeaders, keyCol: true}
	for _, r := range cv.Rows {
		resp := "semua OPD"
		if len(r.Responsible) > 0 {
			resp = strings.Join(r.Responsible, ", ")
		}
		t.rows = append(t.rows, []cell{integer(r.Indicator), text(indicatorName(cat, r.Indicator)), decimal(r.Value),
			text(r.Source), text(r.FromOPD), text(resp), text(candidates(r.Candidates)), text(r.Note), text(r.SetBy),
			when(r.SetAt), text(strings.Join(excludedFor(r, cv.ExcludedRevoked), ", ")), text(r.FromBundle)})
	}
	s := cv.Score
	state := "lengkap"
	if !s.Complete {
		state = "sementara"
	}
	sum := summary(
		item{"Periode", integer(cv.Periode)},
		item{"Katalog", text(strings.TrimSpace(cv.CatalogID + " " + cv.CatalogVersion))},
		item{"Indeks instansi", rat(s.Index)},
		item{"Predikat", text(s.Predicate)},
		item{"Status indeks", text(state)},
		item{"Indikator bernilai", integer(s.Answered)},
		item{"Jumlah indikator", integer(s.Total)},
		item{"OPD tidak dihitung (kunci dicabut)", text(strings.Join(cv.ExcludedRevoked, ", "))},
	)
	return write(out, fmt.Sprintf("Konsolidasi %d", cv.Periode), t, sum)
}

// candidates lists each responsible OPD's contribution, one per line.
func candidates(list []assessment.ConsolidationCandidate) string {
	lines := make([]string, 0, len(list))
	for _, k := range list {
		s := k.OPDKode + ": "
		if k.Level > 0 {
			s += fmt.Sprintf("tingkat %d", k.Level)
		} else {
			s += "tidak menjawab"
		}
		if k.Value != "" {
			s += ", nilai " + strings.Replace(k.Value, ".", ",", 1)
		}
		if k.ReviewStatus != "" {
			s += " (" + k.ReviewStatus + ")"
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

// excludedFor are the OPDs left out (revoked key) that would have been
// candidates for row r: all of them when every OPD answers it, else those
// among its responsible OPDs (as the CSV's opd_tidak_dihitung).
func excludedFor(r assessment.ConsolidationRow, excluded []string) []string {
	if len(r.Responsible) == 0 {
		return excluded
	}
	var out []string
	for _, k := range excluded {
		if slices.Contains(r.Responsible, k) {
			out = append(out, k)
		}
	}
	return out
}

// ReviewHeaders are the columns of the "Tinjauan" sheet.
var ReviewHeaders = []string{"Indikator", "Nama indikator", "Dijawab", "Tingkat OPD", "Penjelasan OPD", "Bukti dukung",
	"Jumlah bukti", "Nilai", "Status", "Alasan", "Catatan", "Keputusan tercatat"}

// WriteReview writes the review of one bundle: the sheet "Tinjauan" (one
// row per indicator: the OPD's answer beside the assessor's decision) and
// "Ringkasan" (which OPD, periode and bundle). cat names the indicators;
// nil leaves the names out.
func WriteReview(out io.Writer, b assessment.ReviewBundle, items []assessment.ReviewItem, cat *assessment.Catalog) error {
	t := table{name: SheetReview, headers: ReviewHeaders, keyCol: true}
	for _, it := range items {
		status := it.Status
		if !it.Reviewed {
			status = "belum ditelaah"
		}
		t.rows = append(t.rows, []cell{integer(it.Indicator), text(indicatorName(cat, it.Indicator)), yesNo(it.Answered),
			level(it.Level), text(it.Justification), text(evidence(it.Evidence)), integer(len(it.Evidence)),
			decimal(it.Value), text(status), text(it.Reason), text(it.Note), integer(it.Revisions)})
	}
	sum := summary(
		item{"Kode OPD", text(b.OPDKode)},
		item{"Nama OPD", text(b.OPDNama)},
		item{"Periode", integer(b.Periode)},
		item{"Nomor urut", integer(b.Sequence)},
		item{"Status bundel", text(bundleStatus(b.Status))},
		item{"Status kunci", text(keyStatus(b.KeyStatus))},
		item{"Indeks", decimal(b.Index)},
		item{"Predikat", text(b.Predicate)},
		item{"Dibuat (jam OPD)", text(b.CreatedAt)},
		item{"Diimpor", when(b.Imported)},
		item{"ID bundel", text(b.BundleID)},
	)
	if items := itemTable(items); items != nil {
		return write(out, fmt.Sprintf("Tinjauan %s %d", b.OPDKode, b.Periode), t, sum, *items)
	}
	return write(out, fmt.Sprintf("Tinjauan %s %d", b.OPDKode, b.Periode), t, sum)
}

// evidence lists the evidence files, one per line.
func evidence(list []assessment.ReviewEvidence) string {
	lines := make([]string, 0, len(list))
	for _, e := range list {
		lines = append(lines, fmt.Sprintf("%s (tingkat %d)", e.Name, e.Level))
	}
	return strings.Join(lines, "\n")
}

// item is one line of a summary sheet.
type item struct {
	label string
	value cell
}

// summary is a two-column sheet "Ringkasan" of labelled values.
func summary(items ...item) table {
	t := table{name: SheetSummary, headers: []string{"Butir", "Isi"}}
	for _, it := range items {
		t.rows = append(t.rows, []cell{text(it.label), it.value})
	}
	return t
}

func indicatorName(cat *assessment.Catalog, n int) string {
	if cat == nil {
		return ""
	}
	in, _ := cat.Indicator(n)
	return in.Name
}

// keyStatus is a key state in the words of the screens.
func keyStatus(s assessment.KeyStatus) string {
	switch s {
	case assessment.KeyPending:
		return "menunggu verifikasi"
	case assessment.KeyVerified:
		return "terverifikasi"
	case assessment.KeyRevoked:
		return "dicabut"
	}
	return string(s)
}

// bundleStatus is a stored bundle's state in Indonesian.
func bundleStatus(s string) string {
	switch s {
	case "accepted":
		return "diterima"
	case "superseded":
		return "digantikan"
	case "conflict":
		return "konflik"
	}
	return s
}
