// Package assessment is the domain of SPBE Mandiri: versioned instrument
// catalogs, answers, evidence references, scoring and the interfaces that
// storage and export implement. It imports only the standard library.
package assessment

import (
	"encoding/json"
	"math/big"
	"sort"
)

// CatalogFormat is the value of Catalog.Format for files this code reads.
const CatalogFormat = "spbe-mandiri-catalog"

// CatalogFormatVersion is the newest catalog format version this code reads.
// Version 2 adds evidence items, valued-by blocks, score ranges, indicator
// notes and the headline rule (catalog_v2.go); version 1 files still load.
const CatalogFormatVersion = 2

// Catalog status values.
const (
	StatusOfficial    = "official"
	StatusProvisional = "provisional"
)

// Provenance tells where a text of the instrument comes from, so the UI and
// the PDF can label paraphrases and never present missing text as real.
type Provenance string

// The provenance values a catalog may use.
const (
	FromRegulation    Provenance = "regulation"     // verbatim from the regulation's Lampiran
	FromPedomanTeknis Provenance = "pedoman-teknis" // the technical guideline (Pedoman Teknis)
	FromSecondary     Provenance = "secondary"      // a third party's transcription of official material
	FromParaphrase    Provenance = "paraphrase"     // a third party's paraphrase, not the official text
	FromMissing       Provenance = "missing"        // no trustworthy text exists; Text is empty
)

var validProvenance = map[Provenance]bool{
	FromRegulation: true, FromPedomanTeknis: true, FromSecondary: true,
	FromParaphrase: true, FromMissing: true,
}

// Text is one piece of instrument text with its provenance.
type Text struct {
	Text   string     `json:"text"`
	Source Provenance `json:"source"`
	// Ref names the document the text was taken from, for the curious reader.
	Ref string `json:"ref,omitempty"`
}

// Missing reports whether the text is absent (never shown as if it existed).
func (t Text) Missing() bool { return t.Source == FromMissing || t.Text == "" }

// LegalBasis names the regulation that defines the instrument.
type LegalBasis struct {
	Regulation string `json:"regulation"`
	Short      string `json:"short"`
	Note       string `json:"note,omitempty"`
}

// Level is one rung of a level scale.
type Level struct {
	Level       int    `json:"level"`
	Name        string `json:"name"`
	NameEN      string `json:"name_en,omitempty"`
	Description Text   `json:"description"`
}

// Scale is a named 1–5 level scale (SPBE 2020 has two: process and service
// capability).
type Scale struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Levels []Level `json:"levels"`
}

// Predicate is one predicate band over the index, with explicit bounds.
type Predicate struct {
	Name         string      `json:"name"`
	Min          json.Number `json:"min"`
	Max          json.Number `json:"max"`
	MinInclusive bool        `json:"min_inclusive"`
	MaxInclusive bool        `json:"max_inclusive"`
}

// Domain is the optional top layer of the hierarchy.
type Domain struct {
	Number int         `json:"number"`
	Name   string      `json:"name"`
	Weight json.Number `json:"weight"`
}

// Aspect groups indicators; Domain is 0 when the catalog has no domains.
type Aspect struct {
	Number int         `json:"number"`
	Domain int         `json:"domain,omitempty"`
	Name   string      `json:"name"`
	Weight json.Number `json:"weight"`
}

// LevelText is what one level of one indicator demands and what proves it.
type LevelText struct {
	Criterion Text `json:"criterion"`
	Evidence  Text `json:"evidence"`
	// Items are the evidence items of the level as the portal lists them
	// (format version 2).
	Items []EvidenceItem `json:"evidence_items,omitempty"`
	// ScoreRange is the range of the indicator's reference index that
	// corresponds to this level (IKASANDI for Pemdi I10–I12; version 2).
	ScoreRange *ScoreRange `json:"score_range,omitempty"`
}

