package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// levelCards are the five levels of an indicator as selectable cards, each
// with its criterion and the evidence expected for it.
type levelCards struct {
	buttons  [5]*widget.Button
	bgs      [5]*canvas.Rectangle
	cards    [5]fyne.CanvasObject
	selected int
	// parts of each card, built when first shown (level.go's cardMode):
	// a compact pane never creates the texts of its collapsed levels, which
	// is most of the shaping and of the text textures of a switch.
	parts [5]cardParts
	// showAll, shared by every indicator of the UI while the app runs,
	// is the officer's "Tampilkan semua level": with a level chosen the
	// cards are otherwise compact — the chosen level in full, the next
	// level's criterion, the others one line each — so that the
	// justification comes up to the first screen.
	showAll *bool
	toggle  *widget.Button
	others  *fyne.Container // collapsed: the other levels' buttons, beside the heading
	hint    *widget.Label   // how to choose; hidden when collapsed, to save a line
	// onCollapse (may be nil) hears whether the cards are collapsed, for
	// the screen to hide its other hints too.
	onCollapse func(collapsed bool)
}

func newLevelCards(c *assessment.Catalog, in assessment.Indicator, selected int, showAll *bool, pick func(int)) *levelCards {
	lc := &levelCards{showAll: showAll}
	if lc.showAll == nil {
		lc.showAll = new(bool)
	}
	for i := range 5 {
		level := i + 1
		lc.buttons[i] = widget.NewButton(trf("level.choose", level), func() { pick(level) })
		lc.bgs[i] = canvas.NewRectangle(color.Transparent)
		lc.bgs[i].CornerRadius = theme.InputRadiusSize()
		lc.bgs[i].StrokeWidth = 1
		lc.parts[i] = cardParts{name: c.LevelName(in, level), text: in.Level(level), body: container.NewPadded()}
		lc.cards[i] = container.NewStack(lc.bgs[i], lc.parts[i].body)
	}
	lc.toggle = widget.NewButtonWithIcon("", theme.MenuDropUpIcon(), lc.onToggle)
	lc.toggle.Importance = widget.LowImportance
	lc.others = container.NewHBox()
	lc.hint = wrapped(tr("ind.levelsHint"))
	lc.setSelected(selected)
	return lc
}

func (lc *levelCards) view() fyne.CanvasObject {
	head := container.NewHBox(heading(tr("ind.levels")), lc.others)
	box := container.NewVBox(border(nil, nil, nil, lc.toggle, head), lc.hint)
	for _, c := range lc.cards {
		box.Add(c)
	}
	return box
}

func (lc *levelCards) onToggle() {
	*lc.showAll = !*lc.showAll
	lc.applyCompact()
}

// inViews are the cards' texts now on the page, for the page to show only
// those near the visible area.
func (lc *levelCards) inViews() []*inView {
	var out []*inView
	for i := range lc.parts {
		if t := lc.parts[i].texts; t != nil && lc.parts[i].mode != cardLine {
			out = append(out, t)
		}
	}
	return out
}

// collapsed: a level is chosen and the officer has not asked for all.
func (lc *levelCards) collapsed() bool { return lc.selected > 0 && !*lc.showAll }

// applyCompact shows every card in full, or — collapsed — each in the mode
// compactMode gives it, the one-line levels as buttons beside the heading;
// with no level chosen yet all five stay in full, as there is nothing to
// collapse to.
func (lc *levelCards) applyCompact() {
	collapsed := lc.collapsed()
	if collapsed {
		lc.hint.Hide()
	} else {
		lc.hint.Show()
	}
	lc.others.Objects = nil
	for i, card := range lc.cards {
		m := cardFull
		if collapsed {
			m = compactMode(i+1, lc.selected)
		}
		lc.parts[i].show(m, lc.buttons[i])
		if m == cardLine {
			card.Hide()
			lc.others.Add(lc.buttons[i])
		} else {
			card.Show()
		}
	}
	lc.others.Refresh()
	switch {
	case lc.selected == 0:
		lc.toggle.Hide()
	case collapsed:
		lc.toggle.SetText(tr("level.showAll"))
		lc.toggle.SetIcon(theme.MenuDropDownIcon())
		lc.toggle.Show()
	default:
		lc.toggle.SetText(tr("level.showChosen"))
		lc.toggle.SetIcon(theme.MenuDropUpIcon())
		lc.toggle.Show()
	}
	if lc.onCollapse != nil {
		lc.onCollapse(collapsed) // last: the page is laid out with the cards as they now are
	}
}

// setSelected highlights the chosen level (0 = none).
func (lc *levelCards) setSelected(level int) {
	lc.selected = level
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := th.Color(theme.ColorNamePrimary, v)
	for i := range 5 {
		b, bg := lc.buttons[i], lc.bgs[i]
		if i+1 == level {
			b.Importance = widget.HighImportance
			b.SetIcon(theme.ConfirmIcon())
			b.SetText(trf("level.chosen", level))
			r, g, bl, _ := primary.RGBA()
			bg.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x30}
			bg.StrokeColor = primary
			bg.StrokeWidth = 2
		} else {
			b.Importance = widget.MediumImportance
			b.SetIcon(nil)
			b.SetText(trf("level.choose", i+1))
			bg.FillColor = color.Transparent
			bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
			bg.StrokeWidth = 1
		}
		b.Refresh()
		bg.Refresh()
	}
	if lc.toggle != nil {
		lc.applyCompact()
	}
}

// caption is a small bold label.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// levelText is "3 – Terdefinisi".
func levelText(c *assessment.Catalog, in assessment.Indicator, level int) string {
	if level == 0 {
		return tr("level.none")
	}
	if name := c.LevelName(in, level); name != "" {
		return strconv.Itoa(level) + " – " + name
	}
	return strconv.Itoa(level)
}
