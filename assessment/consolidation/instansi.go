// Package consolidation holds the assessor's pure rules for the
// consolidated result of an instansi (the whole Pemda) from its OPDs'
// accepted bundles.
package consolidation

import (
	"slices"
	"strings"
)

// Vote is the instansi name one OPD's accepted bundle gives.
type Vote struct {
	OPDKode  string
	Instansi string
	// Excluded: the bundle is signed by a revoked key; it is not counted
	// in the consolidation and does not name the instansi either.
	Excluded bool
}

// Variant is one instansi name and the OPDs whose bundle gave it.
type Variant struct {
	Name string
	OPDs []string // OPD codes, in the order of the votes
}

// InstansiName is the name on the consolidated report's letterhead: the
// one most counted OPDs gave (spaces around it ignored; ties: the name
// given first, so the lowest OPD code's when votes come sorted by code),
// and, when the OPDs disagree, every name given, most OPDs first (nil
// when all agree). "" when no counted OPD gave a name.
func InstansiName(votes []Vote) (string, []Variant) {
	var variants []Variant
	at := map[string]int{} // name → index in variants
	for _, v := range votes {
		name := strings.TrimSpace(v.Instansi)
		if v.Excluded || name == "" {
			continue
		}
		i, ok := at[name]
		if !ok {
			i, at[name] = len(variants), len(variants)
			variants = append(variants, Variant{Name: name})
		}
		variants[i].OPDs = append(variants[i].OPDs, v.OPDKode)
	}
	// Most OPDs first; a stable sort keeps the first given on ties.
	slices.SortStableFunc(variants, func(a, b Variant) int { return len(b.OPDs) - len(a.OPDs) })
	switch len(variants) {
	case 0:
		return "", nil
	case 1:
		return variants[0].Name, nil
	}
	return variants[0].Name, variants
}
