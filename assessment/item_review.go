package assessment

import (
	"sort"
	"strconv"
	"strings"
)

// The portal's texts for an item verdict (eval.spbe.go.id, copied from
// the published assessor result): what an item marked revisi says.
const (
	// ReasonAutoRejectedText is what the portal writes on an item above a
	// rejected level.
	ReasonAutoRejectedText = "Otomatis ditolak karena tingkat kematangan sebelumnya ditolak"
	// ReasonMissingText is the portal's note on an item not uploaded.
	ReasonMissingText = "Dokumen pendukung/evidence terkait belum tersedia dan belum diunggah."
)

// ItemReasons are the reasons an assessor may give an item marked revisi.
// "ditolak otomatis" is not one of them: only the cascade gives it.
var ItemReasons = []string{ReasonWrongEvidence, ReasonMissing}

// ReviewableItem is one evidence item the assessor judges on an
// indicator of a bundle.
type ReviewableItem struct {
	Code  string
	Level int
	Text  Text // the catalog's wording (Missing when the catalog has none)
	// Linked: the OPD linked at least one file to the item.
	Linked bool
}

// ReviewableItems lists the items the assessor judges on indicator in,
// which the OPD answered with level claimed (0 = not answered) and whose
// files support the item codes linked: every catalog item of the levels
// 1..top, where top is the claimed level or the highest level of a linked
// item if that is higher. A level is judged by all its items, as on the
// portal (the cascade needs every item of a level to accept it), so a
// linked item above the claimed level brings its level's other items
// along. Codes linked that are not items of in are left out (the import
// checks them against the catalog). A level without catalog items is
// judged by its synthetic item (LevelItems; linked is then the storage's
// FileItems of each file). Order: by level, then code.
func ReviewableItems(in Indicator, claimed int, linked []string) []ReviewableItem {
	isLinked := map[string]bool{}
	top := claimed
	for _, code := range linked {
		if l, ok := itemLevel(in, code); ok {
			isLinked[code] = true
			top = max(top, l)
		}
	}
	var out []ReviewableItem
	for l := 1; l <= min(top, 5); l++ {
		for _, it := range LevelItems(in, l) {
			out = append(out, ReviewableItem{Code: it.Code, Level: l, Text: it.Text, Linked: isLinked[it.Code]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Level != out[j].Level {
			return out[i].Level < out[j].Level
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// itemLevel is the level of item code in the catalog's indicator in.
func itemLevel(in Indicator, code string) (int, bool) {
	for l := 1; l <= 5; l++ {
		for _, it := range LevelItems(in, l) {
			if it.Code == code {
				return l, true
			}
		}
	}
	return 0, false
}

// ItemVerdict is the assessor's verdict on one evidence item.
type ItemVerdict struct {
	Code   string
	Status string // ReviewAccepted or ReviewRevision
	Reason string // for a revisi: ReasonWrongEvidence or ReasonMissing
	Note   string
}

// CheckItemVerdict checks a verdict on an item of indicator in, where
// listed are the items judged on it (ReviewableItems), and returns it
// trimmed: the item must be one of the indicator in the bundle's
// catalog and listed for this answer; diterima carries no reason; revisi
// needs one of ItemReasons. An *InputError in Bahasa Indonesia otherwise.
func CheckItemVerdict(in Indicator, listed []ReviewableItem, v ItemVerdict) (ItemVerdict, error) {
	v = ItemVerdict{Code: strings.TrimSpace(v.Code), Status: strings.TrimSpace(v.Status),
		Reason: strings.TrimSpace(v.Reason), Note: strings.TrimSpace(v.Note)}
	if err := checkItemOf(in, listed, v.Code); err != nil {
		return v, err
	}
	switch v.Status {
	case ReviewAccepted:
		if v.Reason != "" {
			return v, inputErrorf("butir %s diterima: alasan revisi tidak dipakai", v.Code)
		}
	case ReviewRevision:
		if !contains(ItemReasons, v.Reason) {
			return v, inputErrorf("butir %s revisi memerlukan alasan: %s", v.Code, strings.Join(ItemReasons, " / "))
		}
	default:
		return v, inputErrorf("status butir %q tidak dikenal: diterima atau revisi", v.Status)
	}
	return v, nil
}

// checkItemOf: code is an item of in (by format, then in the catalog)
// and one of the items judged on this answer.
func checkItemOf(in Indicator, listed []ReviewableItem, code string) error {
	n, _, _, ok := ParseItemRef(code)
	switch {
	case !ok:
		return inputErrorf("kode butir %q tidak sah (bentuknya I4-L1-02)", code)
	case n != in.Number:
		return inputErrorf("butir %s bukan milik indikator %d", code, in.Number)
	}
	l, ok := itemLevel(in, code)
	if !ok {
		return inputErrorf("butir %s tidak ada di katalog untuk indikator %d", code, in.Number)
	}
	for _, it := range listed {
		if it.Code == code {
			return nil
		}
	}
	return inputErrorf("butir %s (tingkat %d) di atas tingkat yang diklaim OPD dan tidak ditautkan ke bukti: tidak ditelaah", code, l)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ItemReviewState is one judged item after the cascade.
type ItemReviewState struct {
	ReviewableItem
	Verdict *ItemVerdict // the assessor's own current verdict; nil = not judged yet
	// AutoRejected: a lower level is rejected, so the portal rejects this
	// item whatever its own verdict (ReasonAutoRejectedText).
	AutoRejected bool
}

// Effective is what the item counts as: diterima, revisi, ditolak
// otomatis (ReasonAutoRejected) or "" (not judged yet).
func (s ItemReviewState) Effective() string {
	switch {
	case s.AutoRejected:
		return ReasonAutoRejected
	case s.Verdict == nil:
		return ""
	}
	return s.Verdict.Status
}

// ItemReview is the item review of one indicator: every judged item with
// its state, the cascade, and the indicator value it computes.
type ItemReview struct {
	Items   []ItemReviewState
	Cascade CascadeResult
	// Computed is the value the items give (canonical decimal, "1"–"5"):
	// the highest level whose items and every lower level's items are all
	// accepted, at least 1 (the evaluator never scores below 1). "" when
	// no item has a verdict yet: then nothing was computed.
	Computed string
}

// ReviewItems applies the cascade to the items listed for an indicator
// with the assessor's current verdicts by code.
func ReviewItems(listed []ReviewableItem, verdicts map[string]ItemVerdict) ItemReview {
	var r ItemReview
	states := make([]ItemState, 0, len(listed))
	judged := false
	for _, it := range listed {
		s := ItemReviewState{ReviewableItem: it}
		st := ItemPending
		if v, ok := verdicts[it.Code]; ok {
			judged, s.Verdict = true, &v
			st = itemStatus(v.Status)
		}
		r.Items = append(r.Items, s)
		states = append(states, ItemState{Code: it.Code, Level: it.Level, Status: st})
	}
	r.Cascade = Cascade(states)
	auto := map[string]bool{}
	for _, c := range r.Cascade.AutoRejected {
		auto[c] = true
	}
	for i := range r.Items {
		r.Items[i].AutoRejected = auto[r.Items[i].Code]
	}
	if judged {
		r.Computed = strconv.Itoa(max(1, r.Cascade.Level))
	}
	return r
}

func itemStatus(status string) ItemStatus {
	switch status {
	case ReviewAccepted:
		return ItemAccepted
	case ReviewRevision:
		return ItemRejected
	}
	return ItemPending
}

// Item is the state of item code, false when it is not judged here.
func (r ItemReview) Item(code string) (ItemReviewState, bool) {
	for _, s := range r.Items {
		if s.Code == code {
			return s, true
		}
	}
	return ItemReviewState{}, false
}

// CheckAccept refuses accepting an item the cascade rejects
// automatically: while a lower level stays rejected the portal rejects
// the item whatever the assessor says, so accepting it would record a
// verdict that counts for nothing. The message names the rejected level
// and its items. Verdicts other than diterima are always allowed.
func (r ItemReview) CheckAccept(v ItemVerdict) error {
	s, ok := r.Item(v.Code)
	if v.Status != ReviewAccepted || !ok || !s.AutoRejected {
		return nil
	}
	lvl := r.Cascade.RejectedLevel
	var rejected []string
	for _, it := range r.Items {
		if it.Level == lvl && it.Effective() == ReviewRevision {
			rejected = append(rejected, it.Code)
		}
	}
	return inputErrorf("butir %s tidak dapat diterima selama tingkat %d ditolak (%s): %s. Terima dulu butir tingkat %d",
		v.Code, lvl, strings.Join(rejected, ", "), ReasonAutoRejectedText, lvl)
}

// ReviewedValue is the indicator value of a review — the one place the
// recap and the consolidation read it from. A decision other than
// diterima gives none (""); a diterima gives the value the assessor set,
// else the value the item review computed, else the OPD's own value opd
// (OPDValue: its level, or the converted agency score of an indicator
// valued by another agency — a review without items, as before item
// review existed); "" when there is none of them. Values are canonical
// decimals with a point.
func ReviewedValue(status, set, computed, opd string) string {
	switch {
	case status != ReviewAccepted:
		return ""
	case set != "":
		return set
	case computed != "":
		return computed
	}
	return opd
}

// OPDValue is the value the OPD's answer scores with (AnswerValues: the
// level, or the converted agency score), as a decimal with a point and at
// most 4 decimals; "" when it scores with none. c may be nil (levels
// only).
func OPDValue(c *Catalog, a Answer) string {
	v, ok := AnswerValues(c, []Answer{a})[a.Indicator]
	if !ok {
		return ""
	}
	out := v.FloatString(4)
	return strings.TrimRight(strings.TrimRight(out, "0"), ".")
}

// DerivedDecision is the indicator decision an item review implies when
// the assessor recorded none (the feedback must not drop the item notes):
// revisi with the reason of the lowest-level item the assessor sent back
// when any item is rejected, else diterima. ok is false when no item is
// judged.
func (r ItemReview) DerivedDecision() (status, reason string, ok bool) {
	if r.Computed == "" {
		return "", "", false
	}
	lowest := 0
	for _, s := range r.Items {
		if s.Verdict != nil && s.Verdict.Status == ReviewRevision && (lowest == 0 || s.Level < lowest) {
			lowest, reason = s.Level, s.Verdict.Reason
		}
	}
	if lowest == 0 {
		return ReviewAccepted, "", true
	}
	return ReviewRevision, reason, true
}
