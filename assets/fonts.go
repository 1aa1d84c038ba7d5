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

	// The desktop app's copies: the same fonts cut down to every
	// character of Fyne's Noto Sans that DejaVu has (Latin, Greek,
	// Cyrillic; the app's theme puts DejaVu in Noto's place) plus
	// punctuation, currency, arrows, symbols and dingbats — 2 983 of
	// 6 253 glyphs. Fyne keeps every glyph of the theme's font parsed in
	// the Go heap for each text style (docs/PERFORMANCE.md, "Fifth pass").
	// Made by scripts/ui-fonts.sh (fontTools); TestUIFontCoversEveryText
	// and TestUIFontSubsetShapesLikeTheFullFont check them against every
	// text of the app.
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
