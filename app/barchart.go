package app

import (
	"image/color"
	"math/big"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// bar is one row of a bar chart: a label and a value 0..5 (nil = no
// answer yet).
type bar struct {
	label string
	value *big.Rat
}

// barChart draws horizontal bars on the 1–5 index scale with Fyne canvas
// primitives: a label column, a track, the bar and its value.
type barChart struct {
	widget.BaseWidget
	bars []bar
	// align, when set, is another chart whose label column this one
	// matches, so stacked charts line up.
	align *barChart
}

func newBarChart(bars []bar) *barChart {
	c := &barChart{bars: bars}
	c.ExtendBaseWidget(c)
	return c
}

func (c *barChart) setBars(bars []bar) {
	c.bars = bars
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c}
	r.build()
	return r
}

type barRenderer struct {
	c       *barChart
	labels  []*canvas.Text
	tracks  []*canvas.Rectangle
	fills   []*canvas.Rectangle
	values  []*canvas.Text
	objects []fyne.CanvasObject
}

const (
	barHeight  = 18
	barGap     = 10
	labelShare = 0.6 // at most, of the width, for the names
	valueWidth = 56
)

func (r *barRenderer) build() {
	r.labels, r.tracks, r.fills, r.values, r.objects = nil, nil, nil, nil, nil
	fg := theme.Color(theme.ColorNameForeground)
	for _, b := range r.c.bars {
		l := canvas.NewText(b.label, fg)
		track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		track.CornerRadius = 3
		fill := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		fill.CornerRadius = 3
		v := canvas.NewText(assessment.FormatDecimal(b.value), fg)
		v.TextStyle.Bold = true
		v.Alignment = fyne.TextAlignTrailing
		r.labels = append(r.labels, l)
		r.tracks = append(r.tracks, track)
		r.fills = append(r.fills, fill)
		r.values = append(r.values, v)
		r.objects = append(r.objects, track, fill, l, v)
	}
}

func (r *barRenderer) Layout(size fyne.Size) {
	labelW := r.labelWidth(size.Width)
	trackW := size.Width - labelW - valueWidth - 2*theme.Padding()
	if trackW < 10 {
		trackW = 10
	}
	for i, b := range r.c.bars {
		y := float32(i) * (barHeight + barGap)
		r.labels[i].Text = fitText(b.label, r.labels[i].TextSize, r.labels[i].TextStyle, labelW-2*theme.Padding())
		r.labels[i].Move(fyne.NewPos(theme.Padding(), y))
		r.labels[i].Resize(fyne.NewSize(labelW, barHeight))
		r.labels[i].Refresh()
		x := labelW + theme.Padding()
		r.tracks[i].Move(fyne.NewPos(x, y))
		r.tracks[i].Resize(fyne.NewSize(trackW, barHeight))
		r.fills[i].Move(fyne.NewPos(x, y))
		r.fills[i].Resize(fyne.NewSize(trackW*fraction(b.value), barHeight))
		r.values[i].Move(fyne.NewPos(x+trackW+theme.Padding(), y))
		r.values[i].Resize(fyne.NewSize(valueWidth, barHeight))
	}
}

// labelWidth fits the longest name (of this chart and the aligned one),
// within labelShare of the width.
func (r *barRenderer) labelWidth(width float32) float32 {
	w := r.c.naturalLabelWidth()
	if r.c.align != nil {
		w = max(w, r.c.align.naturalLabelWidth())
	}
	if limit := width * labelShare; w > limit {
		w = limit
	}
	return w
}

// naturalLabelWidth is the width of the longest name plus padding.
func (c *barChart) naturalLabelWidth() float32 {
	size := theme.TextSize()
	w := float32(0)
	for _, b := range c.bars {
		if m := fyne.MeasureText(b.label, size, fyne.TextStyle{}).Width; m > w {
			w = m
		}
	}
	return w + 2*theme.Padding()
}

// fraction is value/5, 0 when nil.
func fraction(v *big.Rat) float32 {
	if v == nil {
		return 0
	}
	f, _ := v.Float64()
	return float32(f / 5)
}

// fitText shortens s with "…" until it fits width.
func fitText(s string, size float32, style fyne.TextStyle, width float32) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if fyne.MeasureText(t, size, style).Width <= width {
			return t
		}
	}
	return "…"
}

func (r *barRenderer) MinSize() fyne.Size {
	n := float32(len(r.c.bars))
	if n == 0 {
		return fyne.NewSize(200, 0)
	}
	return fyne.NewSize(260, n*barHeight+(n-1)*barGap)
}

func (r *barRenderer) Refresh() {
	if len(r.labels) != len(r.c.bars) {
		r.build()
	}
	fg := theme.Color(theme.ColorNameForeground)
	for i, b := range r.c.bars {
		r.labels[i].Text, r.labels[i].Color = b.label, fg
		r.values[i].Text, r.values[i].Color = assessment.FormatDecimal(b.value), fg
		r.tracks[i].FillColor = theme.Color(theme.ColorNameInputBackground)
		r.fills[i].FillColor = barColor(b.value)
	}
	r.Layout(r.c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// barColor: primary for answered bars; nothing for unanswered.
func barColor(v *big.Rat) color.Color {
	if v == nil {
		return color.Transparent
	}
	return theme.Color(theme.ColorNamePrimary)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barRenderer) Destroy()                     {}
