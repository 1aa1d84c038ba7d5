package bundle

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// answers.json format.
//
// Version 2 adds EvidenceLink.Items and Answer.External. The writer emits
// it only when an item link or an external score is present, so that an
// assessment without them gives the same bytes as before; the verifier
// reads both.
const (
	AnswersFormat          = "spbe-mandiri-answers"
	AnswersFormatVersion   = 1
	AnswersFormatVersionV2 = 2
)

// Answers is answers.json: the assessment as data.
type Answers struct {
	Format        string        `json:"format"`
	FormatVersion int           `json:"format_version"`
	Catalog       CatalogRef    `json:"catalog"`
	Profile       Profile       `json:"profile"`
	Assessment    AssessmentRef `json:"assessment"`
	Answers       []Answer      `json:"answers"` // sorted by indicator
	Score         Score         `json:"score"`
}

// Profile is the OPD profile at export time.
type Profile struct {
	Instansi string `json:"instansi"`
	OPDKode  string `json:"opd_kode"`
	OPDNama  string `json:"opd_nama"`
	Operator string `json:"operator"`
}

// AssessmentRef identifies the assessment in the OPD's installation.
type AssessmentRef struct {
	ID      string `json:"id"`
	Periode int    `json:"periode"`
}

// Answer is one indicator's answer; Level 0 means not chosen yet.
type Answer struct {
	Indicator     int            `json:"indicator"`
	Level         int            `json:"level"`
	Justification string         `json:"justification"`
	Evidence      []EvidenceLink `json:"evidence"`
	// External is the agency score entered for an externally valued
	// indicator (format version 2 only).
	External *ExternalScore `json:"external,omitempty"`
}

// ExternalScore is assessment.ExternalScore in answers.json.
type ExternalScore struct {
	Score string `json:"score"`
	Year  int    `json:"year"`
}

// EvidenceLink ties an evidence file to an answer.
type EvidenceLink struct {
	Path         string `json:"path"` // the bundle entry
	SHA256       string `json:"sha256"`
	Level        int    `json:"level"` // the level it supports; 0 = general
	Note         string `json:"note"`
	OriginalName string `json:"original_name"`
	// Items are the evidence-item codes the file supports (format version
	// 2 only), sorted.
	Items []string `json:"items,omitempty"`
}

// Score is the computed score at export time. Index is the unrounded
// index rounded to 4 decimals with a decimal point ("" when nothing is
// answered); Complete false means the index is provisional (sementara).
type Score struct {
	Index     string `json:"index"`
	Predicate string `json:"predicate"`
	Complete  bool   `json:"complete"`
	Answered  int    `json:"answered"`
	Total     int    `json:"total"`
}

// buildAnswers turns a snapshot into answers.json; paths maps evidence
// SHA-256 to its entry name.
func buildAnswers(s assessment.Snapshot, paths map[string]string) Answers {
	byIndicator := map[int]*Answer{}
	get := func(n int) *Answer {
		if byIndicator[n] == nil {
			byIndicator[n] = &Answer{Indicator: n, Evidence: []EvidenceLink{}}
		}
		return byIndicator[n]
	}
	version := AnswersFormatVersion
	for _, a := range s.Answers {
		e := get(a.Indicator)
		e.Level, e.Justification = a.Level, a.Justification
		if a.External != nil {
			e.External = &ExternalScore{Score: a.External.Score, Year: a.External.Year}
			version = AnswersFormatVersionV2
		}
	}
	for _, ev := range s.Evidence {
		e := get(ev.Indicator)
		e.Evidence = append(e.Evidence, EvidenceLink{Path: paths[ev.Blob.SHA256], SHA256: ev.Blob.SHA256,
			Level: ev.Level, Note: ev.Note, OriginalName: ev.OriginalName, Items: sortedItems(ev.Items)})
		if len(ev.Items) > 0 {
			version = AnswersFormatVersionV2
		}
	}
	list := make([]Answer, 0, len(byIndicator))
	for _, n := range assessment.SortedKeys(byIndicator) {
		list = append(list, *byIndicator[n])
	}
	return Answers{
		Format: AnswersFormat, FormatVersion: version,
		Catalog:    CatalogRef{ID: s.Assessment.CatalogID, Version: s.Assessment.CatalogVersion, SHA256: s.Assessment.CatalogSHA256},
		Profile:    Profile{Instansi: s.Profile.Instansi, OPDKode: s.Profile.OPDKode, OPDNama: s.Profile.OPDNama, Operator: s.Profile.Operator},
		Assessment: AssessmentRef{ID: s.Assessment.ID, Periode: s.Assessment.Periode},
		Answers:    list,
		Score:      scoreOf(s),
	}
}

// sortedItems is a sorted copy of a file's item codes (nil for none, so
// that a version-1 link stays byte-identical).
func sortedItems(items []string) []string {
	if len(items) == 0 {
		return nil
	}
	out := append([]string(nil), items...)
	sort.Strings(out)
	return out
}

func scoreOf(s assessment.Snapshot) Score {
	if s.Catalog == nil {
		return Score{}
	}
	sc := s.Score()
	out := Score{Predicate: sc.Predicate, Complete: sc.Complete, Answered: sc.Answered, Total: sc.Total}
	if sc.Index != nil {
		out.Index = sc.Index.FloatString(4)
	}
	return out
}

// marshalJSON encodes v as indented JSON without HTML escaping, ending in a newline.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// sortFiles sorts files by path (byte order).
func sortFiles(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
}
