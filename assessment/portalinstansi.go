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
	// Items is the assessor's item review of that answer (nil when the
	// indicator has none: a catalog without items, or a bundle whose
	// catalog is not installed). With it, only files of items diterima go
	// into the package (FilterAccepted).
	Items *ItemReview
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
	reviews := map[int]*ItemReview{}
	for _, r := range in.Rows {
		a := r.Answer
		a.Indicator = r.Indicator
		if l, ok := wholeLevel(r.Value); ok {
			a.Level = l
			values[r.Indicator] = r.Value
		}
		s.Answers = append(s.Answers, a)
		ind, _ := in.Catalog.Indicator(r.Indicator)
		for _, e := range r.Evidence {
			id++ // in row order, so names are numbered as the rows come
			ev := Evidence{ID: id, Indicator: r.Indicator, OriginalName: e.Name, Level: e.Level,
				Items: e.Items, Blob: Blob{SHA256: e.SHA256}}
			if ev, ok := FilterAccepted(ind, r.Items, ev); ok {
				s.Evidence = append(s.Evidence, ev)
			}
		}
		reviews[r.Indicator] = r.Items
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
		markNotAccepted(pi, reviews[pi.Number])
	}
	return p, nil
}

// FilterAccepted is file e as the instansi's package carries it after
// the assessor's item review r of its indicator in: linked only to the
// items it supports (FileItems) that are diterima, and left out (false)
// when it supports none of them — the instansi submits what its assessors
// accepted, not what they sent back for revision. Without an item review
// (r nil) the file is kept as it is.
func FilterAccepted(in Indicator, r *ItemReview, e Evidence) (Evidence, bool) {
	if r == nil {
		return e, true
	}
	var keep []string
	level := 0
	for _, code := range FileItems(in, e.Level, e.Items) {
		if s, ok := r.Item(code); ok && s.Effective() == ReviewAccepted {
			keep = append(keep, code)
			level = max(level, ItemsLevel([]string{code}))
		}
	}
	if len(keep) == 0 {
		return e, false
	}
	e.Items, e.Level = RealItems(keep), level
	return e, true
}

// markNotAccepted notes on each item of the package the assessor did not
// accept why it has no file there (revisi, ditolak otomatis, belum
// ditelaah).
func markNotAccepted(pi *PortalIndicator, r *ItemReview) {
	if r == nil {
		return
	}
	for i := range pi.Items {
		it := &pi.Items[i]
		s, ok := r.Item(it.Code)
		switch {
		case !ok || s.Effective() == "":
			it.NotAccepted = "belum ditelaah asesor"
		case s.Effective() != ReviewAccepted:
			it.NotAccepted = s.Effective()
		}
	}
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
