package assets

import _ "embed" // the fonts below

// The UI and PDF font: DejaVu Sans (Bitstream Vera license, see
// fonts/LICENSE-DejaVu.txt). It covers Latin with all Indonesian
// diacritics and the typographic dashes and quotes the catalogs use.
//
// Embedded as byte slices rather than an embed.FS: those are the binary's
// read-only data itself, while an FS's ReadFile hands back a heap copy
// (1.5 MB that the desktop app kept for as long as it ran).
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte

	// The desktop app's copies: the same fonts cut down to Latin (all of
	// Latin-1 and Latin Extended, Vietnamese included), punctuation,
	// currency, arrows and the symbols and dingbats the app shows — 1 868
	// of 6 253 glyphs. Fyne parses the theme font once per text style and
	// keeps every glyph's outline in the Go heap: the full fonts held
	// 6.3 MB at the home screen, these ~2 (docs/PERFORMANCE.md, "Fifth
	// pass"). Greek, Cyrillic and the rest fall back to Fyne's Noto Sans
	// and the system fonts. Made with fontTools:
	//   python3 -m fontTools.subset DejaVuSans.ttf --layout-features='*' --no-hinting \
	//     --unicodes=U+0020-007E,U+00A0-024F,U+02B0-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,\
	//   U+2100-215F,U+2190-21FF,U+2212,U+2215,U+2219,U+221A,U+221E,U+2248,U+2260,U+2264,U+2265,\
	//   U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+FFFD --output-file=DejaVuSans-UI.ttf
	// (and the same for DejaVuSans-Bold.ttf). TestUIFontCoversEveryText
	// checks them against every text of the app.
	//go:embed fonts/DejaVuSans-UI.ttf
	uiFontRegular []byte
	//go:embed fonts/DejaVuSans-Bold-UI.ttf
	uiFontBold []byte
)

// UIFontRegular returns the desktop app's DejaVu Sans (regular), a subset
// of FontRegular. Callers must not modify it.
func UIFontRegular() []byte { return uiFontRegular }

// UIFontBold returns the desktop app's DejaVu Sans Bold, a subset of
// FontBold. Callers must not modify it.
func UIFontBold() []byte { return uiFontBold }

// FontRegular returns DejaVu Sans (regular) as TrueType bytes. Callers
// must not modify them.
func FontRegular() []byte { return fontRegular }

// FontBold returns DejaVu Sans Bold as TrueType bytes. Callers must not
// modify them.
func FontBold() []byte { return fontBold }
