package assets

import "embed"

// The UI and PDF font: DejaVu Sans (Bitstream Vera license, see
// fonts/LICENSE-DejaVu.txt). It covers Latin with all Indonesian
// diacritics and the typographic dashes and quotes the catalogs use.
//
//go:embed fonts/*.ttf
var fontFS embed.FS

// FontRegular returns DejaVu Sans (regular) as TrueType bytes.
func FontRegular() []byte { return mustFont("fonts/DejaVuSans.ttf") }

// FontBold returns DejaVu Sans Bold as TrueType bytes.
func FontBold() []byte { return mustFont("fonts/DejaVuSans-Bold.ttf") }

func mustFont(name string) []byte {
	b, err := fontFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	return b
}
