package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

func init() {
	register(command{
		name:    "score",
		summary: "hitung indeks dari JSON {\"1\":3,\"5\":{\"external\":25},…}: score --catalog ID [FILE|-] — compute the index",
		run:     runScore,
	})
}

// scoreResult is the JSON printed by `score` and embedded in `assessment show`.
type scoreResult struct {
	Catalog   string             `json:"catalog"`
	Complete  bool               `json:"complete"`
	Answered  int                `json:"answered"`
	Total     int                `json:"total"`
	Index     float64            `json:"index"`
	Predicate string             `json:"predicate"`
	Aspects   map[string]float64 `json:"aspects"`
	Domains   map[string]float64 `json:"domains"`
	// Headline names the rule of index (mean | missing-as-1); the
	// extrapolated mean and the range are the secondary figures.
	Headline              string  `json:"headline"`
	Extrapolated          float64 `json:"extrapolated"`
	ExtrapolatedPredicate string  `json:"extrapolated_predicate"`
	Lowest                float64 `json:"lowest"`
	Highest               float64 `json:"highest"`
	// External are the agencies' scores given as {"external": …} and the
	// values they converted to, by indicator number.
	External map[string]externalResult `json:"external,omitempty"`
}

// externalResult is one agency score and its converted indicator value.
type externalResult struct {
	Index     string  `json:"index"`
	Score     float64 `json:"score"`
	Value     float64 `json:"value"`
	ValueText string  `json:"value_text"` // rounded for display, "2,00"
}

// ScoreJSON converts a Score to the documented JSON shape.
func ScoreJSON(s assessment.Score) any { return scoreJSON(s, nil) }

func scoreJSON(s assessment.Score, ext map[int]external) scoreResult {
	out := scoreResult{s.CatalogID, s.Complete, s.Answered, s.Total, s.IndexFloat(), s.Predicate, s.AspectFloats(), s.DomainFloats(),
		s.Headline, ratFloat(s.Extrapolated), s.ExtrapolatedPredicate, ratFloat(s.Lowest), ratFloat(s.Highest), nil}
	for n, e := range ext {
		if out.External == nil {
			out.External = map[string]externalResult{}
		}
		out.External[strconv.Itoa(n)] = externalResult{e.index, ratFloat(e.score), ratFloat(e.value), assessment.FormatDecimal(e.value)}
	}
	return out
}

func ratFloat(r *big.Rat) float64 {
	if r == nil {
		return 0
	}
	f, _ := r.Float64()
	return f
}

// external is one {"external": score} input after conversion.
type external struct {
	index        string
	score, value *big.Rat
}

// maxScoreInput caps the score input; 47 values need under a kilobyte.
const maxScoreInput = 1 << 20

func runScore(env *Env, args []string) int {
	fs := newFlagSet(env, "score")
	catalogID := fs.String("catalog", "", "id katalog (spbe-2020, pemdi-2026)")
	lib, rest, err := libraryFor(env, fs, args)
	if err != nil {
		return fail(env, err)
	}
	if *catalogID == "" || len(rest) > 1 {
		return fail(env, usagef("pakai: spbe-mandiri score --catalog ID [FILE|-]"))
	}
	c, err := lib.Latest(*catalogID)
	if err != nil {
		return fail(env, err)
	}
	data, err := readScoreInput(env, rest)
	if err != nil {
		return fail(env, err)
	}
	values, ext, err := parseValues(c, data)
	if err != nil {
		return fail(env, err)
	}
	s, err := assessment.ScoreValues(c, values)
	if err != nil {
		return fail(env, err)
	}
	return writeJSON(env, scoreJSON(s, ext))
}

func readScoreInput(env *Env, rest []string) ([]byte, error) {
	var r io.Reader = env.Stdin
	if len(rest) == 1 && rest[0] != "-" {
		f, err := infile.Open(rest[0])
		if err != nil {
			return nil, fmt.Errorf("tidak dapat membuka %s: %w", rest[0], err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxScoreInput+1))
	if err != nil {
		return nil, fmt.Errorf("tidak dapat membaca masukan: %w", err)
	}
	if len(data) > maxScoreInput {
		return nil, fmt.Errorf("masukan terlalu besar (maksimum %d byte)", maxScoreInput)
	}
	return data, nil
}

// parseValues reads {"<indicator>": <value> | {"external": <score>}}
// strictly: every key a whole indicator number, every value a JSON number
// or an object with exactly the key "external", no duplicates, nothing
// after. An external score is converted by the indicator's valued_by.
func parseValues(c *assessment.Catalog, data []byte) (map[int]assessment.Value, map[int]external, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("masukan harus objek JSON seperti {\"1\":3,\"2\":2.5,\"5\":{\"external\":25}}")
	}
	values, ext := map[int]assessment.Value{}, map[int]external{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("JSON tidak valid: %w", err)
		}
		key, _ := k.(string)
		n, err := strconv.Atoi(key)
		if err != nil || strconv.Itoa(n) != key {
			return nil, nil, fmt.Errorf("kunci %q bukan nomor indikator", key)
		}
		if _, dup := values[n]; dup {
			return nil, nil, fmt.Errorf("indikator %d disebut dua kali", n)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, nil, fmt.Errorf("nilai indikator %d bukan angka", n)
		}
		if values[n], err = indicatorValue(c, n, raw, ext); err != nil {
			return nil, nil, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, fmt.Errorf("JSON tidak valid: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, fmt.Errorf("ada data setelah objek JSON")
	}
	return values, ext, nil
}

// indicatorValue is a plain value, or an agency score converted by the
// indicator's valued_by (recorded in ext).
func indicatorValue(c *assessment.Catalog, n int, raw json.RawMessage, ext map[int]external) (assessment.Value, error) {
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		return externalValue(c, n, raw, ext)
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err != nil {
		return nil, fmt.Errorf("nilai indikator %d bukan angka", n)
	}
	v, err := assessment.ParseValue(num.String())
	if err != nil {
		return nil, fmt.Errorf("indikator %d: %w", n, err)
	}
	return v, nil
}

func externalValue(c *assessment.Catalog, n int, raw json.RawMessage, ext map[int]external) (assessment.Value, error) {
	var in struct {
		External *json.Number `json:"external"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&in); err != nil || in.External == nil {
		return nil, fmt.Errorf("indikator %d: objek nilai harus berbentuk {\"external\": skor}", n)
	}
	ind, ok := c.Indicator(n)
	if !ok {
		return nil, fmt.Errorf("indikator %d tidak ada di katalog %s", n, c.ID)
	}
	if ind.ValuedBy == nil || !ind.ValuedBy.Imported {
		return nil, fmt.Errorf("indikator %d tidak dinilai dari indeks instansi lain di katalog %s; beri nilai biasa", n, c.ID)
	}
	v, err := assessment.ConvertText(*ind.ValuedBy, in.External.String())
	if err != nil {
		return nil, fmt.Errorf("indikator %d: %w", n, err)
	}
	score, _ := new(big.Rat).SetString(in.External.String())
	ext[n] = external{ind.ValuedBy.Index, score, v}
	return v, nil
}
