package report

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/consolidation"
)

// Consolidated is the instansi's consolidated assessment of one periode,
// as the assessor team (Tim Asesor Internal) prints it: the instansi value
// of every indicator with its trail and the OPD values behind it, the
// instansi index, and the recap of the OPD bundles it was made from.
// NewConsolidated fills the catalog part; the caller adds Instansi, OPDs
// and the signer.
type Consolidated struct {
	Instansi       string
	Periode        int
	CatalogID      string
	CatalogVersion string
	CatalogName    string // the catalog's title
	Instrument     string // short legal name ("PermenPANRB 59/2020"); "" = id and version
	Provisional    bool   // the catalog is not the official text yet

	Index      *big.Rat // nil when no indicator has a value
	Predicate  string
	Complete   bool // false: the index is provisional (sementara)
	Answered   int
	Total      int
	Lowest     *big.Rat // range of the final index while incomplete
	Highest    *big.Rat
	Predicates []assessment.Predicate // the bands, for the legend

	Groups     []ConsolidatedGroup // domains and aspects, in catalog order
	Indicators []ConsolidatedIndicator
	OPDs       []ConsolidatedOPD // the recap: the accepted bundle of each OPD

	// InstansiVariants lists every instansi name the OPDs' bundles gave,
	// when they differ (Instansi is the one most of them gave); a note on
	// the cover shows them. Empty when all agree.
	InstansiVariants []InstansiVariant
	// ExcludedRevoked are the OPD codes whose accepted bundle is signed by
	// a revoked key: not counted in the consolidation, and said so.
	ExcludedRevoked []string

	Signer      string    // printed as the signer and put in the PDF signature
	Fingerprint string    // the assessor key's fingerprint, on every page
	GeneratedAt time.Time // printed, the PDF's dates and its signing time; required
}

// ConsolidatedGroup is one domain or aspect in the summary table.
type ConsolidatedGroup struct {
	Code     string // "D1", "A3"
	Name     string
	Domain   bool // a domain row (shaded) rather than an aspect
	Weight   string
	Answered int
	Total    int
	Index    *big.Rat // nil: nothing answered
}

// ConsolidatedIndicator is the instansi value of one indicator.
type ConsolidatedIndicator struct {
	Number      int
	Name        string
	Domain      string // "Domain 1 · Kebijakan Internal SPBE"; "" without domains
	Aspect      string // "Aspek 1 · …"
	Value       string // decimal with a point; "" = no value
	Source      string // assessment.SourceSettled, SourceProposal or ""
	FromOPD     string // OPD code of the answer the value came from
	Note        string
	SetBy       string
	SetAt       time.Time
	Responsible []string // OPD codes; empty = every OPD
	Candidates  []ConsolidatedCandidate
}

// ConsolidatedCandidate is one responsible OPD's answer to an indicator.
type ConsolidatedCandidate struct {
	OPDKode      string
	Level        int    // the OPD's level, 0 = not answered
	ReviewStatus string // diterima, revisi or "" (not reviewed)
	Value        string // the accepted value ("" = none), decimal with a point
}

// InstansiVariant is one instansi name and the OPDs whose bundle gave it
// (consolidation.InstansiName's).
type InstansiVariant = consolidation.Variant

// ConsolidatedOPD is one row of the recap.
type ConsolidatedOPD struct {
	Kode  string
	Nama  string
	Index string // decimal with a point; "" = none
	// Recomputed: Index … Total were recomputed from the bundle's answers
	// on the catalog; otherwise they are as the OPD claimed them.
	Recomputed   bool
	ClaimedIndex string // the OPD's own index, shown when Mismatch
	Mismatch     bool   // the recomputed index differs from the OPD's own
	Predicate    string
	Complete     bool
	Answered     int
	Total        int
	KeyStatus    string // pending, verified or revoked
	Sequence     uint64
	CreatedAt    string // the OPD device's clock (RFC 3339), display only
	Conflicts    int    // bundles of this OPD + periode in konflik, not settled yet
	// Excluded: the bundle's key was revoked, so it does not count in the
	// consolidation (listed for the record).
	Excluded bool
}

// NewConsolidated fills the catalog part of a Consolidated from the
// catalog and the consolidation computed on it: names, domains and
// aspects, the score and every catalog indicator in catalog order (an
// indicator missing from v has no value).
func NewConsolidated(c *assessment.Catalog, v assessment.ConsolidationView) Consolidated {
	s := v.Score
	out := Consolidated{
		Periode: v.Periode, CatalogID: c.ID, CatalogVersion: c.Version, CatalogName: c.Title,
		Instrument: c.LegalBasis.Short, Provisional: c.Provisional(),
		Index: s.Index, Predicate: s.Predicate, Complete: s.Complete, Answered: s.Answered, Total: s.Total,
		Lowest: s.Lowest, Highest: s.Highest, Predicates: c.Predicates, ExcludedRevoked: v.ExcludedRevoked,
	}
	rows := map[int]assessment.ConsolidationRow{}
	for _, r := range v.Rows {
		rows[r.Indicator] = r
	}
	answered := func(ins []assessment.Indicator) (done int) {
		for _, in := range ins {
			if rows[in.Number].Value != "" {
				done++
			}
		}
		return done
	}
	group := func(a assessment.Aspect) {
		ins := c.IndicatorsOfAspect(a.Number)
		out.Groups = append(out.Groups, ConsolidatedGroup{Code: fmt.Sprintf("A%d", a.Number), Name: a.Name,
			Weight: weight(a.Weight), Answered: answered(ins), Total: len(ins), Index: s.Aspects[a.Number]})
		for _, in := range ins {
			out.Indicators = append(out.Indicators, consolidatedIndicator(c, in, rows[in.Number]))
		}
	}
	if len(c.Domains) == 0 {
		for _, a := range c.Aspects {
			group(a)
		}
		return out
	}
	for _, d := range c.Domains {
		var ins []assessment.Indicator
		for _, a := range c.AspectsOfDomain(d.Number) {
			ins = append(ins, c.IndicatorsOfAspect(a.Number)...)
		}
		out.Groups = append(out.Groups, ConsolidatedGroup{Code: fmt.Sprintf("D%d", d.Number), Name: d.Name, Domain: true,
			Weight: weight(d.Weight), Answered: answered(ins), Total: len(ins), Index: s.Domains[d.Number]})
		for _, a := range c.AspectsOfDomain(d.Number) {
			group(a)
		}
	}
	return out
}

