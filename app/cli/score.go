package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

func init() {
	register(command{
		name:    "score",
		summary: "hitung indeks dari JSON {\"1\":3,…}: score --catalog ID [FILE|-] — compute the index",
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
}

// ScoreJSON converts a Score to the documented JSON shape.
func ScoreJSON(s assessment.Score) any {
	return scoreResult{s.CatalogID, s.Complete, s.Answered, s.Total, s.IndexFloat(), s.Predicate, s.AspectFloats(), s.DomainFloats()}
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
	values, err := parseValues(data)
	if err != nil {
		return fail(env, err)
	}
	s, err := assessment.ScoreValues(c, values)
	if err != nil {
		return fail(env, err)
	}
	return writeJSON(env, ScoreJSON(s))
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

// parseValues reads {"<indicator>": <value>} strictly: every key a whole
// indicator number, every value a JSON number, no duplicates, nothing after.
func parseValues(data []byte) (map[int]assessment.Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("masukan harus objek JSON seperti {\"1\":3,\"2\":2.5}")
	}
	values := map[int]assessment.Value{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("JSON tidak valid: %w", err)
		}
		key, _ := k.(string)
		n, err := strconv.Atoi(key)
		if err != nil || strconv.Itoa(n) != key {
			return nil, fmt.Errorf("kunci %q bukan nomor indikator", key)
		}
		if _, dup := values[n]; dup {
			return nil, fmt.Errorf("indikator %d disebut dua kali", n)
		}
		var num json.Number
		if err := dec.Decode(&num); err != nil {
			return nil, fmt.Errorf("nilai indikator %d bukan angka", n)
		}
		v, err := assessment.ParseValue(num.String())
		if err != nil {
			return nil, fmt.Errorf("indikator %d: %w", n, err)
		}
		values[n] = v
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("JSON tidak valid: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("ada data setelah objek JSON")
	}
	return values, nil
}
