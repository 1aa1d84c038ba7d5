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
}

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
	lc.setSelected(selected)
	return lc
}

func (lc *levelCards) view() fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range lc.cards {
		box.Add(c)
	}
	return box
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
