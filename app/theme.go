package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// appTheme is Fyne's default theme with DejaVu Sans, the font the PDF
// report uses too; it covers every Indonesian diacritic and the dashes
// and arrows of the catalogs and templates.
type appTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

func newAppTheme() fyne.Theme {
	return &appTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("DejaVuSans.ttf", assets.FontRegular()),
		bold:    fyne.NewStaticResource("DejaVuSans-Bold.ttf", assets.FontBold()),
	}
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
