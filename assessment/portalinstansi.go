package assessment

import (
	"context"
	"errors"
	"math/big"
)

// InstansiCode stands for the OPD code in the instansi's package (the
// running header, the folder name the GUI picks).
const InstansiCode = "INSTANSI"

// InstansiPortalRow is one indicator of the instansi's consolidation with
// the OPD answer its value came from.
type InstansiPortalRow struct {
	Indicator int
	Value     string // the consolidated value, decimal with a point; "" = none yet
	FromOPD   string // the OPD whose answer gave the value
	// Answer is that OPD's answer (level, justification, agency score);
	// its Indicator is ignored.
	Answer   Answer
	Evidence []ReviewEvidence // that answer's evidence
}

// InstansiPortal is what the assessor's package for the instansi
// submission is made of.
type InstansiPortal struct {
	Catalog  *Catalog
	Periode  int
	Instansi string // "Pemerintah Kabupaten Contoh"
	Rows     []InstansiPortalRow
}

// InstansiPortalPackager is an assessor workspace that writes the portal
// package of a periode's consolidation into a new folder inside parentDir
// (the GUI's consolidation screen offers it when the workspace has it).
type InstansiPortalPackager interface {
	InstansiPortalPackage(ctx context.Context, periode int, parentDir string, progress func(float64)) (dir string, err error)
}

// PlanInstansiPortalPackage lays out the instansi's package exactly as
// an OPD's (PlanPortalPackage: the same folders, names and lembar), with
// the consolidated values: the level to pick on the portal is the value's
// whole part, a fractional value (1,3) is shown beside it, and the files
// and justification are those of the OPD answer the value came from.
func PlanInstansiPortalPackage(in InstansiPortal) (PortalPackage, error) {
	if in.Catalog == nil {
		return PortalPackage{}, errors.New("paket portal: konsolidasi tanpa katalog")
	}
	s := Snapshot{Catalog: in.Catalog, Assessment: Assessment{Periode: in.Periode},
		Profile: Profile{Instansi: in.Instansi, OPDKode: InstansiCode, OPDNama: "Tim Asesor Internal"}}
	values := map[int]string{}
	var id int64
	for _, r := range in.Rows {
		a := r.Answer
		a.Indicator = r.Indicator
		if l, ok := wholeLevel(r.Value); ok {
			a.Level = l
			values[r.Indicator] = r.Value
		}
		s.Answers = append(s.Answers, a)
		for _, e := range r.Evidence {
			id++ // in row order, so names are numbered as the rows come
			s.Evidence = append(s.Evidence, Evidence{ID: id, Indicator: r.Indicator, OriginalName: e.Name, Level: e.Level,
				Items: e.Items, Blob: Blob{SHA256: e.SHA256}})
		}
	}
	p, err := PlanPortalPackage(s)
	if err != nil {
		return p, err
	}
	p.Source = PortalSourceInstansi
	for i := range p.Indicators {
		pi := &p.Indicators[i]
		if v, ok := values[pi.Number]; ok && pi.External == nil && !isWhole(v) {
			pi.Value = v
		}
	}
	return p, nil
}

// wholeLevel is the level a consolidated value is picked as on the
// portal: its whole part, 1–5.
func wholeLevel(v string) (int, bool) {
	r, ok := new(big.Rat).SetString(v)
	if !ok || v == "" {
		return 0, false
	}
	l := new(big.Int).Quo(r.Num(), r.Denom()).Int64()
	return int(min(max(l, 1), 5)), true
}

func isWhole(v string) bool {
	r, ok := new(big.Rat).SetString(v)
	return ok && r.IsInt()
}
