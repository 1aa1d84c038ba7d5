// Package catalogconv converts the research reference files
// (spbe-indicators-2020.json, pemdi-indicators-2026.json) into the
// embedded instrument catalogs in the format of assessment.Catalog.
//
// It is used by the generator command (assets/gen) and by the test in
// package assets that proves the committed catalogs are reproducible.
//
// Rules it follows:
//   - Never invent text. A text that is empty, null or exactly "UNVERIFIED"
//     becomes {text:"", source:"missing", ref: reason}. A text that
//     contains "UNVERIFIED" anywhere else is an error, because a human must
//     decide what it means.
//   - Weights and predicate bounds are copied as decimal text, never through
//     float64; only redundant trailing fractional zeros are dropped
//     ("13.0" → "13", "2.75" stays "2.75"), which does not change the value.
//   - The output is deterministic and must pass assessment.ParseCatalog,
//     otherwise Generate fails.
package catalogconv

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Reference file names inside the reference directory.
const (
	SPBERefFile  = "spbe-indicators-2020.json"
	PemdiRefFile = "pemdi-indicators-2026.json"
)

// Output file names inside assets/catalogs.
const (
	SPBEFile  = "spbe-2020.json"
	PemdiFile = "pemdi-2026.json"
)

// unverified is the marker the reference uses for text it could not verify.
const unverified = "UNVERIFIED"

// File is one generated catalog file.
type File struct {
	Name string
	Data []byte
}

