package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// An externally valued indicator has no level cards and no evidence
// demand; the agency's score is typed with its year, the converted value
// shows as it is typed, and it is saved.
func TestExternalScorePanel(t *testing.T) {
	h, q := pemdiAt(t, 5)
	p := q.pane.external
	if p == nil {
		t.Fatal("no agency-score panel on Pemdi I5")
	}
	if q.pane.items != nil {
		t.Error("items panel on an externally valued indicator")
	}
	view := texts(q.pane.view())
	if !hasText(view, "Dinilai dari Indeks Satu Data Indonesia (SDI)") || !hasText(view, "kosong → dinilai 1,00 (asumsi KemenPANRB)") {
		t.Errorf("panel before a score: %q", view)
	}
	if hasText(view, "Pilih level") {
		t.Errorf("level cards shown: %q", view)
	}
	if st := q.s.status(5); st != statusDone {
		t.Errorf("status %v, want done: nothing is demanded", st)
	}
	test.Type(p.score, "25")
	if p.result.Text != "Nilai konversi: 2,00" {
		t.Errorf("live result %q", p.result.Text)
	}
	// The dashboard's index counts the converted value (2,00), not 1.
	if sc := q.s.score(); sc.Answered != 1 || assessment.FormatDecimal(sc.Extrapolated) != "2,00" {
		t.Errorf("score after the agency score: answered %d, mean %s", sc.Answered, assessment.FormatDecimal(sc.Extrapolated))
	}
	test.Type(p.year, "2025")
	h.u.Flush()
	h.wait()
	if got := h.answer(q.s.a.ID, 5).External; !cmp.Equal(got, &assessment.ExternalScore{Score: "25", Year: 2025}) {
		t.Errorf("stored %+v", got)
	}
	q.pane.history.load()
	h.wait()
	if got := texts(q.pane.history.rows); !hasText(got, "skor instansi lain: (kosong) → 25 (2025)") {
		t.Errorf("history view %q", got)
	}
	p.score.SetText("68,75")
	if p.result.Text != "Nilai konversi: 3,75" {
		t.Errorf("68,75 gives %q", p.result.Text)
	}
	p.score.SetText("120")
	h.u.Flush()
	h.wait()
	if got := h.answer(q.s.a.ID, 5).External; got == nil || got.Score != "68.75" {
		t.Errorf("an off-scale score replaced the stored one: %+v", got)
	}
	if p.result.Importance == 0 || !hasText([]string{p.result.Text}, "di luar skala") {
		t.Errorf("off-scale result %q", p.result.Text)
	}
	p.score.SetText("")
	p.year.SetText("")
	h.u.Flush()
	h.wait()
	if got := h.answer(q.s.a.ID, 5).External; got != nil {
		t.Errorf("cleared field left %+v", got)
	}
	if p.result.Text != "kosong → dinilai 1,00 (asumsi KemenPANRB)" {
		t.Errorf("cleared result %q", p.result.Text)
	}
	changes, _ := h.st.History(t.Context(), q.s.a.ID, 5)
	if len(changes) == 0 || changes[0].Field != assessment.FieldExternal {
		t.Errorf("history %+v", changes)
	}
}

// The completeness rules demand neither a level nor evidence of I5, I6,
// I7 and I18.
func TestExternalIndicatorsNotDemanded(t *testing.T) {
	_, q := pemdiAt(t, 1)
	for _, c := range q.s.checklist() {
		for _, n := range []int{5, 6, 7, 18} {
			if slices.Contains(c.indicators, n) {
				t.Errorf("rule %s lists externally valued I%d", c.key, n)
			}
		}
	}
	if got := q.s.unfinished(); got != 16 {
		t.Errorf("unfinished %d, want 16", got)
	}
}
