// Package report renders the printable PDF report of a self-assessment
// (with a footer and QR code tying every page to a signed bundle), adds an
// approval signature to it, and renders the key registration form that the
// Kepala OPD signs by hand.
//
// The unsigned PDF is byte-reproducible: the same Snapshot and Footer give
// the same bytes. Sign is not (see Sign).
package report

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Footer ties every page of the report to one exported bundle. With an
// empty ContentDigest (printing a draft without a bundle) the footer says
// "belum diekspor" and has no QR code.
type Footer struct {
	ContentDigest string // hex SHA-256 of the bundle content ("sha256:" prefix allowed)
	Fingerprint   string // signer key fingerprint, six groups of five digits
	BundleID      string
	Sequence      int
	GeneratedAt   time.Time // printed, and the PDF's creation date; required
}

// renderer holds the state of one report being drawn.
type renderer struct {
	*doc
	snap     assessment.Snapshot
	foot     Footer
	score    assessment.Score
	answers  map[int]assessment.Answer
	evidence map[int][]assessment.Evidence
	digest   []string // content digest in 8-character groups; nil when not exported
	qr       string   // QR text; "" when not exported
	cont     string   // title of the indicator continued on the next page
}

// Render writes the PDF report of snap to w.
func Render(w io.Writer, snap assessment.Snapshot, foot Footer) error {
	r, err := newRenderer(snap, foot)
	if err != nil {
		return err
	}
	r.cover()
	r.summary()
	r.indicators()
	r.approval()
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return r.pdf.Output(w)
}

func newRenderer(snap assessment.Snapshot, foot Footer) (*renderer, error) {
	if snap.Catalog == nil {
		return nil, errors.New("report: snapshot tanpa katalog")
	}
	if foot.GeneratedAt.IsZero() {
		return nil, errors.New("report: waktu pembuatan (GeneratedAt) wajib diisi agar PDF dapat direproduksi")
	}
	r := &renderer{
		snap: snap, foot: foot, score: snap.Score(),
		answers:  map[int]assessment.Answer{},
		evidence: map[int][]assessment.Evidence{},
	}
	for _, a := range snap.Answers {
		r.answers[a.Indicator] = a
	}
	for _, e := range snap.Evidence {
		r.evidence[e.Indicator] = append(r.evidence[e.Indicator], e)
	}
	if foot.ContentDigest != "" {
		sum, err := parseDigest(foot.ContentDigest)
		if err != nil {
			return nil, err
		}
		r.digest = groups(hexString(sum), 8)
		r.qr, err = QRText(snap.Profile.OPDKode, snap.Assessment.Periode, foot.Sequence, foot.ContentDigest, foot.Fingerprint)
		if err != nil {
			return nil, err
		}
	}
	p := snap.Profile
	title := fmt.Sprintf("Laporan Penilaian Mandiri %s — %s — Periode %d", snap.Catalog.Title, p.OPDNama, snap.Assessment.Periode)
	r.doc = newDoc(foot.GeneratedAt, title, p.OPDNama)
	r.pdf.SetSubject(clean(snap.Catalog.LegalBasis.Regulation), true)
	r.pdf.SetHeaderFunc(r.header)
	r.pdf.SetFooterFunc(r.footer)
	return r, nil
}

// instrument is the short name of the catalog ("PermenPANRB 59/2020").
func (r *renderer) instrument() string {
	c := r.snap.Catalog
	if c.LegalBasis.Short != "" {
		return c.LegalBasis.Short
	}
	return c.ID + " " + c.Version
}
