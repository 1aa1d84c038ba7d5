package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// appTheme is Fyne's default theme with DejaVu Sans, the font the PDF
// report uses too; it covers every Indonesian diacritic and the dashes
// and arrows of the catalogs and templates. The app uses a subset of it
// (assets.UIFontRegular): Fyne keeps every glyph of the theme font parsed.
type appTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

func newAppTheme() fyne.Theme {
	return &appTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource(uiFontName, assets.UIFontRegular()),
		bold:    fyne.NewStaticResource(uiFontBoldName, assets.UIFontBold()),
	}
}

const (
	uiFontName     = "DejaVuSans.ttf"
	uiFontBoldName = "DejaVuSans-Bold.ttf"
)

// newDesktopTheme is the app's theme for the real window (Run). Fyne
// measures and draws a text style with the theme's font, then Fyne's own
// Noto Sans as a fallback — unless the theme's font *is* that fallback
// resource — then a system font, and keeps every glyph of each font
// parsed in the Go heap for as long as the app runs: Noto Sans regular
// and bold alone were 4.4 MB of the 14 MB live at the home screen
// (docs/PERFORMANCE.md, "Fifth pass"). So DejaVu Sans takes the place of
// Fyne's default regular and bold fonts, and the theme hands out those
// very resources: each style then parses one font of ours and the system
// font. Noto only drew what DejaVu lacks (~510 rare characters, none in
// the app's texts); those now come from the system font. The UI subset
// of DejaVu keeps every character both fonts have (assets.UIFontRegular).
// Tests keep newAppTheme: this changes a Fyne package variable for the
// whole process.
func newDesktopTheme() fyne.Theme {
	t := &appTheme{Theme: theme.DefaultTheme()}
	t.regular = takeOver(theme.DefaultTextFont(), uiFontName, assets.UIFontRegular())
	t.bold = takeOver(theme.DefaultTextBoldFont(), uiFontBoldName, assets.UIFontBold())
	return t
}

// takeOver makes Fyne's resource def carry the font ttf and returns it;
// if Fyne's resource is of a kind it cannot change, a resource of its own.
func takeOver(def fyne.Resource, name string, ttf []byte) fyne.Resource {
	r, ok := def.(*fyne.StaticResource)
	if !ok {
		return fyne.NewStaticResource(name, ttf)
	}
	r.StaticName, r.StaticContent = name, ttf
	return r
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	default:
		return t.regular
	}
}

// Darker status colours for the light variant: Fyne's default green,
// orange and red text read at 2–3.7:1 on white (the dashboard's checklist), far
// below the 4.5:1 that WCAG asks of body text; these reach about 5:1 and
// stay recognisably green and orange.
var (
	successLight = color.NRGBA{R: 0x1b, G: 0x7f, B: 0x3b, A: 0xff}
	warningLight = color.NRGBA{R: 0xb4, G: 0x53, B: 0x09, A: 0xff}
	errorLight   = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
)

// inputBorderLight is the light variant's outline of inputs, and of an
// unselected radio button and check box, which Fyne draws in the input
// border colour only: its default #e3e3e3 is 1.3:1 on white, so an
// unselected "diterima / revisi" looks like plain text. This grey reaches
// 4.3:1 on the background and 3.9:1 on an input's fill, above the 3:1
// WCAG 2.1 (1.4.11) asks of a UI component's boundary.
var inputBorderLight = color.NRGBA{R: 0x7a, G: 0x7a, B: 0x7a, A: 0xff}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		switch n {
		case theme.ColorNameSuccess:
			return successLight
		case theme.ColorNameWarning:
			return warningLight
		case theme.ColorNameError:
			return errorLight
		case theme.ColorNameInputBorder:
			return inputBorderLight
		}
	}
	return t.Theme.Color(n, v)
}
