package assessment

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func levelCodes(items []EvidenceItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Code)
	}
	return out
}

func TestLevelItems(t *testing.T) {
	in := coverIndicator() // items on levels 1–3 only
	external := Indicator{Number: 5, ValuedBy: &ValuedBy{Imported: true}}
	bare := Indicator{Number: 9, Levels: map[string]LevelText{"1": {}}} // a v1 catalog's indicator
	for _, tc := range []struct {
		name  string
		in    Indicator
		level int
		want  []string
	}{
		{"catalog items of the level", in, 1, []string{"I4-L1-01", "I4-L1-02"}},
		{"a level without catalog items: its one synthetic item", in, 4, []string{"I4-L4-00"}},
		{"level 5 too", in, 5, []string{"I4-L5-00"}},
		{"general level 0: none", in, 0, nil},
		{"above 5: none", in, 6, nil},
		{"externally valued: nothing to upload", external, 1, nil},
		{"an indicator with no item at all (v1): none", bare, 1, nil},
	} {
		if got := levelCodes(LevelItems(tc.in, tc.level)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	s := SyntheticItem(4, 3)
	if s.Text.Text != "Bukti level 3 (butir resmi belum diketahui)" || s.Text.Source != FromDerived || s.Text.Missing() {
		t.Fatalf("synthetic item text/provenance: %+v", s)
	}
	if validProvenance[FromDerived] {
		t.Fatal("a catalog file may not claim the derived provenance")
	}
}

func TestFileItems(t *testing.T) {
	in := coverIndicator()
	for _, tc := range []struct {
		name   string
		level  int
		linked []string
		want   []string
	}{
		{"a file at a level without catalog items supports its synthetic item", 4, nil, []string{"I4-L4-00"}},
		{"with links to lower levels too", 4, []string{"I4-L1-01"}, []string{"I4-L1-01", "I4-L4-00"}},
		{"a code of the level the catalog lacks does not hide it", 4, []string{"I4-L4-07"}, []string{"I4-L4-07", "I4-L4-00"}},
		{"a level with catalog items: only the links", 1, []string{"I4-L1-02"}, []string{"I4-L1-02"}},
		{"unlinked file of a level with catalog items supports nothing", 2, nil, nil},
		{"general file: nothing", 0, nil, nil},
	} {
		if got := FileItems(in, tc.level, tc.linked); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestParseItemRefAndSynthetic(t *testing.T) {
	if _, _, _, ok := ParseItemCode("I4-L3-00"); ok {
		t.Fatal("ParseItemCode (catalog and bundle codes) must still refuse 00")
	}
	n, l, item, ok := ParseItemRef("I4-L3-00")
	if !ok || n != 4 || l != 3 || item != 0 || !IsSyntheticItem("I4-L3-00") || IsSyntheticItem("I4-L3-01") {
		t.Fatalf("ParseItemRef I4-L3-00 = %d %d %d %v", n, l, item, ok)
	}
	if got := ItemsLevel([]string{"I4-L1-02", "I4-L3-00"}); got != 3 {
		t.Fatalf("ItemsLevel = %d, want 3", got)
	}
	if got := RealItems([]string{"I4-L1-02", "I4-L3-00"}); !reflect.DeepEqual(got, []string{"I4-L1-02"}) {
		t.Fatalf("RealItems = %v", got)
	}
}

// An OPD claiming level 3 on a Pemdi indicator whose level 3 the sources
// give no item for: it sees I4-L3-00 to attach, a file attached at level
// 3 covers it, and the checklist's cascade then reaches 3.
func TestCoverItemsSyntheticLevel(t *testing.T) {
	c := pemdiForTest(t)
	in, _ := c.Indicator(4)
	l12 := Evidence{ID: 1, Indicator: 4, Level: 2, Items: []string{"I4-L1-01", "I4-L1-02", "I4-L1-03", "I4-L2-01", "I4-L2-02"}}
	cov := CoverItems(in, 3, []Evidence{l12})
	if !reflect.DeepEqual(cov.Missing, []string{"I4-L3-00"}) || cov.Reached != 2 || cov.GapLevel != 3 {
		t.Fatalf("without a level-3 file: missing %v reached %d gap %d", cov.Missing, cov.Reached, cov.GapLevel)
	}
	l3 := Evidence{ID: 2, Indicator: 4, Level: 3}
	cov = CoverItems(in, 3, []Evidence{l12, l3})
	if len(cov.Missing) != 0 || cov.Reached != 3 {
		t.Fatalf("with a level-3 file: missing %v reached %d", cov.Missing, cov.Reached)
	}
	// Claiming 4 with the L1 items missing: the cascade names the real gap.
	cov = CoverItems(in, 4, []Evidence{l3})
	if cov.FirstGap() != "I4-L1-01" || !reflect.DeepEqual(cov.AutoRejected, []int{2, 3, 4}) {
		t.Fatalf("gap %q auto %v", cov.FirstGap(), cov.AutoRejected)
	}
}

// The assessor's computed value is no longer capped at the last level
// with catalog items: accepting I4-L3-00 gives 3.
func TestReviewItemsSyntheticLevel(t *testing.T) {
	c := pemdiForTest(t)
	in, _ := c.Indicator(4)
	listed := ReviewableItems(in, 3, []string{"I4-L3-00"})
	verdicts := map[string]ItemVerdict{}
	for _, it := range listed {
		verdicts[it.Code] = ItemVerdict{Code: it.Code, Status: ReviewAccepted}
	}
	if got := codes(listed); got[len(got)-1] != "I4-L3-00" || !listed[len(listed)-1].Linked {
		t.Fatalf("listed %v (last linked %v)", got, listed[len(listed)-1].Linked)
	}
	if r := ReviewItems(listed, verdicts); r.Computed != "3" {
		t.Fatalf("computed %q, want 3", r.Computed)
	}
	verdicts["I4-L3-00"] = ItemVerdict{Code: "I4-L3-00", Status: ReviewRevision, Reason: ReasonMissing}
	if r := ReviewItems(listed, verdicts); r.Computed != "2" {
		t.Fatalf("L3 revisi: computed %q, want 2", r.Computed)
	}
	if _, err := CheckItemVerdict(in, listed, ItemVerdict{Code: "I4-L3-00", Status: ReviewAccepted}); err != nil {
		t.Fatalf("a verdict on the synthetic item: %v", err)
	}
	if _, err := CheckItemVerdict(in, listed, ItemVerdict{Code: "I4-L1-00", Status: ReviewAccepted}); err == nil {
		t.Fatal("I4-L1-00 (level 1 has catalog items) accepted as an item")
	}
}

func TestCheckItemLinksSynthetic(t *testing.T) {
	c := pemdiForTest(t)
	got, err := CheckItemLinks(c, 4, []string{"i4-l3-00", "I4-L1-02"})
	if err != nil || !reflect.DeepEqual(got, []string{"I4-L1-02"}) {
		t.Fatalf("synthetic link: %v %v (it is accepted and not stored)", got, err)
	}
}

// Every self-assessed Pemdi level now has at least one item; the SPBE
// 2020 catalog, whose every level lists items, gets no synthetic one.
func TestCatalogsLevelItems(t *testing.T) {
	pemdi := pemdiForTest(t)
	for _, in := range pemdi.Indicators {
		for l := 1; l <= 5; l++ {
			items := LevelItems(in, l)
			if ExternallyValued(in) != (len(items) == 0) {
				t.Errorf("pemdi I%d L%d: %d items (external %v)", in.Number, l, len(items), ExternallyValued(in))
			}
		}
	}
	b, err := os.ReadFile("../assets/catalogs/spbe-2020.json")
	if err != nil {
		t.Fatal(err)
	}
	spbe, err := ParseCatalog("spbe-2020.json", b)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range spbe.Indicators {
		for l := 1; l <= 5; l++ {
			if got, want := levelCodes(LevelItems(in, l)), levelCodes(in.Level(l).Items); !reflect.DeepEqual(got, want) || len(want) == 0 {
				t.Errorf("spbe-2020 I%d L%d: %v, want the catalog's %v", in.Number, l, got, want)
			}
		}
	}
}

func TestCheckBundleItems(t *testing.T) {
	c := pemdiForTest(t)
	for _, tc := range []struct {
		name  string
		files [][]string
		want  string // "" = accepted; else part of the refusal
	}{
		{"official codes", [][]string{{"I4-L1-01"}, {"I4-L1-02", "I4-L2-01"}}, ""},
		{"no links (older bundle)", [][]string{nil, nil}, ""},
		{"a code the catalog lacks", [][]string{{"I4-L1-09"}}, "I4-L1-09 tidak ada di katalog"},
		{"another indicator's code", [][]string{{"I3-L1-01"}}, "milik indikator 3"},
		{"a synthetic code is never stored", [][]string{{"I4-L3-00"}}, "butir pengganti"},
	} {
		err := CheckBundleItems(c, 4, tc.files)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestFileSupports(t *testing.T) {
	for _, tc := range []struct {
		code   string
		level  int
		linked []string
		want   bool
	}{
		{"I4-L1-02", 1, []string{"I4-L1-02"}, true},
		{"I4-L1-02", 1, nil, false},
		{"I4-L3-00", 3, nil, true},
		{"I4-L3-00", 3, []string{"I4-L1-01"}, true},
		{"I4-L3-00", 2, nil, false},
	} {
		if got := FileSupports(tc.code, tc.level, tc.linked); got != tc.want {
			t.Errorf("FileSupports(%s, %d, %v) = %v", tc.code, tc.level, tc.linked, got)
		}
	}
}
