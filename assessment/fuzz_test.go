package assessment_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// FuzzParseCatalog checks that ParseCatalog never panics, that every
// rejection is a *ValidationError listing at least one problem, and that
// every accepted catalog re-parses from its CanonicalBytes to the same
// SHA-256 (the identity assessments pin). Run it with
//
//	CGO_ENABLED=0 go test ./assessment -run '^$' -fuzz FuzzParseCatalog -fuzztime 15s -fuzzminimizetime 20x
//
// (-fuzzminimizetime keeps the fuzzer from spending the whole run
// minimising the large embedded-catalog seeds.)
func FuzzParseCatalog(f *testing.F) {
	fixture, err := os.ReadFile(catfixPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixture)
	if v2, err := os.ReadFile(catfixV2Path); err == nil {
		f.Add(v2)
		// v2 seeds near the new checks: a v1 header on v2 fields, a broken
		// band, a duplicate item code, an exponent in a conversion.
		f.Add(bytes.Replace(v2, []byte(`"format_version": 2`), []byte(`"format_version": 1`), 1))
		f.Add(bytes.Replace(v2, []byte(`"from": 37.5`), []byte(`"from": 40`), 1))
		f.Add(bytes.Replace(v2, []byte(`"I1-L1-02"`), []byte(`"I1-L1-01"`), 1))
		f.Add(bytes.Replace(v2, []byte(`"to": 12.5`), []byte(`"to": 1e999999`), 1))
	}
	for _, p := range embeddedCatalogPaths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"format":"spbe-mandiri-catalog","format_version":1}`,
		`{"predicates":[{"name":"a","min":1,"max":5,"min_inclusive":true,"max_inclusive":true}]}`,
		`{"indicators":[{"weight":1e-999999,"levels":{"01":{}}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Add(append(append([]byte{}, fixture...), "{}"...))
	f.Add(bytes.Replace(fixture, []byte(`"weight": 0.1`), []byte(`"weight": "0.1"`), 1))

	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := assessment.ParseCatalog("fuzz", data)
		if err != nil {
			var ve *assessment.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error is %T, want *ValidationError: %v", err, err)
			}
			if len(ve.Problems) == 0 {
				t.Fatal("ValidationError without problems")
			}
			return
		}
		canon, err := assessment.CanonicalBytes(c)
		if err != nil {
			t.Fatalf("accepted catalog has no canonical bytes: %v", err)
		}
		sum := sha256.Sum256(canon)
		if hex.EncodeToString(sum[:]) != c.SHA256() {
			t.Fatal("SHA256() is not the hash of CanonicalBytes")
		}
		c2, err := assessment.ParseCatalog("canonical", canon)
		if err != nil {
			t.Fatalf("canonical bytes of an accepted catalog rejected: %v", err)
		}
		if c2.SHA256() != c.SHA256() {
			t.Fatalf("re-parse changed sha256: %s → %s", c.SHA256(), c2.SHA256())
		}
		canon2, _ := assessment.CanonicalBytes(c2)
		if !bytes.Equal(canon, canon2) {
			t.Fatal("canonical bytes are not a fixed point")
		}
	})
}
