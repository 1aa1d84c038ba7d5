package app

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// indicatorAt1366 opens a new assessment on the official catalog in a
// 1366×768 window.
func indicatorAt1366(t *testing.T) (*harness, *questionnaire) {
	t.Helper()
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2026")
	h.u.win.Resize(fyne.NewSize(1366, 768))
	h.wait()
	return h, q
}

// scrollTarget is what the desktop driver hands a wheel event at pos:
// like fyne's FindObjectAtPositionMatching, the last Scrollable in
// tree order whose area holds pos.
func scrollTarget(root fyne.CanvasObject, pos fyne.Position) fyne.CanvasObject {
	var found fyne.CanvasObject
	d := fyne.CurrentApp().Driver()
	walkVisible(root, func(o fyne.CanvasObject) {
		if _, ok := o.(fyne.Scrollable); !ok {
			return
		}
		p := d.AbsolutePositionForObject(o)
		if pos.X >= p.X && pos.Y >= p.Y && pos.X < p.X+o.Size().Width && pos.Y < p.Y+o.Size().Height {
			found = o
		}
	})
	return found
}

// TestWheelOverJustificationScrollsPage: the wheel over the unfocused
// justification scrolls the indicator page; once the field has focus it
// scrolls the text again.
func TestWheelOverJustificationScrollsPage(t *testing.T) {
	h, q := indicatorAt1366(t)
	p, e := q.pane, q.pane.just.entry
	p.scroll.ScrollToOffset(fyne.NewPos(0, 600))
	mid := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
	got := scrollTarget(h.u.win.Content(), mid)
	if got != e.wheel {
		t.Fatalf("a wheel event over the unfocused field goes to %T, want the guard that passes it to the page", got)
	}
	before := p.scroll.Offset.Y
	e.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if p.scroll.Offset.Y <= before {
		t.Errorf("page offset %v after the wheel, was %v: the page did not scroll", p.scroll.Offset.Y, before)
	}
	h.u.win.Canvas().Focus(e)
	if e.wheel.Visible() {
		t.Error("the guard still takes the wheel from the focused field")
	}
	if got := scrollTarget(h.u.win.Content(), fyne.CurrentApp().Driver().AbsolutePositionForObject(e).AddXY(20, 20)); got == e.wheel || got == p.scroll {
		t.Errorf("focused field: the wheel goes to %T, want the field's own scroller", got)
	}
	h.u.win.Canvas().Unfocus()
	if !e.wheel.Visible() {
		t.Error("guard not back after focus left the field")
	}
}

