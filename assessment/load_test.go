package assessment_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// embeddedCatalogPaths are the generated catalogs, read from disk so this
// package's tests do not import package assets.
var embeddedCatalogPaths = []string{
	"../assets/catalogs/spbe-2020.json",
	"../assets/catalogs/pemdi-2026.json",
	// The versions shipped before format 2, kept for pinned assessments.
	"../assets/catalogs/archive/spbe-2020_2020.1.json",
	"../assets/catalogs/archive/pemdi-2026_2026.0-provisional.json",
}

// loadTestInputs returns the fixture and every embedded catalog present.
func loadTestInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{"minimal": catfixBytes(t)}
	for _, p := range embeddedCatalogPaths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Logf("skipping %s: %v", p, err)
			continue
		}
		in[p] = b
	}
	return in
}

// reformattings return the same JSON document written differently.
var reformattings = map[string]func(t *testing.T, b []byte) []byte{
	"compact": func(t *testing.T, b []byte) []byte {
		var out bytes.Buffer
		if err := json.Compact(&out, b); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	},
	"tabs+crlf": func(t *testing.T, b []byte) []byte {
		var out bytes.Buffer
		if err := json.Indent(&out, b, "", "\t"); err != nil {
			t.Fatal(err)
		}
		return append(bytes.ReplaceAll(out.Bytes(), []byte("\n"), []byte("\r\n")), "\r\n\r\n"...)
	},
	"keys sorted alphabetically": func(t *testing.T, b []byte) []byte {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		out, err := json.MarshalIndent(v, " ", "   ")
		if err != nil {
			t.Fatal(err)
		}
		return out
	},
	"html escaped": func(t *testing.T, b []byte) []byte {
		// json.Marshal escapes <, >, & and non-ASCII stays; \u escapes
		// decode to the same strings.
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return bytes.ReplaceAll(out, []byte("—"), []byte(`\u2014`))
	},
}

func TestCanonicalHashStableUnderReformatting(t *testing.T) {
	for name, data := range loadTestInputs(t) {
		orig, err := assessment.ParseCatalog(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		canon, err := assessment.CanonicalBytes(orig)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(canon)
		if got := hex.EncodeToString(sum[:]); got != orig.SHA256() {
			t.Errorf("%s: SHA256() = %s, want sha256 of CanonicalBytes %s", name, orig.SHA256(), got)
		}
		if bytes.Contains(canon, []byte("\n  ")) || bytes.HasSuffix(canon, []byte("\n")) {
			t.Errorf("%s: canonical bytes are not compact", name)
		}
		if !bytes.HasPrefix(canon, fmt.Appendf(nil, `{"format":"spbe-mandiri-catalog","format_version":%d,`, orig.FormatVersion)) {
			t.Errorf("%s: canonical bytes do not start with the fixed field order: %.60s", name, canon)
		}
		for how, f := range reformattings {
			variant := f(t, data)
			if bytes.Equal(variant, data) {
				t.Fatalf("%s/%s: reformatting changed nothing", name, how)
			}
			c, err := assessment.ParseCatalog(name+"/"+how, variant)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, how, err)
			}
			if c.SHA256() != orig.SHA256() {
				t.Errorf("%s/%s: sha256 %s, want %s", name, how, c.SHA256(), orig.SHA256())
			}
		}
	}
}

func TestCanonicalHashChangesWithOneLetter(t *testing.T) {
	for name, data := range loadTestInputs(t) {
		orig, err := assessment.ParseCatalog(name, data)
		if err != nil {
			t.Fatal(err)
		}
		// Change one letter of one criterion that has text.
		var c assessment.Catalog
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
		in := c.Indicators[len(c.Indicators)/2]
		changed := false
		for _, l := range []string{"3", "2", "4", "1", "5"} {
			lt := in.Levels[l]
			if lt.Criterion.Text == "" {
				continue
			}
			r := []rune(lt.Criterion.Text)
			last := len(r) - 1
			if r[last] == 'x' {
				r[last] = 'y'
			} else {
				r[last] = 'x'
			}
			lt.Criterion.Text = string(r)
			in.Levels[l] = lt
			changed = true
			break
		}
		if !changed {
			t.Fatalf("%s: no criterion with text in indicator %d", name, in.Number)
		}
		b, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := assessment.ParseCatalog(name+"/modified", b)
		if err != nil {
			t.Fatal(err)
		}
		if mod.SHA256() == orig.SHA256() {
			t.Errorf("%s: one changed letter kept sha256 %s", name, orig.SHA256())
		}
	}
}

// The canonical form keeps UTF-8 and HTML characters unescaped, so the
// bytes that are hashed are the same on every platform and readable.
func TestCanonicalBytesUnescaped(t *testing.T) {
	c := catfixCatalog(t)
	c.Title = "Uji <b>& — ü"
	b, err := assessment.CanonicalBytes(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"title":"Uji <b>& — ü"`) {
		t.Errorf("canonical title escaped: %s", b[:200])
	}
}

// Re-parsing the canonical bytes yields the same identity.
func TestCanonicalBytesRoundTrip(t *testing.T) {
	for name, data := range loadTestInputs(t) {
		c, err := assessment.ParseCatalog(name, data)
		if err != nil {
			t.Fatal(err)
		}
		canon, _ := assessment.CanonicalBytes(c)
		c2, err := assessment.ParseCatalog(name+"/canonical", canon)
		if err != nil {
			t.Fatal(err)
		}
		canon2, _ := assessment.CanonicalBytes(c2)
		if c2.SHA256() != c.SHA256() || !bytes.Equal(canon, canon2) {
			t.Errorf("%s: canonical round trip changed the identity", name)
		}
	}
}
