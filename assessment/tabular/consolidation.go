package tabular

import (
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// consolidationJSON is the JSON of a consolidation (`consolidate show
// --json`, the GUI's JSON export). Its keys are a contract.
type consolidationJSON struct {
	Periode   int       `json:"periode"`
	CatalogID string    `json:"catalog_id"`
	Index     string    `json:"index"` // exact decimal (rounded to 6 places), "" = none
	Predicate string    `json:"predicate"`
	Complete  bool      `json:"complete"`
	Answered  int       `json:"answered"`
	Total     int       `json:"total"`
	Rows      []rowJSON `json:"indicators"`
	// ExcludedRevoked are the OPDs whose accepted bundle is signed by a
	// revoked key: left out of the candidates, the proposal and the index.
	ExcludedRevoked []string `json:"excluded_revoked"`
}

type rowJSON struct {
	Indicator   int             `json:"indicator"`
	Responsible []string        `json:"responsible"` // empty: every OPD
	Value       string          `json:"value,omitempty"`
	Source      string          `json:"source,omitempty"` // ditetapkan | usulan
	FromBundle  string          `json:"from_bundle,omitempty"`
	FromOPD     string          `json:"from_opd,omitempty"`
	Evidence    []EvidenceJSON  `json:"evidence"`
	Note        string          `json:"note,omitempty"`
	SetBy       string          `json:"set_by,omitempty"`
	SetAt       time.Time       `json:"set_at,omitzero"`
	Candidates  []candidateJSON `json:"candidates"`
}

type candidateJSON struct {
	OPDKode      string `json:"opd_kode"`
	BundleID     string `json:"bundle_id"`
	Level        int    `json:"level"`
	ReviewStatus string `json:"review_status,omitempty"`
	Value        string `json:"accepted_value,omitempty"`
}

// EvidenceJSON is one evidence file in the CLI's JSON (consolidation and
// review sheet).
type EvidenceJSON struct {
	SHA256       string `json:"sha256"`
	Level        int    `json:"level"`
	Note         string `json:"note,omitempty"`
	OriginalName string `json:"original_name"`
}

// Evidence is the JSON of evidence files ([] for none).
func Evidence(list []assessment.ReviewEvidence) []EvidenceJSON {
	out := []EvidenceJSON{}
	for _, e := range list {
		out = append(out, EvidenceJSON{SHA256: e.SHA256, Level: e.Level, Note: e.Note, OriginalName: e.Name})
	}
	return out
}

// Index is an exact index as the CLI and the exports write it: a decimal
// with a point, rounded to 6 places, trailing zeros cut; "" for none.
func Index(r *big.Rat) string {
	if r == nil {
		return ""
	}
	return strings.TrimRight(strings.TrimRight(r.FloatString(6), "0"), ".")
}

func consolidation(c assessment.ConsolidationView) consolidationJSON {
	out := consolidationJSON{Periode: c.Periode, CatalogID: c.CatalogID, Index: Index(c.Score.Index), Predicate: c.Score.Predicate,
		Complete: c.Score.Complete, Answered: c.Score.Answered, Total: c.Score.Total, Rows: []rowJSON{},
		ExcludedRevoked: append([]string{}, c.ExcludedRevoked...)}
	for _, r := range c.Rows {
		row := rowJSON{Indicator: r.Indicator, Responsible: r.Responsible, Value: r.Value, Source: r.Source,
			FromBundle: r.FromBundle, FromOPD: r.FromOPD, Evidence: Evidence(r.Evidence), Note: r.Note, SetBy: r.SetBy, SetAt: r.SetAt,
			Candidates: []candidateJSON{}}
		if row.Responsible == nil {
			row.Responsible = []string{}
		}
		for _, k := range r.Candidates {
			row.Candidates = append(row.Candidates, candidateJSON{OPDKode: k.OPDKode, BundleID: k.BundleID, Level: k.Level,
				ReviewStatus: k.ReviewStatus, Value: k.Value})
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// WriteConsolidationJSON writes the consolidation as indented JSON: the
// bytes of `consolidate show --json` and of the GUI's JSON export.
func WriteConsolidationJSON(out io.Writer, c assessment.ConsolidationView) error {
	return WriteJSON(out, consolidation(c))
}

// WriteConsolidationCSV writes the consolidation as CSV, one row per
// indicator: the bytes of `consolidate show --csv` and of the GUI's CSV
// export. The last column, opd_tidak_dihitung, lists the OPDs of the row
// left out because their key was revoked (appended, so the earlier
// columns keep their places).
func WriteConsolidationCSV(out io.Writer, c assessment.ConsolidationView) error {
	w := newCSVWriter(out)
	w.Write([]string{"periode", "indikator", "nilai", "sumber", "opd_asal", "bundle_asal", "penanggung_jawab", "catatan", "ditetapkan_oleh",
		"opd_tidak_dihitung"})
	for _, r := range c.Rows {
		w.Write([]string{strconv.Itoa(c.Periode), strconv.Itoa(r.Indicator), r.Value, r.Source, r.FromOPD, r.FromBundle,
			strings.Join(r.Responsible, " "), r.Note, r.SetBy, strings.Join(excludedFor(r, c.ExcludedRevoked), " ")})
	}
	w.Flush()
	return w.Error()
}

// excludedFor are the OPDs left out (revoked key) that would have been
// candidates for row r: all of them when every OPD answers it, else those
// among its responsible OPDs.
func excludedFor(r assessment.ConsolidationRow, excluded []string) []string {
	if len(r.Responsible) == 0 {
		return excluded
	}
	var out []string
	for _, k := range excluded {
		if slices.Contains(r.Responsible, k) {
			out = append(out, k)
		}
	}
	return out
}
