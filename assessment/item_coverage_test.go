package assessment

import (
	"reflect"
	"testing"
)

// coverIndicator is I4 with items on levels 1–3 (as the portal lists them).
func coverIndicator() Indicator {
	item := func(code string) EvidenceItem { return EvidenceItem{Code: code} }
	return Indicator{Number: 4, Levels: map[string]LevelText{
		"1": {Items: []EvidenceItem{item("I4-L1-01"), item("I4-L1-02")}},
		"2": {Items: []EvidenceItem{item("I4-L2-01")}},
		"3": {Items: []EvidenceItem{item("I4-L3-01")}},
	}}
}

func TestCoverItems(t *testing.T) {
	file := func(id int64, indicator int, items ...string) Evidence {
		return Evidence{ID: id, Indicator: indicator, Items: items}
	}
	for _, tc := range []struct {
		name         string
		upTo         int
		evidence     []Evidence
		missing      []string
		gap, reached int
		auto         []int
		firstGap     string
	}{
		{name: "nothing attached, level 3 claimed", upTo: 3,
			missing: []string{"I4-L1-01", "I4-L1-02", "I4-L2-01", "I4-L3-01"}, gap: 1, auto: []int{2, 3}, firstGap: "I4-L1-01"},
		{name: "the issue's example: I4-L1-02 missing, level 3 claimed", upTo: 3,
			evidence: []Evidence{file(1, 4, "I4-L1-01", "I4-L2-01"), file(2, 4, "I4-L3-01")},
			missing:  []string{"I4-L1-02"}, gap: 1, auto: []int{2, 3}, firstGap: "I4-L1-02"},
		{name: "only the claimed level lacks an item: no automatic rejection", upTo: 2,
			evidence: []Evidence{file(1, 4, "I4-L1-01", "I4-L1-02")},
			missing:  []string{"I4-L2-01"}, gap: 2, reached: 1, firstGap: "I4-L2-01"},
		{name: "everything up to the claim", upTo: 2,
			evidence: []Evidence{file(1, 4, "I4-L1-01"), file(2, 4, "I4-L1-02", "I4-L2-01")}, reached: 2},
		{name: "items above the claim are not demanded", upTo: 1,
			evidence: []Evidence{file(1, 4, "I4-L1-01", "I4-L1-02")}, reached: 1},
		{name: "another indicator's file does not count", upTo: 1,
			evidence: []Evidence{file(1, 3, "I4-L1-01", "I4-L1-02"), file(2, 4, "I4-L1-01")},
			missing:  []string{"I4-L1-02"}, gap: 1, firstGap: "I4-L1-02"},
		{name: "files without items (attached before items existed)", upTo: 1,
			evidence: []Evidence{file(1, 4)}, missing: []string{"I4-L1-01", "I4-L1-02"}, gap: 1, firstGap: "I4-L1-01"},
		{name: "gap at level 2 of 4 (level 4 has no catalog item: its synthetic I4-L4-00 is missing too)", upTo: 4,
			evidence: []Evidence{file(1, 4, "I4-L1-01", "I4-L1-02", "I4-L3-01")},
			missing:  []string{"I4-L2-01", "I4-L4-00"}, gap: 2, reached: 1, auto: []int{3, 4}, firstGap: "I4-L2-01"},
	} {
		got := CoverItems(coverIndicator(), tc.upTo, tc.evidence)
		if !reflect.DeepEqual(got.Missing, tc.missing) || got.GapLevel != tc.gap || got.Reached != tc.reached ||
			!reflect.DeepEqual(got.AutoRejected, tc.auto) || got.FirstGap() != tc.firstGap {
			t.Errorf("%s: missing %v gap %d reached %d auto %v first %q; want %v %d %d %v %q", tc.name,
				got.Missing, got.GapLevel, got.Reached, got.AutoRejected, got.FirstGap(), tc.missing, tc.gap, tc.reached, tc.auto, tc.firstGap)
		}
	}
}

func TestCoverItemsListsFilesPerItem(t *testing.T) {
	ev := []Evidence{{ID: 7, Indicator: 4, Items: []string{"I4-L1-01"}}, {ID: 9, Indicator: 4, Items: []string{"I4-L1-01", "I4-L1-02"}}}
	got := CoverItems(coverIndicator(), 1, ev)
	if len(got.Items) != 2 || !reflect.DeepEqual(got.Items[0].Files, []int64{7, 9}) || !reflect.DeepEqual(got.Items[1].Files, []int64{9}) {
		t.Errorf("items %+v", got.Items)
	}
}
