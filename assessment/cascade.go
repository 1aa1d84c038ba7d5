package assessment

// ItemStatus is the state of one evidence item for the cascade.
type ItemStatus int

// Item states. On the OPD side an item with evidence is ItemAccepted (ada)
// and one without is ItemRejected (the portal's "belum diunggah"); on the
// assessor side they are the review verdicts.
const (
	ItemPending  ItemStatus = iota // not decided yet: blocks its level, rejects nothing
	ItemAccepted                   // diterima
	ItemRejected                   // revisi: bukti tidak tepat or belum diunggah
)

// ItemState is one evidence item of one indicator with its level.
type ItemState struct {
	Code   string
	Level  int // 1–5
	Status ItemStatus
}

// CascadeResult is what the portal's automatic cascade makes of an
// indicator's items.
type CascadeResult struct {
	// Level is the highest level L such that every level 1..L has at least
	// one item and all of them are accepted; 0 when level 1 is not. (The
	// evaluator never scores below 1; the caller applies that floor.)
	Level int
	// RejectedLevel is the lowest level with a rejected item; 0 when none.
	RejectedLevel int
	// AutoRejected are the codes of the items above RejectedLevel, in input
	// order: the portal marks them "Otomatis ditolak karena tingkat
	// kematangan sebelumnya ditolak" whatever their own verdict, and they
	// cannot be accepted while the lower level stays rejected.
	AutoRejected []string
}

// Cascade applies eval.spbe.go.id's rule: when an item of level L is not
// accepted, the items of L+1 and above are rejected automatically (e.g.
// I4-L2-02 after I4-L1-02, I12-L2-01 after I12-L1-02 was not uploaded). A
// level without any item is never reached: a level is shown by its items,
// so missing items cannot count as accepted.
func Cascade(items []ItemState) CascadeResult {
	var res CascadeResult
	var count, accepted [6]int
	for _, it := range items {
		if it.Level < 1 || it.Level > 5 {
			continue
		}
		count[it.Level]++
		switch it.Status {
		case ItemAccepted:
			accepted[it.Level]++
		case ItemRejected:
			if res.RejectedLevel == 0 || it.Level < res.RejectedLevel {
				res.RejectedLevel = it.Level
			}
		}
	}
	for l := 1; l <= 5 && count[l] > 0 && accepted[l] == count[l]; l++ {
		res.Level = l
	}
	if res.RejectedLevel > 0 {
		for _, it := range items {
			if it.Level > res.RejectedLevel && it.Level <= 5 {
				res.AutoRejected = append(res.AutoRejected, it.Code)
			}
		}
	}
	return res
}
