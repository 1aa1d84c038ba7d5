package assessment

import (
	"fmt"
	"slices"
	"strconv"
)

// FromDerived marks a text the app derives itself, not taken from any
// source: the synthetic per-level item (SyntheticItem). It is not valid in
// a catalog file (validProvenance leaves it out): a catalog never claims it.
const FromDerived Provenance = "derived"

// SyntheticItemNumber is the item number of the one synthetic item of a
// level whose catalog lists no evidence items: I4-L3-00. The portal
// numbers its items from 01, so 00 never collides with an official code.
const SyntheticItemNumber = 0

// SyntheticItemCode is the code of the synthetic item of level l of
// indicator n: "I4-L3-00".
func SyntheticItemCode(n, l int) string {
	return "I" + strconv.Itoa(n) + "-L" + strconv.Itoa(l) + "-00"
}

// SyntheticItem is the item that stands for level l of indicator n when
// the sources list no official evidence items for it (Pemdi levels 3–5
// mostly): "Bukti level 3 (butir resmi belum diketahui)". Without it a
// level without items could never be reached by the cascade, so an OPD
// claiming level 3 would be shown nothing to attach and an assessor's
// computed value would stop at 2. It is derived, not invented: it says
// only that the level needs evidence, which the instrument does.
func SyntheticItem(n, l int) EvidenceItem {
	return EvidenceItem{Code: SyntheticItemCode(n, l),
		Text: Text{Text: fmt.Sprintf("Bukti level %d (butir resmi belum diketahui)", l), Source: FromDerived}}
}

// ParseItemRef is ParseItemCode that also accepts a synthetic code
// (item number 00): for codes the app itself produces (item verdicts,
// feedback notes, package names), never for codes in a catalog or in a
// bundle's evidence links.
func ParseItemRef(code string) (indicator, level, item int, ok bool) {
	m := itemCode.FindStringSubmatch(code)
	if m == nil {
		return 0, 0, 0, false
	}
	indicator, _ = strconv.Atoi(m[1])
	level, _ = strconv.Atoi(m[2])
	item, _ = strconv.Atoi(m[3])
	return indicator, level, item, true
}

// IsSyntheticItem reports whether code is a synthetic per-level item code.
func IsSyntheticItem(code string) bool {
	_, _, item, ok := ParseItemRef(code)
	return ok && item == SyntheticItemNumber
}

// LevelItems are the evidence items of level l (1–5) of indicator in —
// the one rule every screen, the cascade, the assessor's review, the
// portal package and the feedback use: the catalog's items of that level,
// else the level's synthetic item. None for an indicator valued by
// another agency (nothing is uploaded there), for an indicator whose
// catalog lists no item on any level (a v1 catalog: its evidence stays
// per level and is judged without items, as before items existed; every
// self-assessed Pemdi indicator lists items), and for a level outside 1–5.
func LevelItems(in Indicator, l int) []EvidenceItem {
	if l < 1 || l > 5 || ExternallyValued(in) || !HasItems(in) {
		return nil
	}
	if items := in.Level(l).Items; len(items) > 0 {
		return items
	}
	return []EvidenceItem{SyntheticItem(in.Number, l)}
}

// FileItems are the items of indicator in that a file attached at level
// with the linked codes supports: the linked codes, and the synthetic
// item of its own level when that level has no catalog items (a file
// attached to such a level is its evidence: there is no official item to
// link it to). Codes are returned as given, the synthetic one last.
func FileItems(in Indicator, level int, linked []string) []string {
	out := append([]string(nil), linked...)
	if items := LevelItems(in, level); len(items) == 1 && IsSyntheticItem(items[0].Code) {
		out = append(out, items[0].Code)
	}
	return out
}

// RealItems drops synthetic codes: what is stored as a file's links (a
// file reaches a synthetic item through its level, FileItems).
func RealItems(codes []string) []string {
	var out []string
	for _, c := range codes {
		if !IsSyntheticItem(c) {
			out = append(out, c)
		}
	}
	return out
}

// CheckBundleItems checks the item codes of one answer's evidence files,
// as a signed bundle carries them, against the bundle's own catalog c:
// every code must be an official item of that indicator (CheckItemLinks,
// and never a synthetic code, which is reached through a file's level and
// never stored). The OPD's app checks every link against the same pinned
// catalog when the officer makes it, so an unknown code in a signed
// bundle means the bundle was not made by a correct app — the import
// refuses it like a level the catalog lacks, rather than letting an
// assessor judge an item that does not exist. The message is Indonesian
// and names the code.
func CheckBundleItems(c *Catalog, indicator int, files [][]string) error {
	for _, codes := range files {
		for _, code := range codes {
			if IsSyntheticItem(code) {
				return inputErrorf("butir %s adalah butir pengganti, tidak boleh ditautkan di bundel", code)
			}
			if _, err := CheckItemLinks(c, indicator, []string{code}); err != nil {
				return err
			}
		}
	}
	return nil
}

// FileSupports reports whether a file attached at level with the linked
// codes supports item code — FileItems for one item of a list that
// LevelItems made: the code is linked, or it is the synthetic item of the
// file's own level (which exists only where the catalog lists no item).
func FileSupports(code string, level int, linked []string) bool {
	if slices.Contains(linked, code) {
		return true
	}
	_, l, _, _ := ParseItemRef(code)
	return IsSyntheticItem(code) && l == level
}
