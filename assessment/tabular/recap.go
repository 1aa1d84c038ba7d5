package tabular

import (
	"io"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// WriteRecapCSV writes the recap as `recap --csv` does; the GUI's recap
// export writes the same bytes. Columns are only ever appended.
func WriteRecapCSV(out io.Writer, rows []assessment.RecapRow) error {
	w := newCSVWriter(out)
	w.Write([]string{"kode", "nama", "instansi", "periode", "indeks", "predikat", "lengkap", "dijawab", "total",
		"status_kunci", "keyid", "nomor_urut", "bundle_id", "dibuat", "diimpor", "versi", "konflik",
		"dihitung_ulang", "indeks_opd", "predikat_opd", "indeks_berbeda"})
	for _, r := range rows {
		w.Write([]string{r.OPDKode, r.OPDNama, r.Instansi, strconv.Itoa(r.Periode), r.Index, r.Predicate,
			strconv.FormatBool(r.Complete), strconv.Itoa(r.Answered), strconv.Itoa(r.Total), string(r.KeyStatus), r.KeyID,
			strconv.FormatUint(r.Sequence, 10), r.BundleID, r.CreatedAt, r.Imported.UTC().Format("2006-01-02T15:04:05Z"),
			strconv.Itoa(r.Versions), strconv.Itoa(r.Conflicts),
			strconv.FormatBool(r.Recomputed), r.ClaimedIndex, r.ClaimedPredicate, strconv.FormatBool(r.IndexMismatch)})
	}
	w.Flush()
	return w.Error()
}
