package assets

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"
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
	for name, ttf := range map[string][]byte{"regular": FontRegular(), "bold": FontBold()} {
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
