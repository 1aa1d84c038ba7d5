package assessment_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// catfixPath is a small valid catalog: 2 domains, 3 aspects, 4 indicators,
// one scale, 3 predicate bands. Aspect 1 (weight 0.3) holds indicators of
// 0.1 and 0.2, so float64 arithmetic would reject it (0.1 + 0.2 ≠ 0.3)
// while the exact decimal arithmetic of the validator accepts it.
const catfixPath = "../testdata/catalogs/minimal.json"

func catfixBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(catfixPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// catfixCatalog decodes the fixture without validating it, so a test can
// break it on purpose.
func catfixCatalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	var c assessment.Catalog
	if err := json.Unmarshal(catfixBytes(t), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// catfixNoDomains turns the fixture into a catalog without a domain layer
// (like Pemdi 2026): aspects 0.3 + 60.2 + 39.5 = 100.
func catfixNoDomains(c *assessment.Catalog) {
	c.Domains = []assessment.Domain{}
	for i := range c.Aspects {
		c.Aspects[i].Domain = 0
	}
}

func catfixEncode(t testing.TB, c *assessment.Catalog) []byte {
	t.Helper()
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFixtureIsValid(t *testing.T) {
	c, err := assessment.ParseCatalog("minimal.json", catfixBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.SHA256()) != 64 {
		t.Errorf("SHA256 = %q, want 64 hex digits", c.SHA256())
	}
	if got := len(c.IndicatorsOfAspect(1)); got != 2 {
		t.Errorf("aspect 1 has %d indicators, want 2", got)
	}
	// The fixture only validates because sums are exact: in float64
	// 0.1 + 0.2 != 0.3.
	if a, b := 0.1, 0.2; a+b == 0.3 {
		t.Fatal("float64 unexpectedly exact; the fixture no longer proves exact arithmetic")
	}

	nd := catfixCatalog(t)
	catfixNoDomains(nd)
	if _, err := assessment.ParseCatalog("no-domains", catfixEncode(t, nd)); err != nil {
		t.Fatalf("catalog without domain layer rejected: %v", err)
	}
}

func TestValidateReportsEachProblem(t *testing.T) {
	set := func(f func(c *assessment.Catalog)) func(*assessment.Catalog) { return f }
	level := func(c *assessment.Catalog, ind int, l string, f func(*assessment.LevelText)) {
		lt := c.Indicators[ind].Levels[l]
		f(&lt)
		c.Indicators[ind].Levels[l] = lt
	}
	cases := []struct {
		name     string
		mutate   func(c *assessment.Catalog) // applied to the decoded fixture
		raw      func(b []byte) []byte       // or: applied to the fixture bytes
		wantPath string                      // substring of Problem.Path
		wantMsg  string                      // substring of Problem.Msg
	}{
		// Weights, checked in exact decimal arithmetic.
		{name: "indicator weights do not add up to aspect weight",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[2].Weight = "60.3" }),
			wantPath: "aspects[1].weight", wantMsg: "bobot indikatornya berjumlah"},
		{name: "aspect weights do not add up to domain weight",
			mutate: set(func(c *assessment.Catalog) {
				c.Indicators[2].Weight, c.Aspects[1].Weight = "60.3", "60.3"
			}),
			wantPath: "domains[1].weight", wantMsg: "bobot aspeknya berjumlah"},
		{name: "domain weights do not add up to 100",
			mutate: set(func(c *assessment.Catalog) {
				c.Indicators[2].Weight, c.Aspects[1].Weight, c.Domains[1].Weight = "60.3", "60.3", "99.8"
			}),
			wantPath: "domains", wantMsg: "harus 100"},
		{name: "aspect weights do not add up to 100 without domains",
			mutate: set(func(c *assessment.Catalog) {
				catfixNoDomains(c)
				c.Indicators[3].Weight, c.Aspects[2].Weight = "39.4", "39.4"
			}),
			wantPath: "aspects", wantMsg: "harus 100"},
		{name: "aspect without indicators",
			mutate: set(func(c *assessment.Catalog) {
				c.Aspects = append(c.Aspects, assessment.Aspect{Number: 4, Domain: 1, Name: "Kosong", Weight: "1"})
			}),
			wantPath: "aspects[3]", wantMsg: "tidak punya indikator"},
		{name: "weight zero",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Weight = "0" }),
			wantPath: "indicators[0].weight", wantMsg: "positif"},
		{name: "weight with exponent",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Weight = "1e-1" }),
			wantPath: "indicators[0].weight", wantMsg: "desimal"},
		{name: "weight with huge exponent is rejected, not computed",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Weight = "1e-999999" }),
			wantPath: "indicators[0].weight", wantMsg: "desimal"},

		// Duplicate numbers.
		{name: "duplicate indicator number",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[1].Number = 1 }),
			wantPath: "indicators[1].number", wantMsg: "ganda"},
		{name: "duplicate aspect number",
			mutate:   set(func(c *assessment.Catalog) { c.Aspects[2].Number = 2 }),
			wantPath: "aspects[2].number", wantMsg: "ganda"},
		{name: "duplicate domain number",
			mutate:   set(func(c *assessment.Catalog) { c.Domains[1].Number = 1 }),
			wantPath: "domains[1].number", wantMsg: "ganda"},
		{name: "duplicate scale id",
			mutate:   set(func(c *assessment.Catalog) { c.Scales = append(c.Scales, c.Scales[0]) }),
			wantPath: "scales[1].id", wantMsg: "ganda"},

		// Levels 1–5.
		{name: "scale lacks level 3",
			mutate: set(func(c *assessment.Catalog) {
				l := c.Scales[0].Levels
				c.Scales[0].Levels = append(l[:2:2], l[3:]...)
			}),
			wantPath: "scales[0].levels", wantMsg: "tingkat 3 tidak ada"},
		{name: "scale level outside 1-5",
			mutate:   set(func(c *assessment.Catalog) { c.Scales[0].Levels[4].Level = 6 }),
			wantPath: "scales[0].levels[4].level", wantMsg: "di luar 1–5"},
		{name: "scale level without name",
			mutate:   set(func(c *assessment.Catalog) { c.Scales[0].Levels[0].Name = "" }),
			wantPath: "scales[0].levels[0].name", wantMsg: "wajib"},
		{name: "indicator lacks level 4",
			mutate:   set(func(c *assessment.Catalog) { delete(c.Indicators[0].Levels, "4") }),
			wantPath: "indicators[0].levels", wantMsg: "tingkat 4 tidak ada"},
		{name: "indicator has level 6",
			mutate: set(func(c *assessment.Catalog) {
				c.Indicators[0].Levels["6"] = c.Indicators[0].Levels["5"]
			}),
			wantPath: "indicators[0].levels.6", wantMsg: "di luar 1–5"},
		{name: "indicator level key with leading zero",
			mutate: set(func(c *assessment.Catalog) {
				c.Indicators[0].Levels["05"] = c.Indicators[0].Levels["5"]
			}),
			wantPath: "indicators[0].levels.05", wantMsg: "di luar 1–5"},

		// Predicate bands (fixture: Baik [3,5], Cukup [2,3), Kurang [1,2)).
		{name: "predicate gap",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[1].Max = "2.9" }),
			wantPath: "predicates[0]", wantMsg: "celah"},
		{name: "predicate overlap",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[1].Max = "3.1" }),
			wantPath: "predicates[0]", wantMsg: "tumpang tindih"},
		{name: "boundary value in two bands",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[1].MaxInclusive = true }),
			wantPath: "predicates[0]", wantMsg: "masuk ke dua predikat"},
		{name: "boundary value in no band",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[0].MinInclusive = false }),
			wantPath: "predicates[0]", wantMsg: "tidak masuk predikat mana pun"},
		{name: "bands do not start at 1",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[2].Min = "1.5" }),
			wantPath: "predicates[2]", wantMsg: "dimulai tepat di 1"},
		{name: "bands start at 1 exclusive",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[2].MinInclusive = false }),
			wantPath: "predicates[2]", wantMsg: "dimulai tepat di 1"},
		{name: "bands do not end at 5",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[0].Max = "4.5" }),
			wantPath: "predicates[0]", wantMsg: "berakhir tepat di 5"},
		{name: "bands end at 5 exclusive",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[0].MaxInclusive = false }),
			wantPath: "predicates[0]", wantMsg: "berakhir tepat di 5"},
		{name: "band min not below max",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[1].Min = "3" }),
			wantPath: "predicates[1]", wantMsg: "lebih kecil"},
		{name: "band bound not a plain decimal",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates[2].Min = "1e0" }),
			wantPath: "predicates[2].min", wantMsg: "desimal"},
		{name: "no predicates",
			mutate:   set(func(c *assessment.Catalog) { c.Predicates = nil }),
			wantPath: "predicates", wantMsg: "minimal satu"},

		// References.
		{name: "unknown scale",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Scale = "layanan" }),
			wantPath: "indicators[0].scale", wantMsg: `"layanan" tidak ada`},
		{name: "unknown aspect",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Aspect = 9 }),
			wantPath: "indicators[0].aspect", wantMsg: "aspek 9 tidak ada"},
		{name: "unknown domain",
			mutate:   set(func(c *assessment.Catalog) { c.Aspects[0].Domain = 7 }),
			wantPath: "aspects[0].domain", wantMsg: "domain 7 tidak ada"},
		{name: "domain reference in catalog without domains",
			mutate: set(func(c *assessment.Catalog) {
				catfixNoDomains(c)
				c.Aspects[0].Domain = 1
			}),
			wantPath: "aspects[0].domain", wantMsg: "tanpa domain"},

		// Provenance.
		{name: "unknown provenance",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Question.Source = "wikipedia" }),
			wantPath: "indicators[0].question.source", wantMsg: `"wikipedia" tidak dikenal`},
		{name: "required text without provenance",
			mutate:   set(func(c *assessment.Catalog) { c.Indicators[0].Guidance = assessment.Text{} }),
			wantPath: "indicators[0].guidance.source", wantMsg: "wajib"},
		{name: "optional text with text but no provenance",
			mutate: set(func(c *assessment.Catalog) {
				c.Indicators[0].AssessmentNote = assessment.Text{Text: "catatan"}
			}),
			wantPath: "indicators[0].assessment_note.source", wantMsg: "wajib"},
		{name: "missing text that has text",
			mutate: set(func(c *assessment.Catalog) {
				level(c, 0, "3", func(lt *assessment.LevelText) { lt.Evidence.Text = "teks karangan" })
			}),
			wantPath: "indicators[0].levels.3.evidence", wantMsg: `"missing" harus kosong`},
		{name: "empty text not marked missing",
			mutate: set(func(c *assessment.Catalog) {
				level(c, 1, "2", func(lt *assessment.LevelText) { lt.Criterion.Text = "" })
			}),
			wantPath: "indicators[1].levels.2.criterion", wantMsg: `harus bersumber "missing"`},
		{name: "scale description missing with text",
			mutate: set(func(c *assessment.Catalog) {
				c.Scales[0].Levels[1].Description.Source = assessment.FromMissing
			}),
			wantPath: "scales[0].levels[1].description", wantMsg: "harus kosong"},

		// Header.
		{name: "wrong format string",
			mutate:   set(func(c *assessment.Catalog) { c.Format = "spbe-mandiri-katalog" }),
			wantPath: "format", wantMsg: `harus "spbe-mandiri-catalog"`},
		{name: "unsupported format version",
			mutate:   set(func(c *assessment.Catalog) { c.FormatVersion = assessment.CatalogFormatVersion + 1 }),
			wantPath: "format_version", wantMsg: "tidak didukung"},
		{name: "unknown status",
			mutate:   set(func(c *assessment.Catalog) { c.Status = "draft" }),
			wantPath: "status", wantMsg: `"draft"`},
		{name: "missing id",
			mutate:   set(func(c *assessment.Catalog) { c.ID = "" }),
			wantPath: "id", wantMsg: "wajib"},
		{name: "missing version",
			mutate:   set(func(c *assessment.Catalog) { c.Version = "" }),
			wantPath: "version", wantMsg: "wajib"},

		// Decoding.
		{name: "malformed JSON",
			raw: func(b []byte) []byte {
				return bytes.Replace(b, []byte(`"id": "uji-minimal",`), []byte(`"id": "uji-minimal",,`), 1)
			},
			wantPath: "byte ", wantMsg: "JSON tidak valid"},
		{name: "truncated JSON",
			raw:     func(b []byte) []byte { return b[:len(b)/2] },
			wantMsg: "JSON tidak valid"},
		{name: "empty file",
			raw:     func([]byte) []byte { return nil },
			wantMsg: "JSON tidak valid"},
		{name: "wrong JSON type",
			raw: func(b []byte) []byte {
				return bytes.Replace(b, []byte(`"format_version": 1`), []byte(`"format_version": "1"`), 1)
			},
			wantPath: "format_version", wantMsg: "JSON tidak valid"},
		{name: "unknown field",
			raw: func(b []byte) []byte {
				return bytes.Replace(b, []byte(`{`), []byte(`{"colour": "merah", `), 1)
			},
			wantMsg: `unknown field "colour"`},
		{name: "unknown nested field",
			raw: func(b []byte) []byte {
				return bytes.Replace(b, []byte(`"scale": "proses",`), []byte(`"scale": "proses", "catatan": "x",`), 1)
			},
			wantMsg: `unknown field "catatan"`},
		{name: "trailing object",
			raw:     func(b []byte) []byte { return append(append([]byte{}, b...), "{}"...) },
			wantMsg: "setelah objek JSON"},
		{name: "trailing garbage",
			raw:     func(b []byte) []byte { return append(append([]byte{}, b...), "x"...) },
			wantMsg: "setelah objek JSON"},
		{name: "file too large",
			raw: func(b []byte) []byte {
				return append(append([]byte{}, b...), bytes.Repeat([]byte(" "), assessment.MaxCatalogSize)...)
			},
			wantMsg: "terlalu besar"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.raw != nil {
				data = tc.raw(catfixBytes(t))
			} else {
				c := catfixCatalog(t)
				tc.mutate(c)
				data = catfixEncode(t, c)
			}
			c, err := assessment.ParseCatalog("uji.json", data)
			if err == nil {
				t.Fatalf("accepted (sha256 %s), want a problem at %q", c.SHA256(), tc.wantPath)
			}
			var ve *assessment.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T (%v), want *assessment.ValidationError", err, err)
			}
			if ve.File != "uji.json" || !strings.Contains(ve.Error(), "uji.json") {
				t.Errorf("error does not name the file: %v", ve)
			}
			for _, p := range ve.Problems {
				if strings.Contains(p.Path, tc.wantPath) && strings.Contains(p.Msg, tc.wantMsg) {
					return
				}
			}
			t.Errorf("no problem with path ~%q and message ~%q in:\n%v", tc.wantPath, tc.wantMsg, ve)
		})
	}
}

// Validate collects every problem instead of stopping at the first.
func TestValidateListsAllProblems(t *testing.T) {
	c := catfixCatalog(t)
	c.Format = "x"
	c.Indicators[0].Scale = "x"
	c.Domains[1].Number = 1
	probs := assessment.Validate(c)
	want := []string{"format", "indicators[0].scale", "domains[1].number"}
	for _, w := range want {
		found := false
		for _, p := range probs {
			found = found || p.Path == w
		}
		if !found {
			t.Errorf("problem at %s not reported; got %v", w, probs)
		}
	}
}