// TestTabIntoJustificationScrollsIntoView: Tab from the template button
// into the justification brings the field into the visible page.
func TestTabIntoJustificationScrollsIntoView(t *testing.T) {
	h, q := indicatorAt1366(t)
	p, e := q.pane, q.pane.just.entry
	p.scroll.ScrollToTop()
	c := h.u.win.Canvas()
	c.Focus(q.pane.just.template)
	c.FocusNext()
	if c.Focused() != e {
		t.Fatalf("Tab went to %T, want the justification", c.Focused())
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(e).Y
	view := d.AbsolutePositionForObject(p.scroll).Y
	if top < view || top+e.Size().Height > view+p.scroll.Size().Height {
		t.Errorf("field at y %v..%v, page shows %v..%v (offset %v)", top, top+e.Size().Height, view,
			view+p.scroll.Size().Height, p.scroll.Offset.Y)
	}
	if p.scroll.Offset.Y == 0 {
		t.Error("page did not scroll")
	}
}

// TestEnterOnSearchHitOpensIt: typing a number and Enter opens that
// indicator.
func TestEnterOnSearchHitOpensIt(t *testing.T) {
	h, q := indicatorAt1366(t)
	test.Type(q.nav.search, "23")
	q.nav.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	if q.current != 23 {
		t.Errorf("Enter on the search hit: indicator %d on screen, want 23", q.current)
	}
	q.nav.search.SetText("zzz-no-such-indicator")
	q.nav.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if q.current != 23 {
		t.Errorf("Enter without a hit moved to %d", q.current)
	}
}

// TestLevelCardsCollapse: with no level chosen all five cards are shown in
// full; once one is chosen they are compact by default — the chosen level
// in full, the next level's criterion, the others one line — and the
// justification is on the first screen at 1366×768. "Tampilkan semua
// level" opens them all, and stays so for the next indicator while the
// app runs.
func TestLevelCardsCollapse(t *testing.T) {
	h, q := indicatorAt1366(t)
	lc := q.pane.levels
	if lc.toggle.Visible() {
		t.Error("collapse offered before a level is chosen")
	}
	for i := range lc.parts {
		if lc.parts[i].mode != cardFull {
			t.Errorf("unanswered: card %d in mode %d, want all in full", i+1, lc.parts[i].mode)
		}
	}
	q.pickLevel(2)
	h.wait()
	want := []cardMode{cardLine, cardFull, cardCriterion, cardLine, cardLine}
	for i, m := range want {
		if lc.parts[i].mode != m {
			t.Errorf("level 2 chosen: card %d in mode %d, want %d", i+1, lc.parts[i].mode, m)
		}
		if !isShown(lc.buttons[i], h.u.win.Canvas().Content()) {
			t.Errorf("level %d cannot be chosen any more in the compact view", i+1)
		}
	}
	shown := texts(q.pane.scroll)
	if crit := q.pane.in.Level(4).Criterion.Text; crit != "" && hasText(shown, crit) {
		t.Error("level 4's criterion shown in the compact view")
	}
	if crit := q.pane.in.Level(3).Criterion.Text; crit != "" && !hasText(shown, crit) {
		t.Error("the next level's criterion is not shown")
	}
	if lc.toggle.Text != "Tampilkan semua level" {
		t.Errorf("toggle says %q", lc.toggle.Text)
	}
	q.pane.scroll.ScrollToTop()
	d := fyne.CurrentApp().Driver()
	e := q.pane.just.entry
	// The field starts inside the page's visible area. (With the next
	// level's criterion shown, indicator 1's long texts leave only the
	// field's top edge on the first screen.)
	bottom := d.AbsolutePositionForObject(q.pane.scroll).Y + q.pane.scroll.Size().Height
	compactY := d.AbsolutePositionForObject(e).Y
	if compactY > bottom {
		t.Errorf("justification field starts at y %v, the page ends at %v: not on the first screen", compactY, bottom)
	}
	capture(t, h.u.win, "indicator-compact-1366x768.png")

	test.Tap(lc.toggle)
	q.pane.scroll.ScrollToTop()
	if allY := d.AbsolutePositionForObject(e).Y; allY < compactY+400 {
		t.Errorf("all levels put the field at y %v, compact at %v: compact saves too little", allY, compactY)
	} else {
		t.Logf("justification field at y %v compact, %v with all levels (page ends at %v)", compactY, allY, bottom)
	}
	for i := range lc.parts {
		if lc.parts[i].mode != cardFull {
			t.Errorf("card %d in mode %d after showing all", i+1, lc.parts[i].mode)
		}
	}
	capture(t, h.u.win, "indicator-level-chosen-1366x768.png")
	q.step(1)
	h.wait()
	q.pickLevel(3)
	h.wait()
	if q.pane.levels.collapsed() {
		t.Error("\"Tampilkan semua level\" not remembered on the next indicator")
	}
	test.Tap(q.pane.levels.toggle)
	if !q.pane.levels.collapsed() || q.pane.levels.parts[2].mode != cardFull {
		t.Error("collapsing again did not collapse to the chosen level")
	}
}

// isShown: o is in root's tree and it and every container above it are
// visible.
func isShown(o, root fyne.CanvasObject) bool {
	found := false
	walkVisible(root, func(c fyne.CanvasObject) {
		if c == o {
			found = true
		}
	})
	return found
}

// compactMode: the chosen level in full, the next one's criterion, the
// others a line; level 5 chosen has no next.
func TestCompactMode(t *testing.T) {
	cases := []struct {
		chosen int
		want   [5]cardMode
	}{
		{1, [5]cardMode{cardFull, cardCriterion, cardLine, cardLine, cardLine}},
		{3, [5]cardMode{cardLine, cardLine, cardFull, cardCriterion, cardLine}},
		{5, [5]cardMode{cardLine, cardLine, cardLine, cardLine, cardFull}},
	}
	for _, c := range cases {
		for i, w := range c.want {
			if got := compactMode(i+1, c.chosen); got != w {
				t.Errorf("chosen %d, level %d: mode %d, want %d", c.chosen, i+1, got, w)
			}
		}
	}
}

// TestFileDialogPlacesIndonesian: the places Fyne writes in English are
// shown in Bahasa Indonesia, the buttons through Fyne's own keys.
func TestFileDialogPlacesIndonesian(t *testing.T) {
	h, _ := indicatorAt1366(t)
	w := h.u.win
	d := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w)
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, w)
	top := w.Canvas().Overlays().Top()
	shown := texts(top)
	for _, want := range []string{"Beranda", "Komputer", "Batal", "Buka Berkas"} {
		if !hasText(shown, want) && !hasButton(top, want) {
			t.Errorf("%q not in the file dialog: %q", want, shown)
		}
	}
	for _, english := range []string{"Home", "Computer", "Cancel", "Open File"} {
		for _, s := range shown {
			if s == english {
				t.Errorf("English %q in the file dialog", english)
			}
		}
	}
	capture(t, w, "file-dialog.png")
}

func hasButton(o fyne.CanvasObject, text string) bool {
	found := false
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = true
		}
	})
	return found
}

// noViewerApp is an app on a computer without a program for the file.
type noViewerApp struct{ fyne.App }

func (noViewerApp) OpenURL(*url.URL) error {
	return errors.New(`exec: "xdg-open": executable file not found in $PATH`)
}

// TestMissingViewerSpeaksIndonesian: no program for the file gives an
// Indonesian message naming the file and where its copy is.
func TestMissingViewerSpeaksIndonesian(t *testing.T) {
	newHarness(t, setup{})
	err := openInSystem(noViewerApp{fyne.CurrentApp()}, "/tmp/spbe-lihat/SK Bupati.pdf")
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "Tidak ada program") || !strings.Contains(msg, "SK Bupati.pdf") || strings.Contains(msg, "exec") {
		t.Errorf("message %q", msg)
	}
}

// TestTabIntoEvidenceNoteScrollsIntoView: the same for an evidence note,
// the page's other text field.
func TestTabIntoEvidenceNoteScrollsIntoView(t *testing.T) {
	h, q := indicatorAt1366(t)
	h.files.queue = append(h.files.queue, memFile("Perbup.pdf", []byte("%PDF-1.4 bukti")))
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	var note *textEntry
	walk(q.pane.evidence.rows, func(o fyne.CanvasObject) {
		if e, ok := o.(*textEntry); ok && note == nil {
			note = e
		}
	})
	if note == nil {
		t.Fatal("no note field")
	}
	p := q.pane
	p.scroll.ScrollToTop()
	h.u.win.Canvas().Focus(note)
	d := fyne.CurrentApp().Driver()
	top, view := d.AbsolutePositionForObject(note).Y, d.AbsolutePositionForObject(p.scroll).Y
	if top < view || top+note.Size().Height > view+p.scroll.Size().Height {
		t.Errorf("note at y %v, page shows %v..%v", top, view, view+p.scroll.Size().Height)
	}
}
