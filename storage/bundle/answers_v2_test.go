package bundle

import (
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// fixtureV2 is fixture with evidence-item links on indicator 1's files and
// an Indeks SDI score on indicator 5 (Pemdi I5 is valued by Bappenas).
func fixtureV2(t testing.TB) Input {
	in, _ := fixture(t)
	s := &in.Snapshot
	s.Evidence = append([]assessment.Evidence(nil), s.Evidence...)
	s.Evidence[0].Items = []string{"I1-L1-01"}
	s.Evidence[1].Items = []string{"I1-L2-01", "I1-L1-01"} // unsorted on purpose: the writer sorts
	answers := []assessment.Answer{}
	for _, a := range s.Answers {
		if a.Indicator != 5 {
			answers = append(answers, a)
		}
	}
	s.Answers = append(answers, assessment.Answer{Indicator: 5, External: &assessment.ExternalScore{Score: "25", Year: 2025}})
	return in
}

func answersOf(t testing.TB, b []byte) []byte {
	t.Helper()
	return find(unpack(t, b), EntryAnswers).data
}

func TestAnswersStayVersion1WithoutItems(t *testing.T) {
	in, _ := fixture(t)
	raw := answersOf(t, build(t, in))
	for _, s := range []string{`"items"`, `"external"`} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("version-1 answers.json contains %s", s)
		}
	}
	if !bytes.Contains(raw, []byte(`"format_version": 1,`)) {
		t.Errorf("answers.json is not version 1:\n%.300s", raw)
	}
}

func TestAnswersVersion2CarriesItemsAndExternal(t *testing.T) {
	b := build(t, fixtureV2(t))
	v, err := verifyBytes(b, withKey())
	if err != nil {
		t.Fatal(err)
	}
	if v.Answers.FormatVersion != 2 {
		t.Errorf("format_version = %d, want 2", v.Answers.FormatVersion)
	}
	var items [][]string
	var ext *ExternalScore
	for _, a := range v.Answers.Answers {
		for _, l := range a.Evidence {
			if l.Items != nil {
				items = append(items, l.Items)
			}
		}
		if a.Indicator == 5 {
			ext = a.External
		}
	}
	if want := [][]string{{"I1-L1-01"}, {"I1-L1-01", "I1-L2-01"}}; !cmp.Equal(items, want) {
		t.Errorf("items = %v, want %v", items, want)
	}
	if !cmp.Equal(ext, &ExternalScore{Score: "25", Year: 2025}) {
		t.Errorf("external = %+v", ext)
	}
	// The same input gives the same bytes (reproducible like version 1).
	if !bytes.Equal(b, build(t, fixtureV2(t))) {
		t.Error("version-2 bundle is not reproducible")
	}
}

// editAnswers re-encodes answers.json after edit, refreshes the manifest's
// hashes and re-signs: only the answers checks can then refuse it.
func editAnswers(t testing.TB, good []byte, edit func(a *Answers)) []byte {
	t.Helper()
	es := unpack(t, good)
	e := find(es, EntryAnswers)
	var a Answers
	if err := strictjson.UnmarshalLimited(e.data, &a, DefaultLimits.MaxAnswerElements); err != nil {
		t.Fatal(err)
	}
	edit(&a)
	raw, err := marshalJSON(&a)
	if err != nil {
		t.Fatal(err)
	}
	e.data = raw
	return pack(t, resign(t, es, true, func(*Manifest) {}), "")
}

// editRawAnswers is editAnswers on the bytes (for what marshalJSON would
// not write, such as an empty list under omitempty).
func editRawAnswers(t testing.TB, good []byte, edit func(raw []byte) []byte) []byte {
	t.Helper()
	es := unpack(t, good)
	e := find(es, EntryAnswers)
	e.data = edit(e.data)
	return pack(t, resign(t, es, true, func(*Manifest) {}), "")
}

var itemsMember = regexp.MustCompile(`"items": \[[^\]]*\]`)

// v2Cases are version-2 answers the verifier must refuse, each re-signed
// with the test key.
func v2Cases(t testing.TB) []hostileCase {
	good := build(t, fixtureV2(t))
	goodV1, _ := fixture(t)
	v1 := build(t, goodV1)
	first := func(a *Answers) *EvidenceLink { return &a.Answers[0].Evidence[0] }
	ext := func(a *Answers) *ExternalScore {
		for i := range a.Answers {
			if a.Answers[i].External != nil {
				return a.Answers[i].External
			}
		}
		t.Fatal("no external score in the fixture")
		return nil
	}
	c := func(name string, base []byte, edit func(a *Answers)) hostileCase {
		return hostileCase{name: name, bundle: editAnswers(t, base, edit), entry: EntryAnswers, check: CheckAnswers}
	}
	return []hostileCase{
		c("items in a version-1 file", v1, func(a *Answers) { first(a).Items = []string{"I1-L1-01"} }),
		c("external score in a version-1 file", v1, func(a *Answers) {
			a.Answers[0].External = &ExternalScore{Score: "25"}
		}),
		c("version 2 declared as 1", good, func(a *Answers) { a.FormatVersion = 1 }),
		c("format version 3", good, func(a *Answers) { a.FormatVersion = 3 }),
		c("item of another indicator", good, func(a *Answers) { first(a).Items = []string{"I2-L1-01"} }),
		c("malformed item code", good, func(a *Answers) { first(a).Items = []string{"I1-L1-1"} }),
		c("item code with a path", good, func(a *Answers) { first(a).Items = []string{"../../I1-L1-01"} }),
		c("items unsorted", good, func(a *Answers) { first(a).Items = []string{"I1-L2-01", "I1-L1-01"} }),
		c("items duplicated", good, func(a *Answers) { first(a).Items = []string{"I1-L1-01", "I1-L1-01"} }),
		{name: "empty item list", bundle: editRawAnswers(t, good, func(raw []byte) []byte {
			return itemsMember.ReplaceAll(raw, []byte(`"items": []`))
		}), entry: EntryAnswers, check: CheckAnswers},
		c("external score in exponent form", good, func(a *Answers) { ext(a).Score = "2e1" }),
		c("external score with a comma", good, func(a *Answers) { ext(a).Score = "25,5" }),
		c("external score with a trailing zero", good, func(a *Answers) { ext(a).Score = "25.0" }),
		c("external score empty", good, func(a *Answers) { ext(a).Score = "" }),
		c("external score negative", good, func(a *Answers) { ext(a).Score = "-1" }),
		c("external year 1999", good, func(a *Answers) { ext(a).Year = 1999 }),
	}
}

func TestVerifierRefusesBadVersion2Answers(t *testing.T) {
	for _, tc := range v2Cases(t) {
		_, err := verifyBytes(tc.bundle, withKey())
		var e *Error
		if !errors.As(err, &e) || e.Entry != tc.entry || e.Check != tc.check {
			t.Errorf("%s: err = %v, want %s/%s", tc.name, err, tc.entry, tc.check)
		}
	}
}

// A well-formed version-2 edit (another year, an item of the same
// indicator) still verifies: the checks refuse only what is wrong.
func TestVerifierAcceptsEditedVersion2(t *testing.T) {
	good := build(t, fixtureV2(t))
	b := editAnswers(t, good, func(a *Answers) {
		a.Answers[0].Evidence[0].Items = []string{"I1-L1-01", "I1-L2-03"}
		for i := range a.Answers {
			if a.Answers[i].External != nil {
				a.Answers[i].External = &ExternalScore{Score: "68.75"}
			}
		}
	})
	if _, err := verifyBytes(b, withKey()); err != nil {
		t.Fatal(err)
	}
}
