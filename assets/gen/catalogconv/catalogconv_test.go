package catalogconv

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// referenceDir is the committed copy of the reference files (see
// assets/gen/reference/README.md); it is in every clone, so the tests that
// read it never skip.
const referenceDir = "../reference"

func needReference(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(referenceDir); err != nil {
		t.Fatalf("reference directory missing from the repository: %v", err)
	}
}

func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"13.0": "13", "13": "13", "1.3": "1.3", "2.75": "2.75", "2.50": "2.5",
		"100": "100", "10.0": "10", "0.10": "0.1", "5.000": "5", "1.0": "1",
	} {
		got, err := Decimal(json.Number(in))
		if err != nil || string(got) != want {
			t.Errorf("Decimal(%s) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"1e2", "1.3E1", "", ".5", "5.", "0x10", "1/3"} {
		if got, err := Decimal(json.Number(bad)); err == nil {
			t.Errorf("Decimal(%q) = %s, want error", bad, got)
		}
	}
}

func TestTextNeverInvents(t *testing.T) {
	for _, absent := range []string{"", "   ", "UNVERIFIED", " UNVERIFIED\n"} {
		got, err := text(absent, assessment.FromRegulation, "ref", "why")
		if err != nil || got != (assessment.Text{Source: assessment.FromMissing, Ref: "why"}) {
			t.Errorf("text(%q) = %+v, %v; want missing", absent, got, err)
		}
	}
	got, err := text(" Kriteria. ", assessment.FromRegulation, "ref", "why")
	if err != nil || got.Text != " Kriteria. " || got.Source != assessment.FromRegulation || got.Ref != "ref" {
		t.Errorf("verbatim text changed: %+v, %v", got, err)
	}
	if _, err := text("Kriteria UNVERIFIED sebagian", assessment.FromRegulation, "", ""); !errors.Is(err, ErrPartlyUnverified) {
		t.Errorf("partly UNVERIFIED text: err %v", err)
	}

	got, err = joined([]string{"a", "b"}, assessment.FromPedomanTeknis, "r", "m")
	if err != nil || got.Text != "a\nb" {
		t.Errorf("joined = %+v, %v", got, err)
	}
	for _, items := range [][]string{nil, {}, {"UNVERIFIED"}, {"", "UNVERIFIED"}} {
		if got, err := joined(items, assessment.FromPedomanTeknis, "r", "m"); err != nil || !got.Missing() || got.Source != assessment.FromMissing {
			t.Errorf("joined(%q) = %+v, %v; want missing", items, got, err)
		}
	}
	if _, err := joined([]string{"a", "UNVERIFIED"}, assessment.FromPedomanTeknis, "r", "m"); !errors.Is(err, ErrPartlyUnverified) {
		t.Errorf("list mixing real and UNVERIFIED items: err %v", err)
	}
}

func TestPredicateDefaults(t *testing.T) {
	yes, no := true, false
	ps, err := predicates([]refPredicate{
		{Name: "Memuaskan", Min: "4.0", Max: "5.0"},
		{Name: "Baik", Min: "1.0", Max: "4.0"},
		{Name: "Eksplisit", Min: "1", Max: "5", MinInclusive: &no, MaxInclusive: &yes},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []assessment.Predicate{
		{Name: "Memuaskan", Min: "4", Max: "5", MinInclusive: true, MaxInclusive: true},
		{Name: "Baik", Min: "1", Max: "4", MinInclusive: true, MaxInclusive: false},
		{Name: "Eksplisit", Min: "1", Max: "5", MinInclusive: false, MaxInclusive: true},
	}
	for i := range want {
		if ps[i] != want[i] {
			t.Errorf("predicate %d = %+v, want %+v", i, ps[i], want[i])
		}
	}
}

func TestPemdiDescriptionTag(t *testing.T) {
	in, err := pemdiIndicatorOf(pemdiIndicator{
		Number: 1, Name: "X", Weight: "5",
		Description:               "Penjelasan. [secondary: owner/repo]",
		Criteria:                  map[string]string{"1": "UNVERIFIED"},
		CriteriaModulSecondary:    map[string]string{"1": "Modul satu", "0": "level nol diabaikan"},
		CriteriaSummaryParaphrase: map[string]string{"1": "para satu", "2": "para dua", "3": "UNVERIFIED"},
		Evidence:                  []string{"UNVERIFIED"},
	}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if in.Guidance.Text != "Penjelasan." || in.Guidance.Source != assessment.FromSecondary || !strings.Contains(in.Guidance.Ref, "owner/repo") {
		t.Errorf("guidance %+v", in.Guidance)
	}
	for l, want := range map[string]assessment.Provenance{
		"1": assessment.FromSecondary, "2": assessment.FromParaphrase,
		"3": assessment.FromMissing, "4": assessment.FromMissing, "5": assessment.FromMissing,
	} {
		if got := in.Levels[l].Criterion.Source; got != want {
			t.Errorf("level %s criterion source %q, want %q", l, got, want)
		}
		if !in.Levels[l].Evidence.Missing() {
			t.Errorf("level %s evidence not missing", l)
		}
	}
	if len(in.Levels) != 5 {
		t.Errorf("levels %v, want exactly 1..5", in.Levels)
	}
	if !in.Question.Missing() || !in.EvidenceGeneral.Missing() {
		t.Error("question/evidence_general should be missing")
	}
}

// The generator must refuse to write a catalog that ParseCatalog rejects.
func TestGenerateFailsLoudlyOnInvalidOutput(t *testing.T) {
	needReference(t)
	dir := t.TempDir()
	for _, name := range []string{SPBERefFile, PemdiRefFile} {
		b, err := os.ReadFile(filepath.Join(referenceDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == SPBERefFile {
			// Indicator weights of aspect 1 no longer add up to 13.
			s := strings.Replace(string(b), `"weight": 1.3,`, `"weight": 1.4,`, 1)
			if s == string(b) {
				t.Fatal("could not corrupt the reference")
			}
			b = []byte(s)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Generate(dir)
	var ve *assessment.ValidationError
	if err == nil || !errors.As(err, &ve) || !strings.Contains(err.Error(), "ParseCatalog") {
		t.Fatalf("Generate with corrupted weights: err = %v, want a wrapped *ValidationError", err)
	}
}

func TestGenerateRejectsPartlyUnverifiedReference(t *testing.T) {
	needReference(t)
	b, err := os.ReadFile(filepath.Join(referenceDir, SPBERefFile))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `"question": "Apakah`, `"question": "UNVERIFIED Apakah`, 1)
	if _, err := SPBE2020([]byte(s)); !errors.Is(err, ErrPartlyUnverified) {
		t.Fatalf("err = %v, want ErrPartlyUnverified", err)
	}
}

func TestGenerateMissingReference(t *testing.T) {
	if _, err := Generate(t.TempDir()); err == nil {
		t.Fatal("Generate on an empty directory succeeded")
	}
}
