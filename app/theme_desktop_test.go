package app

import (
	"bytes"
	"os"
	"os/exec"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

const envDesktopTheme = "SPBE_TEST_DESKTOP_THEME"

// TestDesktopThemeFontsAreFyneDefaults: the real window's theme hands out
// Fyne's own default regular and bold font resources, carrying DejaVu
// Sans, so Fyne does not parse Noto Sans as a second font for every
// style (newDesktopTheme). It changes Fyne's package variables, so it
// runs in a child process and the other tests keep Fyne's fonts.
func TestDesktopThemeFontsAreFyneDefaults(t *testing.T) {
	if os.Getenv(envDesktopTheme) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDesktopThemeFontsAreFyneDefaults$")
		cmd.Env = append(os.Environ(), envDesktopTheme+"=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return
	}
	th := newDesktopTheme()
	for _, c := range []struct {
		style fyne.TextStyle
		def   fyne.Resource
		ttf   []byte
	}{
		{fyne.TextStyle{}, theme.DefaultTextFont(), assets.UIFontRegular()},
		{fyne.TextStyle{Bold: true}, theme.DefaultTextBoldFont(), assets.UIFontBold()},
	} {
		got := th.Font(c.style)
		if got != c.def {
			t.Errorf("%+v: the theme's font is not Fyne's default resource, so Fyne parses both", c.style)
		}
		if !bytes.Equal(got.Content(), c.ttf) {
			t.Errorf("%+v: the font is not DejaVu Sans (UI subset)", c.style)
		}
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == theme.DefaultTextFont() {
		t.Error("monospace text lost its own font")
	}
}
