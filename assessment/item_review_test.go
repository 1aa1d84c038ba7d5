package assessment

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// itemIndicator is indicator 4 with items at levels 1–3 (I4 of the
// published result: three level-1 items, two at level 2) and none above.
func itemIndicator() Indicator {
	item := func(code string) EvidenceItem {
		return EvidenceItem{Code: code, Text: Text{Text: "butir " + code, Source: FromSecondary}}
	}
	return Indicator{Number: 4, Levels: map[string]LevelText{
		"1": {Items: []EvidenceItem{item("I4-L1-02"), item("I4-L1-01"), item("I4-L1-03")}},
		"2": {Items: []EvidenceItem{item("I4-L2-01"), item("I4-L2-02")}},
		"3": {Items: []EvidenceItem{item("I4-L3-01")}},
		"4": {}, "5": {},
	}}
}

func codes(items []ReviewableItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Code)
	}
	return out
}

func TestReviewableItems(t *testing.T) {
	in := itemIndicator()
	tests := []struct {
		name    string
		claimed int
		linked  []string
		want    []string
	}{
		{"unanswered, nothing linked", 0, nil, nil},
		{"level 1 claimed: its items, in code order", 1, nil, []string{"I4-L1-01", "I4-L1-02", "I4-L1-03"}},
		{"level 2 claimed: levels 1 and 2", 2, nil, []string{"I4-L1-01", "I4-L1-02", "I4-L1-03", "I4-L2-01", "I4-L2-02"}},
		{"a linked item above the claim brings its level", 1, []string{"I4-L2-02"},
			[]string{"I4-L1-01", "I4-L1-02", "I4-L1-03", "I4-L2-01", "I4-L2-02"}},
		{"foreign and unknown codes are left out", 1, []string{"I5-L3-01", "I4-L4-09", "rubbish"},
			[]string{"I4-L1-01", "I4-L1-02", "I4-L1-03"}},
		{"a claim above the catalog's items: levels 4 and 5 by their synthetic items", 5, nil,
			[]string{"I4-L1-01", "I4-L1-02", "I4-L1-03", "I4-L2-01", "I4-L2-02", "I4-L3-01", "I4-L4-00", "I4-L5-00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ReviewableItems(in, tc.claimed, tc.linked)
			if !reflect.DeepEqual(codes(got), tc.want) {
				t.Fatalf("items %v, want %v", codes(got), tc.want)
			}
		})
	}
	got := ReviewableItems(in, 1, []string{"I4-L1-02"})
	if !got[1].Linked || got[0].Linked || got[1].Level != 1 || got[1].Text.Text != "butir I4-L1-02" {
		t.Fatalf("linked flag / level / text wrong: %+v", got)
	}
}