// Indicator is one question of the instrument.
type Indicator struct {
	Number          int                  `json:"number"`
	Aspect          int                  `json:"aspect"`
	Name            string               `json:"name"`
	Weight          json.Number          `json:"weight"`
	Scale           string               `json:"scale"`
	Question        Text                 `json:"question"`
	Guidance        Text                 `json:"guidance"`
	AssessmentNote  Text                 `json:"assessment_note"`
	EvidenceGeneral Text                 `json:"evidence_general"`
	Levels          map[string]LevelText `json:"levels"`
	// ValuedBy says that another agency's index values the indicator
	// (format version 2).
	ValuedBy *ValuedBy `json:"valued_by,omitempty"`
	// Notes are remarks on the indicator, e.g. known conflicts between
	// sources (format version 2).
	Notes []Text `json:"notes,omitempty"`
}

// Level returns the texts of level l (1..5).
func (in Indicator) Level(l int) LevelText {
	return in.Levels[string(rune('0'+l))]
}

// Catalog is one version of an evaluation instrument, as data.
type Catalog struct {
	Format        string      `json:"format"`
	FormatVersion int         `json:"format_version"`
	ID            string      `json:"id"`
	Version       string      `json:"version"`
	Title         string      `json:"title"`
	LegalBasis    LegalBasis  `json:"legal_basis"`
	Status        string      `json:"status"`
	StatusNote    string      `json:"status_note,omitempty"`
	Scales        []Scale     `json:"scales"`
	Predicates    []Predicate `json:"predicates"`
	Domains       []Domain    `json:"domains"`
	Aspects       []Aspect    `json:"aspects"`
	Indicators    []Indicator `json:"indicators"`
	// ProvisionalIndex is the rule for the headline index of a partial
	// assessment (format version 2): HeadlineMean (default) or
	// HeadlineMissingAsOne.
	ProvisionalIndex string `json:"provisional_index,omitempty"`

	// sha256 is the hex SHA-256 of the canonical bytes; set by the loader.
	sha256 string
}

// SHA256 is the hex SHA-256 of the catalog's canonical bytes: part of its
// identity, pinned by every assessment started on it.
func (c *Catalog) SHA256() string { return c.sha256 }

// Provisional reports whether the catalog is not (yet) the official text.
func (c *Catalog) Provisional() bool { return c.Status == StatusProvisional }

// Indicator returns the indicator with the given number.
func (c *Catalog) Indicator(n int) (Indicator, bool) {
	for _, in := range c.Indicators {
		if in.Number == n {
			return in, true
		}
	}
	return Indicator{}, false
}

// Aspect returns the aspect with the given number.
func (c *Catalog) Aspect(n int) (Aspect, bool) {
	for _, a := range c.Aspects {
		if a.Number == n {
			return a, true
		}
	}
	return Aspect{}, false
}

// Domain returns the domain with the given number.
func (c *Catalog) Domain(n int) (Domain, bool) {
	for _, d := range c.Domains {
		if d.Number == n {
			return d, true
		}
	}
	return Domain{}, false
}

// Scale returns the scale with the given id.
func (c *Catalog) Scale(id string) (Scale, bool) {
	for _, s := range c.Scales {
		if s.ID == id {
			return s, true
		}
	}
	return Scale{}, false
}

// LevelName is the name of level l on the indicator's scale ("Rintisan").
func (c *Catalog) LevelName(in Indicator, l int) string {
	s, _ := c.Scale(in.Scale)
	for _, lv := range s.Levels {
		if lv.Level == l {
			return lv.Name
		}
	}
	return ""
}

// IndicatorsOfAspect lists the aspect's indicators in number order.
func (c *Catalog) IndicatorsOfAspect(aspect int) []Indicator {
	var out []Indicator
	for _, in := range c.Indicators {
		if in.Aspect == aspect {
			out = append(out, in)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

// AspectsOfDomain lists the domain's aspects in number order.
func (c *Catalog) AspectsOfDomain(domain int) []Aspect {
	var out []Aspect
	for _, a := range c.Aspects {
		if a.Domain == domain {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

// rat parses a decimal weight or bound exactly; the validator has already
// rejected anything unparsable, so a failure here yields zero.
func rat(n json.Number) *big.Rat {
	r, ok := new(big.Rat).SetString(string(n))
	if !ok {
		return new(big.Rat)
	}
	return r
}
