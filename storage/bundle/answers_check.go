package bundle

import (
	"math/big"
	"regexp"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// parseAnswers decodes answers.json strictly and checks it against the
// manifest: same catalog, OPD and periode; every evidence link names a
// listed evidence file with its hash; every evidence file is linked.
func parseAnswers(raw []byte, v *Verified, lim Limits) error {
	a := &v.Answers
	if err := strictjson.UnmarshalLimited(raw, a, lim.MaxAnswerElements); err != nil {
		return failErr(EntryAnswers, CheckJSON, err)
	}
	m := &v.Manifest
	bad := func(format string, args ...any) error { return fail(EntryAnswers, CheckAnswers, format, args...) }
	switch {
	case a.Format != AnswersFormat || (a.FormatVersion != AnswersFormatVersion && a.FormatVersion != AnswersFormatVersionV2):
		return bad("format %q versi %d tidak didukung", a.Format, a.FormatVersion)
	case a.Catalog != m.Catalog:
		return bad("katalog berbeda dengan manifest")
	case a.Profile.OPDKode != m.OPD.Kode || a.Profile.OPDNama != m.OPD.Nama || a.Profile.Instansi != m.Instansi:
		return bad("OPD/instansi berbeda dengan manifest")
	case a.Assessment.Periode != m.Periode:
		return bad("periode %d berbeda dengan manifest (%d)", a.Assessment.Periode, m.Periode)
	}
	if err := checkLinks(a, m); err != nil {
		return err
	}
	return checkScore(a.Score)
}

func checkLinks(a *Answers, m *Manifest) error {
	evidence := map[string]string{} // path → sha256
	for _, f := range m.Files {
		if f.Role == RoleEvidence {
			evidence[f.Path] = f.SHA256
		}
	}
	linked := map[string]bool{}
	for i, ans := range a.Answers {
		if ans.Indicator < 1 || (i > 0 && a.Answers[i-1].Indicator >= ans.Indicator) {
			return fail(EntryAnswers, CheckAnswers, "indikator %d tidak terurut atau ganda", ans.Indicator)
		}
		if err := checkAnswer(ans, evidence, linked); err != nil {
			return err
		}
		if err := checkV2Fields(ans, a.FormatVersion); err != nil {
			return err
		}
	}
	for _, f := range m.Files {
		if f.Role == RoleEvidence && !linked[f.Path] {
			return fail(f.Path, CheckAnswers, "berkas bukti tidak ditautkan ke jawaban mana pun")
		}
	}
	return nil
}

// checkAnswer checks one answer's level and evidence links, marking the
// linked files.
func checkAnswer(ans Answer, evidence map[string]string, linked map[string]bool) error {
	if ans.Level < 0 || ans.Level > 5 {
		return fail(EntryAnswers, CheckAnswers, "indikator %d: level %d di luar 0–5", ans.Indicator, ans.Level)
	}
	for _, l := range ans.Evidence {
		if sha, ok := evidence[l.Path]; !ok || sha != l.SHA256 {
			return fail(EntryAnswers, CheckAnswers, "indikator %d: bukti %q tidak ada di manifest", ans.Indicator, l.Path)
		}
		if l.Level < 0 || l.Level > 5 {
			return fail(EntryAnswers, CheckAnswers, "indikator %d: level bukti %d di luar 0–5", ans.Indicator, l.Level)
		}
		linked[l.Path] = true
	}
	return nil
}

func checkScore(s Score) error {
	if s.Answered < 0 || s.Answered > s.Total || (s.Complete && s.Answered != s.Total) {
		return fail(EntryAnswers, CheckAnswers, "skor: jumlah terjawab %d dari %d tidak konsisten", s.Answered, s.Total)
	}
	if s.Index == "" {
		return nil
	}
	// big.Rat alone would take "1e1000000" (and spend seconds and
	// megabytes on it), "5/2" or "0x1p1": only the writer's form is read.
	if !indexPattern.MatchString(s.Index) {
		return fail(EntryAnswers, CheckAnswers, "skor: indeks %.20q bukan desimal dengan 4 angka di belakang titik", s.Index)
	}
	if v, _ := new(big.Rat).SetString(s.Index); v.Cmp(big.NewRat(1, 1)) < 0 || v.Cmp(big.NewRat(5, 1)) > 0 {
		return fail(EntryAnswers, CheckAnswers, "skor: indeks %s di luar 1–5", s.Index)
	}
	return nil
}

// indexPattern is score.index as the writer emits it (FloatString(4) of an
// index between 1 and 5).
var indexPattern = regexp.MustCompile(`^[0-9]\.[0-9]{4}$`)
