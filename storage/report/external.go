package report

import (
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// externalScore is the value field of an indicator valued by another
// agency's index: no level was picked, the agency's score (or its absence,
// which the evaluator takes as 1) stands instead of "BELUM DIISI".
func (r *renderer) externalScore(in assessment.Indicator, e *assessment.ExternalScore) {
	r.field("Nilai", func(w float64) {
		r.font("B", 9)
		r.para(w, lineH, externalText(*in.ValuedBy, e))
	})
}

// externalText is "Indeks SDI 25 (2025) → nilai konversi 2,00", or
// "Indeks SDI: skor belum diisi → dinilai 1,00 (asumsi KemenPANRB)".
func externalText(vb assessment.ValuedBy, e *assessment.ExternalScore) string {
	v, assumed, err := assessment.ExternalValue(vb, e)
	switch {
	case assumed:
		return fmt.Sprintf("%s (%s): skor belum diisi → dinilai %s (asumsi KemenPANRB)", vb.Index, vb.Agency, assessment.FormatDecimal(v))
	case err != nil:
		return fmt.Sprintf("%s (%s): skor %s (konversi tidak tersedia di katalog)", vb.Index, vb.Agency, assessment.FormatExternal(e))
	}
	return fmt.Sprintf("%s (%s): skor %s → nilai konversi %s", vb.Index, vb.Agency, assessment.FormatExternal(e), assessment.FormatDecimal(v))
}
