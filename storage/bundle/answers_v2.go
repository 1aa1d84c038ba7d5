package bundle

import (
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// checkV2Fields checks the fields answers.json format version 2 added: a
// version-1 file must not carry them; in version 2 every item code is
// well-formed, belongs to the answer's indicator, and a link's codes are
// sorted and unique; an external score is a plain decimal with a point
// and its year 0 or 2000–2100. Whether a code exists in the catalog is
// the importer's business (the verifier has no catalog).
func checkV2Fields(ans Answer, version int) error {
	bad := func(format string, args ...any) error { return fail(EntryAnswers, CheckAnswers, format, args...) }
	if version < AnswersFormatVersionV2 {
		if ans.External != nil {
			return bad("indikator %d: skor eksternal hanya boleh pada format versi 2", ans.Indicator)
		}
		for _, l := range ans.Evidence {
			if l.Items != nil {
				return bad("indikator %d: butir bukti hanya boleh pada format versi 2", ans.Indicator)
			}
		}
		return nil
	}
	for _, l := range ans.Evidence {
		if err := checkItems(ans.Indicator, l.Items); err != nil {
			return err
		}
	}
	if e := ans.External; e != nil {
		if !assessment.WellFormedScore(e.Score) {
			return bad("indikator %d: skor eksternal %.20q bukan angka desimal biasa", ans.Indicator, e.Score)
		}
		if e.Year != 0 && (e.Year < assessment.MinExternalYear || e.Year > assessment.MaxExternalYear) {
			return bad("indikator %d: tahun skor eksternal %d tidak masuk akal", ans.Indicator, e.Year)
		}
	}
	return nil
}

// checkItems checks one link's item codes.
func checkItems(indicator int, items []string) error {
	if items != nil && len(items) == 0 {
		return fail(EntryAnswers, CheckAnswers, "indikator %d: daftar butir kosong (tulis tanpa \"items\")", indicator)
	}
	for i, code := range items {
		n, _, _, ok := assessment.ParseItemCode(code)
		switch {
		case !ok:
			return fail(EntryAnswers, CheckAnswers, "indikator %d: %.20q bukan kode butir bukti", indicator, code)
		case n != indicator:
			return fail(EntryAnswers, CheckAnswers, "indikator %d: butir %s milik indikator lain", indicator, code)
		case i > 0 && items[i-1] >= code:
			return fail(EntryAnswers, CheckAnswers, "indikator %d: butir %s tidak terurut atau ganda", indicator, code)
		}
	}
	return nil
}