// Generate reads both reference files from refDir and returns the two
// catalog files, sorted by name. Each file has passed assessment.ParseCatalog.
func Generate(refDir string) ([]File, error) {
	var out []File
	for _, g := range []struct {
		ref, name string
		conv      func([]byte) (*assessment.Catalog, error)
	}{
		{SPBERefFile, SPBEFile, SPBE2020},
		{PemdiRefFile, PemdiFile, Pemdi2026},
	} {
		raw, err := os.ReadFile(filepath.Join(refDir, g.ref))
		if err != nil {
			return nil, err
		}
		c, err := g.conv(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.ref, err)
		}
		data, err := Encode(c)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.name, err)
		}
		if _, err := assessment.ParseCatalog("generated:"+g.name, data); err != nil {
			return nil, fmt.Errorf("generated catalog rejected by assessment.ParseCatalog: %w", err)
		}
		out = append(out, File{Name: g.name, Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Encode writes a catalog the way the embedded files are stored: 2-space
// indentation, no HTML escaping (UTF-8 text stays readable), one trailing
// newline.
func Encode(c *assessment.Catalog) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ---------------------------------------------------------------------------
// Reference file shapes (only the fields the catalogs use).

type refPredicate struct {
	Name         string      `json:"name"`
	Min          json.Number `json:"min"`
	Max          json.Number `json:"max"`
	MinInclusive *bool       `json:"min_inclusive"`
	MaxInclusive *bool       `json:"max_inclusive"`
}

type refDomain struct {
	ID      *int        `json:"id"` // null: pseudo-domain, no domain layer
	Name    string      `json:"name"`
	Weight  json.Number `json:"weight"`
	Aspects []refAspect `json:"aspects"`
}

type refAspect struct {
	ID         int               `json:"id"`
	Name       string            `json:"name"`
	Weight     json.Number       `json:"weight"`
	Indicators []json.RawMessage `json:"indicators"`
}

type spbeRef struct {
	LegalBasis struct {
		Regulation string `json:"regulation"`
	} `json:"legal_basis"`
	Levels []struct {
		Level           int    `json:"level"`
		Name            string `json:"name"`
		NameLayanan     string `json:"name_layanan"`
		CriteriaProses  string `json:"criteria_proses_tabel1"`
		CriteriaLayanan string `json:"criteria_layanan_tabel2"`
	} `json:"levels"`
	Predicates []refPredicate `json:"predicates"`
	Domains    []refDomain    `json:"domains"`
}

type spbeIndicator struct {
	Number          int                 `json:"number"`
	Name            string              `json:"name"`
	Weight          json.Number         `json:"weight"`
	CapabilityType  string              `json:"capability_type"`
	Question        string              `json:"question"`
	Description     []string            `json:"description"`
	AssessmentNote  string              `json:"assessment_note"`
	EvidenceGeneral string              `json:"evidence_general"`
	Criteria        map[string]string   `json:"criteria"`
	EvidenceByLevel map[string][]string `json:"evidence_by_level"`
}

type pemdiRef struct {
	LegalBasis struct {
		Regulation string `json:"regulation"`
	} `json:"legal_basis"`
	Levels []struct {
		Level  int    `json:"level"`
		Name   string `json:"name"`
		NameID string `json:"name_id"`
	} `json:"levels"`
	Predicates []refPredicate `json:"predicates"`
	Domains    []refDomain    `json:"domains"`
}

type pemdiIndicator struct {
	Number                    int                 `json:"number"`
	Name                      string              `json:"name"`
	Weight                    json.Number         `json:"weight"`
	Question                  string              `json:"question"`
	Description               string              `json:"description"`
	Criteria                  map[string]string   `json:"criteria"`
	CriteriaModulSecondary    map[string]string   `json:"criteria_modul_secondary"`
	CriteriaSummaryParaphrase map[string]string   `json:"criteria_summary_paraphrase"`
	Evidence                  []string            `json:"evidence"`
	EvidenceByLevel           map[string][]string `json:"evidence_by_level"`
}

func decodeRef(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // weights and bounds stay decimal text
	return dec.Decode(v)
}

// ---------------------------------------------------------------------------
// Text helpers.

// ErrPartlyUnverified is returned when a text mixes real content with the
// UNVERIFIED marker; the generator refuses to guess what to keep.
var ErrPartlyUnverified = errors.New("text is partly UNVERIFIED; decide by hand how to represent it")

// isAbsent reports whether s carries no trustworthy text.
func isAbsent(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || t == unverified
}

func missing(reason string) assessment.Text {
	return assessment.Text{Text: "", Source: assessment.FromMissing, Ref: reason}
}

// text turns one reference string into a catalog text: verbatim with the
// given provenance, or missing when the reference has nothing trustworthy.
func text(s string, src assessment.Provenance, ref, missingRef string) (assessment.Text, error) {
	if isAbsent(s) {
		return missing(missingRef), nil
	}
	if strings.Contains(s, unverified) {
		return assessment.Text{}, fmt.Errorf("%q: %w", abbrev(s), ErrPartlyUnverified)
	}
	return assessment.Text{Text: s, Source: src, Ref: ref}, nil
}

// joined turns a list of reference strings into one text, items separated
// by "\n". An empty list, or one whose items are all absent, is missing; a
// list mixing absent and real items is an error.
func joined(items []string, src assessment.Provenance, ref, missingRef string) (assessment.Text, error) {
	absent := 0
	for _, it := range items {
		if isAbsent(it) {
			absent++
		}
	}
	switch {
	case absent == len(items):
		return missing(missingRef), nil
	case absent > 0:
		return assessment.Text{}, fmt.Errorf("%q: %w", abbrev(strings.Join(items, " | ")), ErrPartlyUnverified)
	}
	return text(strings.Join(items, "\n"), src, ref, missingRef)
}

func abbrev(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// Decimal returns the reference number as plain decimal text with redundant
// trailing fractional zeros removed ("13.0" → "13", "2.50" → "2.5"). It
// never goes through float64, so the value is exactly the reference's.
func Decimal(n json.Number) (json.Number, error) {
	s := string(n)
	if !plainDecimal.MatchString(s) {
		return "", fmt.Errorf("number %q is not a plain decimal", s)
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return json.Number(s), nil
}

// ---------------------------------------------------------------------------
// Shared structure.

// hierarchy flattens the reference's domains → aspects → indicators. A
// domain whose id is null is a pseudo-domain: its aspects have no domain.
func hierarchy(refDomains []refDomain) ([]assessment.Domain, []assessment.Aspect, map[int][]json.RawMessage, error) {
	domains := []assessment.Domain{}
	var aspects []assessment.Aspect
	indicators := map[int][]json.RawMessage{}
	for _, d := range refDomains {
		domainNo := 0
		if d.ID != nil {
			w, err := Decimal(d.Weight)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("domain %d weight: %w", *d.ID, err)
			}
			domainNo = *d.ID
			domains = append(domains, assessment.Domain{Number: domainNo, Name: d.Name, Weight: w})
		}
		for _, a := range d.Aspects {
			w, err := Decimal(a.Weight)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("aspect %d weight: %w", a.ID, err)
			}
			aspects = append(aspects, assessment.Aspect{Number: a.ID, Domain: domainNo, Name: a.Name, Weight: w})
			indicators[a.ID] = append(indicators[a.ID], a.Indicators...)
		}
	}
	if len(domains) > 0 && len(domains) != len(refDomains) {
		return nil, nil, nil, errors.New("reference mixes real domains and a pseudo-domain (id null)")
	}
	sort.Slice(domains, func(i, j int) bool { return domains[i].Number < domains[j].Number })
	sort.Slice(aspects, func(i, j int) bool { return aspects[i].Number < aspects[j].Number })
	return domains, aspects, indicators, nil
}

// predicates copies the bands. When the reference gives no inclusivity
// flags the usual rule applies: min inclusive, max exclusive, except the
// top band (max 5), which includes 5.
func predicates(ref []refPredicate) ([]assessment.Predicate, error) {
	out := make([]assessment.Predicate, 0, len(ref))
	for _, p := range ref {
		lo, err := Decimal(p.Min)
		if err != nil {
			return nil, fmt.Errorf("predicate %q min: %w", p.Name, err)
		}
		hi, err := Decimal(p.Max)
		if err != nil {
			return nil, fmt.Errorf("predicate %q max: %w", p.Name, err)
		}
		minIncl, maxIncl := true, hi == "5"
		if p.MinInclusive != nil {
			minIncl = *p.MinInclusive
		}
		if p.MaxInclusive != nil {
			maxIncl = *p.MaxInclusive
		}
		out = append(out, assessment.Predicate{Name: p.Name, Min: lo, Max: hi, MinInclusive: minIncl, MaxInclusive: maxIncl})
	}
	return out, nil
}

func levelKey(l int) string { return strconv.Itoa(l) }

// ---------------------------------------------------------------------------
// SPBE 2020.

// Provenance references used in the SPBE 2020 catalog.
const (
	spbeRefKuesioner   = "PermenPANRB 59/2020 Lampiran Bab II.E (Kuesioner)"
	spbeRefTabel1      = "PermenPANRB 59/2020 Lampiran Bab II.A, Tabel 1"
	spbeRefTabel2      = "PermenPANRB 59/2020 Lampiran Bab II.A, Tabel 2"
	spbeRefPenjelasan  = "Kepmen PANRB 962/2021 (Pedoman Teknis), Penjelasan Indikator — transkripsi sekunder"
	spbeRefPenilaian   = "Kepmen PANRB 962/2021 (Pedoman Teknis), Penjelasan Penilaian — transkripsi sekunder"
	spbeRefBukti       = "Kepmen PANRB 962/2021 (Pedoman Teknis), Penjelasan Bukti Dukung — transkripsi sekunder"
	spbeRefBuktiLevel  = "Kepmen PANRB 962/2021 (Pedoman Teknis), Kriteria Bukti Dukung — transkripsi sekunder"
	spbeMissingPT      = "Pedoman Teknis (Kepmen PANRB 962/2021): transkripsi sekunder cacat, teks tidak dapat diverifikasi"
	spbeMissingRegText = "PermenPANRB 59/2020: teks tidak tersedia dalam sumber"
)

// SPBE2020 converts spbe-indicators-2020.json into the "spbe-2020" catalog.
func SPBE2020(raw []byte) (*assessment.Catalog, error) {
	var ref spbeRef
	if err := decodeRef(raw, &ref); err != nil {
		return nil, err
	}
	c := &assessment.Catalog{
		Format:        assessment.CatalogFormat,
		FormatVersion: assessment.CatalogFormatVersion,
		ID:            "spbe-2020",
		// 2020.1 (format 1, no evidence items) stays embedded in
		// assets/catalogs/archive for assessments pinned to it.
		Version:          "2020.2",
		ProvisionalIndex: assessment.HeadlineMean,
		Title:            "Evaluasi SPBE (PermenPANRB 59/2020)",
		LegalBasis: assessment.LegalBasis{
			Regulation: ref.LegalBasis.Regulation,
			Short:      "PermenPANRB 59/2020",
			Note:       "Dilengkapi Pedoman Teknis Pemantauan dan Evaluasi SPBE (Keputusan Menteri PANRB Nomor 962 Tahun 2021). Instrumen evaluasi SPBE tahun 2021–2025.",
		},
		Status: assessment.StatusOfficial,
		StatusNote: "Nama, bobot, pertanyaan dan kriteria tingkat dikutip verbatim dari Lampiran PermenPANRB 59/2020. " +
			"Penjelasan indikator, penjelasan penilaian dan bukti dukung berasal dari transkripsi sekunder Pedoman Teknis " +
			"(Kepmen PANRB 962/2021); teks yang transkripsinya cacat ditandai tidak tersedia.",
	}

	proses := assessment.Scale{ID: "proses", Name: "Kapabilitas Proses"}
	layanan := assessment.Scale{ID: "layanan", Name: "Kapabilitas Layanan"}
	for _, l := range ref.Levels {
		dp, err := text(l.CriteriaProses, assessment.FromRegulation, spbeRefTabel1, spbeMissingRegText)
		if err != nil {
			return nil, fmt.Errorf("level %d: %w", l.Level, err)
		}
		dl, err := text(l.CriteriaLayanan, assessment.FromRegulation, spbeRefTabel2, spbeMissingRegText)
		if err != nil {
			return nil, fmt.Errorf("level %d: %w", l.Level, err)
		}
		proses.Levels = append(proses.Levels, assessment.Level{Level: l.Level, Name: l.Name, Description: dp})
		layanan.Levels = append(layanan.Levels, assessment.Level{Level: l.Level, Name: l.NameLayanan, Description: dl})
	}
	c.Scales = []assessment.Scale{proses, layanan}

	var err error
	if c.Predicates, err = predicates(ref.Predicates); err != nil {
		return nil, err
	}
	var rawInd map[int][]json.RawMessage
	if c.Domains, c.Aspects, rawInd, err = hierarchy(ref.Domains); err != nil {
		return nil, err
	}
	for _, a := range c.Aspects {
		for _, r := range rawInd[a.Number] {
			var ri spbeIndicator
			if err := decodeRef(r, &ri); err != nil {
				return nil, fmt.Errorf("aspect %d: %w", a.Number, err)
			}
			in, err := spbeIndicatorOf(ri, a.Number)
			if err != nil {
				return nil, fmt.Errorf("indicator %d: %w", ri.Number, err)
			}
			c.Indicators = append(c.Indicators, in)
		}
	}
	sort.Slice(c.Indicators, func(i, j int) bool { return c.Indicators[i].Number < c.Indicators[j].Number })
	return c, nil
}

func spbeIndicatorOf(ri spbeIndicator, aspect int) (assessment.Indicator, error) {
	in := assessment.Indicator{Number: ri.Number, Aspect: aspect, Name: ri.Name, Levels: map[string]assessment.LevelText{}}
	switch ri.CapabilityType {
	case "kapabilitas proses":
		in.Scale = "proses"
	case "kapabilitas layanan":
		in.Scale = "layanan"
	default:
		return in, fmt.Errorf("unknown capability_type %q", ri.CapabilityType)
	}
	var err error
	if in.Weight, err = Decimal(ri.Weight); err != nil {
		return in, err
	}
	if in.Question, err = text(ri.Question, assessment.FromRegulation, spbeRefKuesioner, spbeMissingRegText); err != nil {
		return in, fmt.Errorf("question: %w", err)
	}
	if in.Guidance, err = joined(ri.Description, assessment.FromPedomanTeknis, spbeRefPenjelasan, spbeMissingPT); err != nil {
		return in, fmt.Errorf("description: %w", err)
	}
	if in.AssessmentNote, err = text(ri.AssessmentNote, assessment.FromPedomanTeknis, spbeRefPenilaian, spbeMissingPT); err != nil {
		return in, fmt.Errorf("assessment_note: %w", err)
	}
	if in.EvidenceGeneral, err = text(ri.EvidenceGeneral, assessment.FromPedomanTeknis, spbeRefBukti, spbeMissingPT); err != nil {
		return in, fmt.Errorf("evidence_general: %w", err)
	}
	for l := 1; l <= 5; l++ {
		k := levelKey(l)
		var lt assessment.LevelText
		if lt.Criterion, err = text(ri.Criteria[k], assessment.FromRegulation, spbeRefKuesioner, spbeMissingRegText); err != nil {
			return in, fmt.Errorf("criteria %s: %w", k, err)
		}
		if lt.Evidence, err = joined(ri.EvidenceByLevel[k], assessment.FromPedomanTeknis, spbeRefBuktiLevel, spbeMissingPT); err != nil {
			return in, fmt.Errorf("evidence_by_level %s: %w", k, err)
		}
		lt.Items = spbeItems(ri.Number, l, ri.EvidenceByLevel[k], lt.Evidence)
		in.Levels[k] = lt
	}
	return in, nil
}

// spbeItems makes one evidence item per expected-evidence entry of the
// Pedoman Teknis (I{n}-L{l}-01, -02, … in the order listed), or a single
// item carrying the level's evidence text when it lists no entry, so both
// instruments are itemised the same way.
func spbeItems(n, l int, entries []string, whole assessment.Text) []assessment.EvidenceItem {
	var out []assessment.EvidenceItem
	for _, e := range entries {
		t := assessment.Text{Text: e, Source: assessment.FromPedomanTeknis, Ref: spbeRefBuktiLevel}
		if isAbsent(e) {
			t = missing(spbeMissingPT)
		}
		out = append(out, assessment.EvidenceItem{Code: ItemCode(n, l, len(out)+1), Text: t})
	}
	if len(out) == 0 {
		out = append(out, assessment.EvidenceItem{Code: ItemCode(n, l, 1), Text: whole})
	}
	return out
}

// ItemCode is the portal's code of item k of level l of indicator n.
func ItemCode(n, l, k int) string { return fmt.Sprintf("I%d-L%d-%02d", n, l, k) }

// ---------------------------------------------------------------------------
// Pemdi 2026 (provisional).

// Provenance references used in the Pemdi 2026 catalog.
const (
	pemdiRefLevels       = "Ringkasan PermenPANRB 8/2026, Tabel 4 (RokiFauziErenJaegar/edukasi-pemdi-permenpanrb-8-2026, data/regulasi.js, \"disarikan dari naskah salinan\") — parafrase, bukan naskah resmi"
	pemdiRefModul        = "Modul Indikator KemenPANRB, ekstraksi pihak ketiga (Niumination/PemdiAcehTengah) — bukan naskah resmi"
	pemdiRefParaphrase   = "Parafrase portal evaluasi Pemkab Minahasa Selatan (pemdiminsel-sys/portal-evaluasi-pemdi-v2) — bukan naskah resmi"
	pemdiRefSecondary    = "sumber sekunder — bukan naskah resmi"
	pemdiMissingQuestion = "Pertanyaan resmi (Lampiran PermenPANRB 8/2026) belum tersedia"
	pemdiMissingCriteria = "Kriteria tingkat resmi (Lampiran PermenPANRB 8/2026) belum tersedia"
	pemdiMissingEvidence = "Bukti dukung resmi (Lampiran PermenPANRB 8/2026) belum tersedia"
	pemdiMissingNote     = "Penjelasan penilaian resmi (PermenPANRB 8/2026) belum tersedia"
	pemdiMissingGuidance = "Penjelasan indikator tidak tersedia dalam sumber"
	pemdiMissingLevel    = "Deskripsi tingkat tidak tersedia dalam sumber"
)

var secondaryTag = regexp.MustCompile(`(?s)^(.*?)\s*\[secondary:\s*([^\]]+)\]\s*$`)

// Pemdi2026 converts pemdi-indicators-2026.json into the provisional
// "pemdi-2026" catalog.
func Pemdi2026(raw []byte) (*assessment.Catalog, error) {
	var ref pemdiRef
	if err := decodeRef(raw, &ref); err != nil {
		return nil, err
	}
	c := &assessment.Catalog{
		Format:        assessment.CatalogFormat,
		FormatVersion: assessment.CatalogFormatVersion,
		ID:            "pemdi-2026",
		// "2026.0.1-…" sorts after the archived 2026.0-provisional (format
		// 1, kept in assets/catalogs/archive for assessments pinned to it)
		// and before any official "2026.1" imported later.
		Version:          "2026.0.1-provisional",
		ProvisionalIndex: assessment.HeadlineMissingAsOne,
		Title:            "Evaluasi Kinerja Pemerintah Digital (PermenPANRB 8/2026) — sementara",
		LegalBasis: assessment.LegalBasis{
			Regulation: ref.LegalBasis.Regulation,
			Short:      "PermenPANRB 8/2026",
			Note:       "Naskah resmi beserta Lampirannya belum diperoleh; struktur dan bobot berasal dari beberapa sumber sekunder yang saling sesuai.",
		},
		Status: assessment.StatusProvisional,
		StatusNote: "Katalog SEMENTARA. Lampiran resmi PermenPANRB 8/2026 (kriteria per tingkat, pertanyaan, bukti dukung) belum tersedia " +
			"saat katalog ini disusun. Struktur, nama, bobot dan rentang predikat berasal dari sumber sekunder yang saling sesuai. " +
			"Penjelasan indikator bersumber sekunder. Kriteria tingkat diambil dari ekstraksi pihak ketiga " +
			"atas Modul Indikator KemenPANRB bila ada (sumber \"secondary\"); selain itu dari parafrase singkat portal Pemkab " +
			"Minahasa Selatan (sumber \"paraphrase\"), yang BUKAN naskah resmi. Pertanyaan dan bukti dukung per tingkat tidak tersedia. " +
			pemdiStatusPractice +
			"Impor katalog resmi begitu Lampiran PermenPANRB 8/2026 tersedia.",
	}

	scale := assessment.Scale{ID: "pemdi", Name: "Tingkat Kematangan Pemerintah Digital"}
	for _, l := range ref.Levels {
		// The 2025 concept's meanings in the reference are superseded; the
		// digest of PermenPANRB 8/2026 describes each level.
		d, err := text(pemdiLevelDigest[l.Level], assessment.FromParaphrase, pemdiRefLevels, pemdiMissingLevel)
		if err != nil {
			return nil, fmt.Errorf("level %d: %w", l.Level, err)
		}
		scale.Levels = append(scale.Levels, assessment.Level{Level: l.Level, Name: l.NameID, NameEN: l.Name, Description: d})
	}
	c.Scales = []assessment.Scale{scale}

	var err error
	if c.Predicates, err = predicates(ref.Predicates); err != nil {
		return nil, err
	}
	var rawInd map[int][]json.RawMessage
	if c.Domains, c.Aspects, rawInd, err = hierarchy(ref.Domains); err != nil {
		return nil, err
	}
	if len(c.Domains) != 0 {
		return nil, errors.New("expected no domain layer (a single pseudo-domain with id null)")
	}
	for _, a := range c.Aspects {
		for _, r := range rawInd[a.Number] {
			var ri pemdiIndicator
			if err := decodeRef(r, &ri); err != nil {
				return nil, fmt.Errorf("aspect %d: %w", a.Number, err)
			}
			in, err := pemdiIndicatorOf(ri, a.Number)
			if err != nil {
				return nil, fmt.Errorf("indicator %d: %w", ri.Number, err)
			}
			c.Indicators = append(c.Indicators, in)
		}
	}
	sort.Slice(c.Indicators, func(i, j int) bool { return c.Indicators[i].Number < c.Indicators[j].Number })
	if err := applyPemdiPractice(c); err != nil {
		return nil, err
	}
	return c, nil
}

func pemdiIndicatorOf(ri pemdiIndicator, aspect int) (assessment.Indicator, error) {
	in := assessment.Indicator{Number: ri.Number, Aspect: aspect, Name: ri.Name, Scale: "pemdi", Levels: map[string]assessment.LevelText{}}
	var err error
	if in.Weight, err = Decimal(ri.Weight); err != nil {
		return in, err
	}
	if in.Question, err = text(ri.Question, assessment.FromSecondary, pemdiRefSecondary, pemdiMissingQuestion); err != nil {
		return in, fmt.Errorf("question: %w", err)
	}

	desc, descRef := ri.Description, "sumber sekunder"
	if m := secondaryTag.FindStringSubmatch(desc); m != nil {
		desc, descRef = m[1], "sekunder: "+strings.TrimSpace(m[2])
	}
	if in.Guidance, err = text(desc, assessment.FromSecondary, descRef, pemdiMissingGuidance); err != nil {
		return in, fmt.Errorf("description: %w", err)
	}
	in.AssessmentNote = missing(pemdiMissingNote)
	if in.EvidenceGeneral, err = joined(ri.Evidence, assessment.FromSecondary, pemdiRefSecondary, pemdiMissingEvidence); err != nil {
		return in, fmt.Errorf("evidence: %w", err)
	}
	for l := 1; l <= 5; l++ {
		k := levelKey(l)
		var lt assessment.LevelText
		switch {
		case !isAbsent(ri.Criteria[k]):
			// An official text would be marked as such in the reference;
			// this converter was written for a reference without one.
			return in, fmt.Errorf("criteria %s now has text: update the converter to use it", k)
		case !isAbsent(ri.CriteriaModulSecondary[k]):
			lt.Criterion, err = text(ri.CriteriaModulSecondary[k], assessment.FromSecondary, pemdiRefModul, pemdiMissingCriteria)
		default:
			lt.Criterion, err = text(ri.CriteriaSummaryParaphrase[k], assessment.FromParaphrase, pemdiRefParaphrase, pemdiMissingCriteria)
		}
		if err != nil {
			return in, fmt.Errorf("criteria %s: %w", k, err)
		}
		if lt.Evidence, err = joined(ri.EvidenceByLevel[k], assessment.FromSecondary, pemdiRefSecondary, pemdiMissingEvidence); err != nil {
			return in, fmt.Errorf("evidence_by_level %s: %w", k, err)
		}
		in.Levels[k] = lt
	}
	return in, nil
}
