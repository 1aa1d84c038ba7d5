package report

import (
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Footer layout: a block of label/value lines on the left, the QR code on
// the right, below a thin rule.
const (
	qrSize      = 22.0 // mm, the whole symbol without quiet zone
	footLabelW  = 27.0
	footLineH   = 3.35
	footTextTop = footerTop + 3
)

// header draws the running header on every page but the cover, and the
// title of an indicator that continues from the previous page.
func (r *renderer) header() {
	right := fmt.Sprintf("%s · Periode %d", r.snap.Profile.OPDKode, r.snap.Assessment.Periode)
	r.runningHeader("LAPORAN PENILAIAN MANDIRI · "+r.instrument(), right, r.cont)
}

// runningHeader draws a report's header on every page but the cover:
// the document on the left, whose and which periode on the right, and
// the section (cont) that continues from the previous page.
func (d *doc) runningHeader(left, right, cont string) {
	if d.pdf.PageNo() == 1 {
		d.pdf.SetY(contentTop)
		return
	}
	d.font("B", 7.5)
	d.text(colNavy)
	d.pdf.SetXY(marginX, 11)
	d.pdf.CellFormat(contentW/2, 4, clean(left), "", 0, "L", false, 0, "")
	d.font("", 7.5)
	d.text(colMuted)
	d.pdf.CellFormat(contentW/2, 4, d.fit(right, contentW/2), "", 0, "R", false, 0, "")
	d.pdf.SetY(16.5)
	d.rule(colRule, 0.3)
	d.pdf.SetY(contentTop)
	if cont != "" {
		d.font("", 7.5)
		d.text(colMuted)
		d.pdf.CellFormat(contentW, 4, d.fit(cont+" (lanjutan)", contentW), "", 1, "L", false, 0, "")
		d.pdf.Ln(1.5)
	}
	d.font("", 9)
	d.text(colText)
}

// footer draws the bundle identification and QR code on every page.
func (r *renderer) footer() {
	r.pdf.SetY(footerTop)
	r.rule(colRule, 0.3)
	textW := contentW - qrSize - 5
	lines := r.footerLines()
	y := footTextTop
	for _, l := range lines {
		r.pdf.SetXY(marginX, y)
		r.font("B", 6.5)
		r.text(colMuted)
		r.pdf.CellFormat(footLabelW, footLineH, l[0], "", 0, "L", false, 0, "")
		r.font("", 6.5)
		r.text(colText)
		r.pdf.CellFormat(textW-footLabelW, footLineH, r.fit(l[1], textW-footLabelW), "", 0, "L", false, 0, "")
		y += footLineH
	}
	if r.qr != "" {
		drawQR(r.doc, r.qr, marginX+contentW-qrSize, footerTop+2.5, qrSize)
	}
}

// footerLines are the label/value pairs of the footer.
func (r *renderer) footerLines() [][2]string {
	p := r.snap.Profile
	f := r.foot
	doc := fmt.Sprintf("%s — %s · Periode %d", p.OPDKode, p.OPDNama, r.snap.Assessment.Periode)
	page := fmt.Sprintf("%d dari {nb} · dibuat %s", r.pdf.PageNo(), tanggalJam(f.GeneratedAt))
	if r.digest == nil {
		return [][2]string{
			{"Perangkat Daerah", doc},
			{"Status", "belum diekspor — cetakan ini bukan bagian dari bundel bertanda tangan"},
			{"Digest isi", "belum diekspor"},
			{"Halaman", page},
		}
	}
	return [][2]string{
		{"Perangkat Daerah", doc},
		{"ID bundel", fmt.Sprintf("%s · ekspor ke-%d", orDash(f.BundleID), f.Sequence)},
		{"Digest isi", strings.Join(r.digest, " ")},
		{"Sidik jari kunci", orDash(f.Fingerprint)},
		{"Halaman", page},
	}
}

// QRText is the text of the footer QR code:
// SPBE1:<KODE>:<PERIODE>:<SEQ>:<BASE32 DIGEST>:<FINGERPRINT>, uppercase,
// base32 without padding, fingerprint without spaces — all in the QR
// alphanumeric character set when the OPD code is.
func QRText(kode string, periode, sequence int, contentDigest, fingerprint string) (string, error) {
	sum, err := parseDigest(contentDigest)
	if err != nil {
		return "", err
	}
	// The one OPD code rule: a canonical code never holds the QR text's
	// separator ':' nor a space.
	if kode, err = assessment.ParseOPDCode(kode); err != nil {
		return "", fmt.Errorf("report: kode OPD tidak dapat dipakai di kode QR: %w", err)
	}
	fp := strings.ToUpper(strings.Join(strings.Fields(fingerprint), ""))
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum)
	return strings.Join([]string{"SPBE1", kode, strconv.Itoa(periode), strconv.Itoa(sequence), b32, fp}, ":"), nil
}

// parseDigest reads a hex SHA-256, optionally prefixed "sha256:".
func parseDigest(s string) ([]byte, error) {
	h := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "sha256:")
	sum, err := hex.DecodeString(h)
	if err != nil || len(sum) != 32 {
		return nil, fmt.Errorf("report: digest isi %q bukan SHA-256 heksadesimal", s)
	}
	return sum, nil
}

func hexString(b []byte) string { return hex.EncodeToString(b) }

// groups splits s into chunks of n characters.
func groups(s string, n int) []string {
	var out []string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}
