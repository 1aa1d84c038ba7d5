package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// pemdiAt opens a new Pemdi 2026 assessment on indicator n.
func pemdiAt(t *testing.T, n int) (*harness, *questionnaire) {
	t.Helper()
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	q.goTo(n)
	return h, q
}

// The indicator screen lists the items up to the chosen level with their
// state, warns of the portal's cascade, and a new file is attached to the
// items picked — by default those of the chosen level without a file.
func TestItemsListPickAndCascadeWarning(t *testing.T) {
	h, q := pemdiAt(t, 4)
	p := q.pane.items
	if p == nil {
		t.Fatal("no items panel on Pemdi I4")
	}
	if got := texts(p.view()); !hasText(got, "I4-L1-01 · belum") || hasText(got, "I4-L2-01") {
		t.Errorf("before a level: %q", got)
	}
	q.pickLevel(2)
	h.wait()
	got := texts(p.view())
	for _, want := range []string{"Butir bukti sampai level 2", "I4-L1-02 · belum", "I4-L2-02 · belum",
		"Level 2 diklaim, tetapi I4-L1-01 belum ada bukti — portal akan menolak otomatis level 2"} {
		if !hasText(got, want) {
			t.Errorf("level 2 chosen: no %q in %q", want, got)
		}
	}
	if picked := p.picked(); !cmp.Equal(picked, []string{"I4-L2-01", "I4-L2-02"}) {
		t.Errorf("default pick %v, want the level-2 items", picked)
	}
	p.pickItems([]string{"I4-L1-01", "I4-L1-02", "I4-L1-03"})
	h.files.queue = append(h.files.queue, memFile("SK Tim Koordinasi.pdf", []byte("%PDF-1.4 sk")))
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	ev := h.evidence(q.s.a.ID)
	if len(ev) != 1 || !cmp.Equal(ev[0].Items, []string{"I4-L1-01", "I4-L1-02", "I4-L1-03"}) || ev[0].Level != 1 {
		t.Fatalf("stored evidence %+v", ev)
	}
	got = texts(p.view())
	if !hasText(got, "I4-L1-01 · ada · SK Tim Koordinasi.pdf") || !hasText(got, "I4-L1-03 · ada") {
		t.Errorf("after the file: %q", got)
	}
	// Level 1 complete: the warning now names the claimed level's own gap.
	if !hasText(got, "Level 2 diklaim, tetapi I4-L2-01 belum ada bukti") || hasText(got, "menolak otomatis") {
		t.Errorf("warning after level 1 is covered: %q", got)
	}
	if !hasText(texts(q.pane.evidence.rows), "butir I4-L1-01, I4-L1-02, I4-L1-03") {
		t.Errorf("the file's row does not name its items: %q", texts(q.pane.evidence.rows))
	}
}

// An attached file's items can be changed afterwards.
func TestEditItemsOfAFile(t *testing.T) {
	h, q := pemdiAt(t, 4)
	q.pickLevel(1)
	h.files.queue = append(h.files.queue, memFile("notulen.pdf", []byte("notulen")))
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	ev := h.evidence(q.s.a.ID)[0]
	if !cmp.Equal(ev.Items, []string{"I4-L1-01", "I4-L1-02", "I4-L1-03"}) {
		t.Fatalf("default items of the first file: %v", ev.Items)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{q.pane.evidence.rows}, "Butir…"))
	g := q.pane.evidence.itemsGroup
	if g == nil || len(g.Options) != 5 || len(g.Selected) != 3 {
		t.Fatalf("item dialog: %+v", g)
	}
	g.SetSelected([]string{g.Options[2]}) // I4-L1-03
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Canvas().Overlays().Top()}, "Simpan"))
	h.wait()
	if got := h.evidence(q.s.a.ID)[0].Items; !cmp.Equal(got, []string{"I4-L1-03"}) {
		t.Errorf("edited items %v", got)
	}
	if got := texts(q.pane.items.view()); !hasText(got, "I4-L1-01 · belum") || !hasText(got, "I4-L1-03 · ada") {
		t.Errorf("panel after the edit: %q", got)
	}
	changes, _ := h.st.History(t.Context(), q.s.a.ID, 4)
	if last := changes[len(changes)-1]; last.Field != assessment.FieldEvidence || !strings.Contains(last.New, "butir: I4-L1-03") {
		t.Errorf("history %+v", last)
	}
}

// The navigator and the checklist name the missing items and the levels
// the portal would reject.
func TestNavigatorAndChecklistNameMissingItems(t *testing.T) {
	h, q := pemdiAt(t, 4)
	q.pickLevel(3)
	h.files.queue = append(h.files.queue, memFile("sk.pdf", []byte("sk")))
	// I4-L3-00: level 3 has no official item; the file attached for it is
	// stored at level 3 with only the official codes.
	q.pane.items.pickItems([]string{"I4-L1-01", "I4-L1-03", "I4-L2-01", "I4-L2-02", "I4-L3-00"})
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	if ev := q.s.evidenceOf(4); len(ev) != 1 || ev[0].Level != 3 || slices.Contains(ev[0].Items, "I4-L3-00") {
		t.Fatalf("stored evidence %+v", ev)
	}
	if got := q.nav.label(indicatorUID(4)); !strings.HasPrefix(got, "4. (kurang I4-L1-02) ") {
		t.Errorf("navigator label %q", got)
	}
	var items, cascade *check
	checks := q.s.checklist()
	for i := range checks {
		switch checks[i].key {
		case "check.items":
			items = &checks[i]
		case "check.cascade":
			cascade = &checks[i]
		}
	}
	if items == nil || cascade == nil {
		t.Fatalf("checklist %+v", checks)
	}
	if !slices.Contains(items.indicators, 4) || items.details[4] != "belum ada bukti: I4-L1-02" {
		t.Errorf("items rule %+v", items)
	}
	want := "Level 3 diklaim, tetapi I4-L1-02 belum ada bukti — portal akan menolak otomatis level 2 dan 3"
	if !slices.Contains(cascade.indicators, 4) || cascade.details[4] != want {
		t.Errorf("cascade rule %+v, want %q", cascade, want)
	}
	test.Tap(q.dashBtn)
	if !hasText(linkTexts(q.dash.checklist), "4. Tingkat Kematangan Kolaborasi Pemerintah Digital — "+want) {
		t.Errorf("dashboard does not show the cascade warning: %q", linkTexts(q.dash.checklist))
	}
}

// linkTexts are the texts of the hyperlinks under o.
func linkTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Hyperlink); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// When the catalog lists no items for the chosen level (Pemdi I4 has
// items for levels 1 and 2 only), the picker ticks the lowest level's
// missing items instead of nothing.
func TestPickerDefaultFallsBackToTheGap(t *testing.T) {
	h, q := pemdiAt(t, 4)
	q.pickLevel(3)
	h.wait()
	// Level 3 has no official item: the picker ticks its synthetic item.
	if got := q.pane.items.picked(); !cmp.Equal(got, []string{"I4-L3-00"}) {
		t.Errorf("default pick at level 3: %v", got)
	}
}