func consolidatedIndicator(c *assessment.Catalog, in assessment.Indicator, r assessment.ConsolidationRow) ConsolidatedIndicator {
	out := ConsolidatedIndicator{Number: in.Number, Name: in.Name, Value: r.Value, Source: r.Source, FromOPD: r.FromOPD,
		Note: r.Note, SetBy: r.SetBy, SetAt: r.SetAt, Responsible: r.Responsible}
	if a, ok := c.Aspect(in.Aspect); ok {
		out.Aspect = fmt.Sprintf("Aspek %d · %s", a.Number, a.Name)
		if d, ok := c.Domain(a.Domain); ok {
			out.Domain = fmt.Sprintf("Domain %d · %s", d.Number, d.Name)
		}
	}
	for _, k := range r.Candidates {
		out.Candidates = append(out.Candidates, ConsolidatedCandidate{OPDKode: k.OPDKode, Level: k.Level,
			ReviewStatus: k.ReviewStatus, Value: k.Value})
	}
	return out
}

// consRenderer holds the state of one consolidated report being drawn.
type consRenderer struct {
	*doc
	c    Consolidated
	cont string // the section continued on the next page
}

// RenderConsolidated writes the consolidated report of c to w. The same c
// gives the same bytes; sign the result with Sign (at c.GeneratedAt for a
// reproducible signature).
func RenderConsolidated(w io.Writer, c Consolidated) error {
	if c.GeneratedAt.IsZero() {
		return errors.New("report: waktu pembuatan (GeneratedAt) wajib diisi agar PDF dapat direproduksi")
	}
	if c.CatalogID == "" || c.Periode == 0 {
		return errors.New("report: konsolidasi tanpa katalog atau periode")
	}
	r := &consRenderer{c: c}
	title := fmt.Sprintf("Laporan Konsolidasi Penilaian Mandiri %s — %s — Periode %d", orDash(c.CatalogName), orDash(c.Instansi), c.Periode)
	r.doc = newDoc(c.GeneratedAt, title, "Tim Asesor Internal "+c.Instansi)
	r.pdf.SetSubject("Konsolidasi penilaian mandiri instansi", true)
	r.pdf.SetHeaderFunc(r.header)
	r.pdf.SetFooterFunc(r.footer)
	r.cover()
	r.groupSummary()
	r.recap()
	r.indicatorTable()
	r.closing()
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return r.pdf.Output(w)
}

// instrument is the short name of the catalog.
func (r *consRenderer) instrument() string {
	if r.c.Instrument != "" {
		return r.c.Instrument
	}
	return r.c.CatalogID + " " + r.c.CatalogVersion
}

// header draws the running header on every page but the cover, and the
// section that continues from the previous page.
func (r *consRenderer) header() {
	right := fmt.Sprintf("%s · Periode %d", orDash(r.c.Instansi), r.c.Periode)
	r.runningHeader("LAPORAN KONSOLIDASI · "+r.instrument(), right, r.cont)
}

// footer identifies the document and its signer on every page.
func (r *consRenderer) footer() {
	r.pdf.SetY(footerTop)
	r.rule(colRule, 0.3)
	y := footTextTop
	for _, l := range r.footerLines() {
		r.pdf.SetXY(marginX, y)
		r.font("B", 6.5)
		r.text(colMuted)
		r.pdf.CellFormat(footLabelW, footLineH, l[0], "", 0, "L", false, 0, "")
		r.font("", 6.5)
		r.text(colText)
		r.pdf.CellFormat(contentW-footLabelW, footLineH, r.fit(l[1], contentW-footLabelW), "", 0, "L", false, 0, "")
		y += footLineH
	}
}

func (r *consRenderer) footerLines() [][2]string {
	c := r.c
	return [][2]string{
		{"Instansi", fmt.Sprintf("%s · Periode %d", orDash(c.Instansi), c.Periode)},
		{"Dokumen", fmt.Sprintf("Konsolidasi Tim Asesor Internal · katalog %s versi %s", c.CatalogID, c.CatalogVersion)},
		{"Penanda tangan", orDash(c.Signer)},
		{"Sidik jari kunci", orDash(c.Fingerprint)},
		{"Halaman", fmt.Sprintf("%d dari {nb} · dibuat %s", r.pdf.PageNo(), tanggalJam(c.GeneratedAt))},
	}
}

// value formats an index, starred while the consolidation is incomplete.
func (r *consRenderer) value(x *big.Rat) string {
	if x == nil {
		return "–"
	}
	if r.c.Complete {
		return assessment.FormatDecimal(x)
	}
	return assessment.FormatDecimal(x) + "*"
}

// decimal shows a stored decimal ("2.5") with an Indonesian comma.
func decimal(s string) string {
	if s == "" {
		return "–"
	}
	return strings.Replace(s, ".", ",", 1)
}
