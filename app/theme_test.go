package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2/theme"
)

// TestStatusTextContrast: the dashboard's checklist and badges write
// status text in the success and warning colours on the background; an
// officer on a dim laptop screen must be able to read it (WCAG AA, 4.5:1).
func TestStatusTextContrast(t *testing.T) {
	th := newAppTheme()
	bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
	for _, n := range []string{"success", "warning", "error", "foreground"} {
		var c color.Color
		switch n {
		case "success":
			c = th.Color(theme.ColorNameSuccess, theme.VariantLight)
		case "warning":
			c = th.Color(theme.ColorNameWarning, theme.VariantLight)
		case "error":
			c = th.Color(theme.ColorNameError, theme.VariantLight)
		default:
			c = th.Color(theme.ColorNameForeground, theme.VariantLight)
		}
		if r := contrast(c, bg); r < 4.5 {
			t.Errorf("%s text on the background: contrast %.2f:1, want at least 4.5:1", n, r)
		}
	}
}

// TestUnselectedRadioContrast: an unselected radio button (and check box)
// is only its outline, drawn in the input border colour (fyne v2.7.1
// widget/radio_item.go: outline ColorNameInputBorder, fill
// ColorNameInputBackground). The outline is a UI component, not text, so
// the measure is WCAG 2.1 1.4.11 non-text contrast, 3:1, against the
// background around it and against its own fill.
func TestUnselectedRadioContrast(t *testing.T) {
	th := newAppTheme()
	ring := th.Color(theme.ColorNameInputBorder, theme.VariantLight)
	for _, n := range []string{"background", "input background"} {
		name := theme.ColorNameBackground
		if n != "background" {
			name = theme.ColorNameInputBackground
		}
		if r := contrast(ring, th.Color(name, theme.VariantLight)); r < 3 {
			t.Errorf("unselected radio outline on the %s: contrast %.2f:1, want at least 3:1", n, r)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
