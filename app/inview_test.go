package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The level texts far below the fold are hidden — so the GL painter does
// not rasterise them — and shown before a scroll brings them into view;
// hiding them moves nothing on the page.
func TestLevelTextsOutOfViewAreHidden(t *testing.T) {
	_, q := indicatorAt1366(t)
	p := q.pane
	texts := func(level int) fyne.CanvasObject { return p.levels.parts[level-1].texts.Objects[0] }
	if !texts(1).Visible() {
		t.Error("level 1's texts, on the first screen, are hidden")
	}
	if texts(5).Visible() {
		t.Error("level 5's texts, far below the fold, are drawn")
	}
	d := fyne.CurrentApp().Driver()
	inPage := func() float32 {
		return d.AbsolutePositionForObject(p.just.entry).Y - d.AbsolutePositionForObject(p.scroll.Content).Y
	}
	before := inPage()
	p.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -1200}})
	if !texts(5).Visible() {
		t.Errorf("level 5's texts still hidden after scrolling to offset %v", p.scroll.Offset.Y)
	}
	if texts(1).Visible() {
		t.Errorf("level 1's texts still drawn at offset %v", p.scroll.Offset.Y)
	}
	if after := inPage(); after != before {
		t.Errorf("the justification moved from %v to %v when texts were hidden", before, after)
	}
	// Tab into the field scrolls it into view, and what is near it shows.
	p.scroll.ScrollToTop()
	scrollIntoView(p.scroll, p.just.entry)
	if !texts(5).Visible() {
		t.Error("level 5's texts, just above the focused field, stay hidden")
	}
}
