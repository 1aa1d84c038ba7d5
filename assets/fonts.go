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
)

// FontRegular returns DejaVu Sans (regular) as TrueType bytes. Callers
// must not modify them.
func FontRegular() []byte { return fontRegular }

// FontBold returns DejaVu Sans Bold as TrueType bytes. Callers must not
// modify them.
func FontBold() []byte { return fontBold }
