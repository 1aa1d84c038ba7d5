package assets

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
)

// The desktop app is built without Fyne's colour emoji font (build tag
// no_emoji, docs/PERFORMANCE.md "Third pass"): parsing that 4 MB font for
// every text style held ~5 MB of heap each. That is only invisible if
// DejaVu Sans draws every character the app itself shows — the marks in
// the translations (✓, ⚠) and every text of every catalog. A new string
// with a character DejaVu lacks would fall back to a system font instead.
func TestUIFontCoversEveryText(t *testing.T) {
	var texts []string
	for _, l := range []string{"id", "en"} {
		texts = append(texts, jsonStrings(t, Translation(l))...)
	}
	for _, f := range append(CatalogFiles(), ArchivedCatalogFiles()...) {
		texts = append(texts, jsonStrings(t, f.Data)...)
	}
	for name, ttf := range map[string][]byte{
		"regular": FontRegular(), "bold": FontBold(), "regular (UI subset)": UIFontRegular(), "bold (UI subset)": UIFontBold(),
	} {
		face, err := font.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			t.Fatal(err)
		}
		missing := map[rune]string{}
		for _, s := range texts {
			for _, r := range s {
				if _, ok := face.NominalGlyph(r); !ok && !unicode.IsControl(r) {
					missing[r] = s
				}
			}
		}
		for r, s := range missing {
			t.Errorf("DejaVu Sans %s has no glyph for %q (U+%04X), used in %q", name, r, r, s)
		}
	}
}

// jsonStrings returns every string value (and object key) in a JSON document.
func jsonStrings(t *testing.T, data []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				out = append(out, k)
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// TestUIFontSubsetShapesLikeTheFullFont: the desktop app's cut-down fonts
// lay every text of the app out exactly as the full DejaVu Sans does
// (advances and kerning, HarfBuzz), so the subset changes memory, not
// what the officer sees.
func TestUIFontSubsetShapesLikeTheFullFont(t *testing.T) {
	var texts []string
	for _, l := range []string{"id", "en"} {
		texts = append(texts, jsonStrings(t, Translation(l))...)
	}
	for _, f := range CatalogFiles() {
		texts = append(texts, jsonStrings(t, f.Data)...)
	}
	for name, pair := range map[string][2][]byte{
		"regular": {FontRegular(), UIFontRegular()},
		"bold":    {FontBold(), UIFontBold()},
	} {
		full, sub := parseFace(t, pair[0]), parseFace(t, pair[1])
		var shaper shaping.HarfbuzzShaper
		for _, s := range texts {
			runes := []rune(s)
			in := shaping.Input{
				Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR,
				Size:   14 << 6, // 14 px in 26.6 fixed point
				Script: language.Latin, Language: language.NewLanguage("id"),
			}
			in.Face = full
			a := shaper.Shape(in)
			in.Face = sub
			b := shaper.Shape(in)
			if a.Advance != b.Advance || len(a.Glyphs) != len(b.Glyphs) {
				t.Errorf("%s: %q is %v wide (%d glyphs) in the subset, %v (%d) in the full font",
					name, s, b.Advance, len(b.Glyphs), a.Advance, len(a.Glyphs))
			}
		}
	}
}

func parseFace(t *testing.T, ttf []byte) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		t.Fatal(err)
	}
	return f
}
