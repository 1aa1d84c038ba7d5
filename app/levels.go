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
	// compact shows only the chosen level's card (when one is chosen), so
	// that the justification comes up to the first screen; toggle
	// switches it and the choice is remembered for every indicator.
	compact bool
	toggle  *widget.Button
	hint    *widget.Label // how to choose; hidden when collapsed, to save a line
	// onCollapse (may be nil) hears whether the cards are collapsed, for
	// the screen to hide its other hints too.
	onCollapse func(collapsed bool)
}

// prefLevelsCompact remembers whether the level cards are collapsed to
// the chosen one.
const prefLevelsCompact = "levelsCompact"

func newLevelCards(c *assessment.Catalog, in assessment.Indicator, selected int, pick func(int)) *levelCards {
	lc := &levelCards{}
	for i := range 5 {
		level := i + 1
		lt := in.Level(level)
		lc.buttons[i] = widget.NewButton(trf("level.choose", level), func() { pick(level) })
		name := wrapped(c.LevelName(in, level))
		name.TextStyle.Bold = true
		lc.bgs[i] = canvas.NewRectangle(color.Transparent)
		lc.bgs[i].CornerRadius = theme.InputRadiusSize()
		lc.bgs[i].StrokeWidth = 1
		left := fixedWidth(container.NewVBox(lc.buttons[i], name), 170)
		texts := container.NewVBox(
			instrumentText(lt.Criterion),
			caption(tr("level.evidence")),
			instrumentText(lt.Evidence),
		)
		lc.cards[i] = container.NewStack(lc.bgs[i], container.NewPadded(border(nil, nil, left, nil, texts)))
	}
	lc.compact = fyne.CurrentApp().Preferences().Bool(prefLevelsCompact)
	lc.toggle = widget.NewButtonWithIcon("", theme.MenuDropUpIcon(), lc.onToggle)
	lc.toggle.Importance = widget.LowImportance
	lc.hint = wrapped(tr("ind.levelsHint"))
	lc.setSelected(selected)
	return lc
}

func (lc *levelCards) view() fyne.CanvasObject {
	box := container.NewVBox(border(nil, nil, nil, lc.toggle, heading(tr("ind.levels"))), lc.hint)
	for _, c := range lc.cards {
		box.Add(c)
	}
	return box
}

func (lc *levelCards) onToggle() {
	lc.compact = !lc.compact
	fyne.CurrentApp().Preferences().SetBool(prefLevelsCompact, lc.compact)
	lc.applyCompact()
}

// applyCompact shows every card, or only the chosen one when compact; with
// no level chosen yet all five stay, as there is nothing to collapse to.
func (lc *levelCards) applyCompact() {
	collapsed := lc.compact && lc.selected > 0
	if collapsed {
		lc.hint.Hide()
	} else {
		lc.hint.Show()
	}
	for i, c := range lc.cards {
		if collapsed && i+1 != lc.selected {
			c.Hide()
		} else {
			c.Show()
		}
	}
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