func TestCheckItemVerdict(t *testing.T) {
	in := itemIndicator()
	listed := ReviewableItems(in, 2, nil)
	tests := []struct {
		name string
		v    ItemVerdict
		want string // part of the error, "" = accepted
	}{
		{"accepted", ItemVerdict{Code: " I4-L1-02 ", Status: ReviewAccepted, Note: " ok "}, ""},
		{"revisi with reason", ItemVerdict{Code: "I4-L2-01", Status: ReviewRevision, Reason: ReasonWrongEvidence}, ""},
		{"revisi belum diunggah", ItemVerdict{Code: "I4-L2-01", Status: ReviewRevision, Reason: ReasonMissing}, ""},
		{"revisi without reason", ItemVerdict{Code: "I4-L1-01", Status: ReviewRevision}, "memerlukan alasan"},
		{"auto-rejected is not the assessor's reason", ItemVerdict{Code: "I4-L1-01", Status: ReviewRevision, Reason: ReasonAutoRejected}, "memerlukan alasan"},
		{"diterima with a reason", ItemVerdict{Code: "I4-L1-01", Status: ReviewAccepted, Reason: ReasonMissing}, "alasan revisi tidak dipakai"},
		{"unknown status", ItemVerdict{Code: "I4-L1-01", Status: "ok"}, "tidak dikenal"},
		{"bad code", ItemVerdict{Code: "I4-1-02", Status: ReviewAccepted}, "tidak sah"},
		{"other indicator", ItemVerdict{Code: "I5-L1-01", Status: ReviewAccepted}, "bukan milik indikator 4"},
		{"not in the catalog", ItemVerdict{Code: "I4-L1-09", Status: ReviewAccepted}, "tidak ada di katalog"},
		{"above the claim, not linked", ItemVerdict{Code: "I4-L3-01", Status: ReviewAccepted}, "di atas tingkat yang diklaim"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CheckItemVerdict(in, listed, tc.v)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got.Code != strings.TrimSpace(tc.v.Code) || got.Note != strings.TrimSpace(tc.v.Note) {
					t.Fatalf("not trimmed: %+v", got)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestReviewItemsCascade: accept L1, reject one L2 item → the L3 item is
// rejected automatically and cannot be accepted; the value computed is
// 1 until level 2 is accepted completely.
func TestReviewItemsCascade(t *testing.T) {
	listed := ReviewableItems(itemIndicator(), 3, nil)
	acc := func(code string) ItemVerdict { return ItemVerdict{Code: code, Status: ReviewAccepted} }
	v := map[string]ItemVerdict{}
	if r := ReviewItems(listed, v); r.Computed != "" {
		t.Fatalf("nothing judged, computed %q", r.Computed)
	}
	v["I4-L1-01"] = acc("I4-L1-01")
	if r := ReviewItems(listed, v); r.Computed != "1" || r.Items[1].Effective() != "" {
		t.Fatalf("one item judged: computed %q (floor 1), other item %q", r.Computed, r.Items[1].Effective())
	}
	v["I4-L1-02"], v["I4-L1-03"] = acc("I4-L1-02"), acc("I4-L1-03")
	v["I4-L2-01"] = acc("I4-L2-01")
	v["I4-L2-02"] = ItemVerdict{Code: "I4-L2-02", Status: ReviewRevision, Reason: ReasonWrongEvidence}
	v["I4-L3-01"] = acc("I4-L3-01") // accepted before L2 was rejected
	r := ReviewItems(listed, v)
	if r.Computed != "1" || r.Cascade.RejectedLevel != 2 {
		t.Fatalf("computed %q, rejected level %d", r.Computed, r.Cascade.RejectedLevel)
	}
	l3, _ := r.Item("I4-L3-01")
	if !l3.AutoRejected || l3.Effective() != ReasonAutoRejected {
		t.Fatalf("L3 item %+v, want ditolak otomatis", l3)
	}
	err := r.CheckAccept(acc("I4-L3-01"))
	if err == nil || !strings.Contains(err.Error(), "tingkat 2 ditolak (I4-L2-02)") || !strings.Contains(err.Error(), ReasonAutoRejectedText) {
		t.Fatalf("accepting L3 while L2 is rejected: %v", err)
	}
	if err := r.CheckAccept(ItemVerdict{Code: "I4-L3-01", Status: ReviewRevision, Reason: ReasonMissing}); err != nil {
		t.Fatalf("a revisi on an auto-rejected item is allowed: %v", err)
	}
	if err := r.CheckAccept(acc("I4-L2-02")); err != nil {
		t.Fatalf("accepting the rejected item itself is allowed: %v", err)
	}
	v["I4-L2-02"] = acc("I4-L2-02")
	if r := ReviewItems(listed, v); r.Computed != "3" || len(r.Cascade.AutoRejected) != 0 {
		t.Fatalf("all accepted: computed %q, auto %v", r.Computed, r.Cascade.AutoRejected)
	}
}

func TestReviewedValue(t *testing.T) {
	tests := []struct {
		status, set, computed, opd string
		want                       string
	}{
		{ReviewAccepted, "1.25", "1", "2", "1.25"}, // the set value wins
		{ReviewAccepted, "", "1", "2", "1"},        // else the computed one
		{ReviewAccepted, "", "", "2", "2"},         // else the OPD's value (no items)
		{ReviewAccepted, "", "", "", ""},
		{ReviewRevision, "1.25", "1", "2", ""}, // a revisi gives none
		{"", "", "3", "3", ""},                 // no decision yet
	}
	for _, tc := range tests {
		if got := ReviewedValue(tc.status, tc.set, tc.computed, tc.opd); got != tc.want {
			t.Errorf("ReviewedValue(%q, %q, %q, %q) = %q, want %q", tc.status, tc.set, tc.computed, tc.opd, got, tc.want)
		}
	}
}

// TestOPDValue: the OPD's own value is its level, or for an indicator
// valued by another agency the converted score (SDI 25 → 2, 68,75 → 3,75).
func TestOPDValue(t *testing.T) {
	sdi := ValuedBy{Agency: "Bappenas", Index: "SDI", Imported: true, ScaleMin: "0", ScaleMax: "100", MissingValue: "1",
		Conversion: []ConversionBand{{From: "0", To: "12.5", ValueFrom: "1", ValueTo: "1.5"}, {From: "12.5", To: "37.5", ValueFrom: "1.5", ValueTo: "2.5"},
			{From: "37.5", To: "62.5", ValueFrom: "2.5", ValueTo: "3.5"}, {From: "62.5", To: "75", ValueFrom: "3.5", ValueTo: "4"},
			{From: "75", To: "100", ValueFrom: "4", ValueTo: "5"}}}
	c := &Catalog{Indicators: []Indicator{{Number: 4}, {Number: 5, ValuedBy: &sdi}}}
	tests := []struct {
		a    Answer
		want string
	}{
		{Answer{Indicator: 4, Level: 3}, "3"},
		{Answer{Indicator: 4}, ""},
		{Answer{Indicator: 5, External: &ExternalScore{Score: "25"}}, "2"},
		{Answer{Indicator: 5, External: &ExternalScore{Score: "68.75"}}, "3.75"},
		{Answer{Indicator: 5}, ""},
		{Answer{Indicator: 9, Level: 2}, ""}, // not in the catalog
	}
	for _, tc := range tests {
		if got := OPDValue(c, tc.a); got != tc.want {
			t.Errorf("OPDValue(%+v) = %q, want %q", tc.a, got, tc.want)
		}
	}
	if got := OPDValue(nil, Answer{Indicator: 9, Level: 2}); got != "2" {
		t.Errorf("without a catalog: %q", got)
	}
}

func TestDerivedDecision(t *testing.T) {
	listed := ReviewableItems(itemIndicator(), 2, nil)
	if _, _, ok := ReviewItems(listed, nil).DerivedDecision(); ok {
		t.Fatal("a decision derived from no verdict")
	}
	v := map[string]ItemVerdict{"I4-L1-01": {Code: "I4-L1-01", Status: ReviewAccepted}}
	if st, reason, ok := ReviewItems(listed, v).DerivedDecision(); !ok || st != ReviewAccepted || reason != "" {
		t.Fatalf("nothing rejected: %q %q %v", st, reason, ok)
	}
	v["I4-L2-01"] = ItemVerdict{Code: "I4-L2-01", Status: ReviewRevision, Reason: ReasonWrongEvidence}
	v["I4-L1-02"] = ItemVerdict{Code: "I4-L1-02", Status: ReviewRevision, Reason: ReasonMissing}
	if st, reason, _ := ReviewItems(listed, v).DerivedDecision(); st != ReviewRevision || reason != ReasonMissing {
		t.Fatalf("rejected: %q %q, want revisi with the lowest level's reason", st, reason)
	}
}
