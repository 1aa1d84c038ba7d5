package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The main flow: create an assessment, pick a level, type a justification,
// add evidence, navigate, see the dashboard change — and what the store holds.
func TestMainFlow(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	id := q.s.a.ID
	if q.s.a.Periode != 2025 || q.s.cat.ID != "spbe-2020" {
		t.Fatalf("created %+v on %s", q.s.a, q.s.cat.ID)
	}
	if q.current != 1 {
		t.Fatalf("first indicator shown = %d, want 1", q.current)
	}

	test.Tap(q.pane.levels.buttons[2]) // level 3
	h.wait()
	if got := h.answer(id, 1).Level; got != 3 {
		t.Fatalf("stored level = %d, want 3", got)
	}

	test.Type(q.pane.just.entry, "FAKTA: Perbup 12/2023")
	if got := h.answer(id, 1).Justification; got != "" {
		t.Fatalf("saved before the pause: %q", got)
	}
	h.files.queue = append(h.files.queue, memFile("Indikator1-Perbup.pdf", []byte("%PDF-1.4 bukti")))
	q.pane.evidence.level.SetSelectedIndex(3)
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	ev := h.evidence(id)
	if len(ev) != 1 || ev[0].OriginalName != "Indikator1-Perbup.pdf" || ev[0].Level != 3 || ev[0].Indicator != 1 {
		t.Fatalf("stored evidence = %+v", ev)
	}
	if got := q.pane.evidence.title.Text; !strings.Contains(got, "1") {
		t.Errorf("evidence title = %q", got)
	}

	test.Tap(q.pane.next) // navigation saves the text
	h.wait()
	if got := h.answer(id, 1).Justification; got != "FAKTA: Perbup 12/2023" {
		t.Fatalf("stored justification = %q", got)
	}
	if q.current != 2 {
		t.Fatalf("after next, current = %d", q.current)
	}
	if got := h.u.status.text(); got != "Tersimpan 10.42" {
		t.Errorf("status line = %q, want Tersimpan 10.42", got)
	}
	if st := q.s.status(1); st != statusDone {
		t.Errorf("status of indicator 1 = %v, want done", st)
	}

	test.Tap(q.dashBtn)
	if got := q.dash.answered.Text; got != "1 dari 47 indikator sudah diberi level" {
		t.Errorf("dashboard answered = %q", got)
	}
	if got := q.dash.index.Text; got != "3,00" {
		t.Errorf("dashboard index = %q", got)
	}
	if !strings.Contains(q.dash.predicate.Text, "sementara") {
		t.Errorf("predicate not marked provisional: %q", q.dash.predicate.Text)
	}

	test.Tap(q.formBtn)
	test.Tap(q.pane.levels.buttons[4]) // indicator 2, level 5
	h.wait()
	test.Tap(q.dashBtn)
	if got := q.dash.answered.Text; got != "2 dari 47 indikator sudah diberi level" {
		t.Errorf("dashboard answered after 2nd = %q", got)
	}
	if got := h.answer(id, 2).Level; got != 5 {
		t.Errorf("stored level of 2 = %d", got)
	}
}

func TestShortcuts(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	c := h.u.win.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key4, Modifier: fyne.KeyModifierAlt})
	h.wait()
	if got := h.answer(q.s.a.ID, 1).Level; got != 4 {
		t.Fatalf("Alt+4 stored level %d", got)
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierControl})
	if q.current != 2 {
		t.Fatalf("Ctrl+PageDown: current = %d", q.current)
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if q.current != 1 {
		t.Fatalf("Alt+Left: current = %d", q.current)
	}
	// The shortcut also works while typing in the justification.
	h.u.win.Canvas().Focus(q.pane.just.entry)
	test.Type(q.pane.just.entry, "teks")
	q.pane.just.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt})
	h.wait()
	if q.current != 2 {
		t.Fatalf("Alt+Right from the entry: current = %d", q.current)
	}
	if got := h.answer(q.s.a.ID, 1).Justification; got != "teks" {
		t.Fatalf("navigating by shortcut did not save: %q", got)
	}
}

func TestAutosaveAfterPause(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	h.u.saver.delay = 30 * time.Millisecond
	test.Type(q.pane.just.entry, "ANALISIS")
	if got := h.answer(q.s.a.ID, 1).Justification; got != "" {
		t.Fatalf("saved at once: %q", got)
	}
	deadline := time.Now().Add(3 * time.Second)
	for h.answer(q.s.a.ID, 1).Justification != "ANALISIS" {
		if time.Now().After(deadline) {
			t.Fatal("text not saved after the pause")
		}
		time.Sleep(20 * time.Millisecond)
		h.wait()
	}
}

func TestCloseFlushesTyping(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	closed := false
	h.u.win.SetOnClosed(func() { closed = true })
	test.Type(q.pane.just.entry, "kata terakhir")
	h.u.RequestClose()
	if closed {
		t.Fatal("window closed before the text was written")
	}
	h.wait()
	if got := h.answer(q.s.a.ID, 1).Justification; got != "kata terakhir" {
		t.Fatalf("closing dropped the text: stored %q", got)
	}
	if !closed {
		t.Fatal("window not closed after saving")
	}
}

func TestSaveFailureKeepsTextAndWindow(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	h.st.Fail = func(op string) error {
		if op == "SetJustification" {
			return errDisk
		}
		return nil
	}
	test.Type(q.pane.just.entry, "penting")
	h.u.Flush()
	h.wait()
	if got := h.u.status.text(); !strings.Contains(got, "disk penuh") || h.u.status.label.Importance != widget.DangerImportance {
		t.Fatalf("status = %q (importance %d), want the error in red", got, h.u.status.label.Importance)
	}
	if !h.u.saver.unsaved() {
		t.Fatal("failed write forgotten")
	}
	h.st.Fail = nil
	h.u.Flush() // retried
	h.wait()
	if got := h.answer(q.s.a.ID, 1).Justification; got != "penting" {
		t.Fatalf("retry stored %q", got)
	}
}

func TestNavigatorSearchAndFilter(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	test.Type(q.nav.search, "arsitektur")
	leaves := 0
	for _, kids := range q.nav.children {
		for _, k := range kids {
			if _, ok := uidIndicator(k); ok {
				leaves++
				num, _ := uidIndicator(k)
				in, _ := q.s.cat.Indicator(num)
				if !strings.Contains(strings.ToLower(in.Name), "arsitektur") {
					t.Errorf("indicator %d %q shown for search arsitektur", num, in.Name)
				}
			}
		}
	}
	if leaves == 0 || leaves == 47 {
		t.Fatalf("search shows %d indicators", leaves)
	}
	q.nav.search.SetText("")
	test.Tap(q.pane.levels.buttons[0])
	h.wait()
	test.Tap(q.nav.incomplete)
	if kids := q.nav.children["a:1"]; len(kids) == 0 {
		t.Fatal("aspect 1 vanished")
	}
	q.nav.tree.Select(indicatorUID(5))
	if q.current != 5 {
		t.Fatalf("selecting in the tree: current = %d", q.current)
	}
}

func TestPemdiHasNoDomainsAndIsProvisional(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	for _, uid := range q.nav.children[""] {
		if !strings.HasPrefix(uid, "a:") {
			t.Fatalf("root child %q, want aspects only", uid)
		}
	}
	if !strings.Contains(strings.ToLower(q.title()), "sementara") {
		t.Errorf("title %q lacks the provisional badge", q.title())
	}
}
