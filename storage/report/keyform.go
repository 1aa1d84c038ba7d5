package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// KeyInfo is the public half of an OPD's signing key, as registered by the
// Tim Asesor Internal.
type KeyInfo struct {
	PublicKeyBase64 string // the 32-byte Ed25519 public key, base64
	KeyID           string // hex SHA-256 of the public key
	Fingerprint     string // six groups of five digits
}

// keyQRSize is the width of the key form's QR code in mm.
const keyQRSize = 34.0

// RenderKeyForm writes the one-page Formulir Pendaftaran Kunci
// Penandatangan that the Kepala OPD signs and stamps by hand. Same inputs
// give the same bytes.
func RenderKeyForm(w io.Writer, p assessment.Profile, k KeyInfo, when time.Time) error {
	if when.IsZero() {
		return errors.New("report: tanggal formulir wajib diisi")
	}
	qr, err := KeyQRText(p.OPDKode, k.Fingerprint, k.KeyID)
	if err != nil {
		return err
	}
	d := newDoc(when, "Formulir Pendaftaran Kunci Penandatangan — "+p.OPDNama, p.OPDNama)
	d.pdf.SetAutoPageBreak(true, 15)
	d.pdf.SetFooterFunc(func() { d.keyFormFooter(when) })
	d.pdf.AddPage()
	d.kop(p)
	d.keyFormTitle()
	d.keyFormIdentity(p, when)
	d.fingerprintBoxes(k.Fingerprint)
	d.keyDetails(k, qr)
	d.keyInstructions()
	d.keyFormSignatures(p)
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return d.pdf.Output(w)
}

// KeyQRText is the text of the key form's QR code:
// SPBEKEY1:<KODE>:<FINGERPRINT without spaces>:<KEYID>, uppercase.
func KeyQRText(kode, fingerprint, keyID string) (string, error) {
	// The one OPD code rule: a canonical code never holds the QR text's
	// separator ':' nor a space.
	kode, err := assessment.ParseOPDCode(kode)
	if err != nil {
		return "", fmt.Errorf("report: kode OPD tidak dapat dipakai di kode QR: %w", err)
	}
	fp := strings.Join(strings.Fields(fingerprint), "")
	if fp == "" || keyID == "" {
		return "", errors.New("report: sidik jari dan ID kunci wajib diisi")
	}
	return strings.ToUpper(strings.Join([]string{"SPBEKEY1", kode, fp, strings.TrimSpace(keyID)}, ":")), nil
}

func (d *doc) keyFormTitle() {
	d.pdf.Ln(9)
	d.font("B", 14)
	d.text(colNavy)
	d.centered(7, "FORMULIR PENDAFTARAN KUNCI PENANDATANGAN")
	d.font("", 9)
	d.text(colMuted)
	d.centered(5, "Aplikasi SPBE Mandiri — kunci untuk menandatangani bundel penilaian mandiri Perangkat Daerah")
	d.text(colText)
	d.pdf.Ln(6)
}

func (d *doc) keyFormIdentity(p assessment.Profile, when time.Time) {
	d.kv(42, "Instansi", orDash(p.Instansi), "")
	d.kv(42, "Perangkat Daerah", fmt.Sprintf("%s — %s", orDash(p.OPDKode), orDash(p.OPDNama)), "B")
	d.kv(42, "Operator", orDash(p.Operator), "")
	d.kv(42, "Tanggal formulir", tanggal(when), "")
	d.pdf.Ln(4)
}

// fingerprintBoxes prints the fingerprint in large type, one box per group
// of five digits, numbered so that it can be compared over the phone.
func (d *doc) fingerprintBoxes(fp string) {
	d.font("B", 9)
	d.text(colNavy)
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(contentW, 5, "SIDIK JARI KUNCI (fingerprint)", "", 1, "L", false, 0, "")
	d.pdf.Ln(1)
	gs := strings.Fields(fp)
	if len(gs) == 0 {
		gs = []string{"—"}
	}
	gap := 2.0
	bw := (contentW - gap*float64(len(gs)-1)) / float64(len(gs))
	y := d.pdf.GetY()
	for i, g := range gs {
		x := marginX + float64(i)*(bw+gap)
		d.fill(colShade)
		d.draw(colNavy)
		d.pdf.SetLineWidth(0.4)
		d.pdf.Rect(x, y, bw, 17, "FD")
		d.font("", 6.5)
		d.text(colMuted)
		d.pdf.SetXY(x, y+1)
		d.pdf.CellFormat(bw, 3, fmt.Sprintf("kelompok %d", i+1), "", 0, "C", false, 0, "")
		d.font("B", 19)
		d.text(colText)
		d.pdf.SetXY(x, y+5)
		d.pdf.CellFormat(bw, 10, d.fit(g, bw-1), "", 0, "C", false, 0, "")
	}
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetY(y + 21)
}

// keyDetails lists key id and public key next to the QR code.
func (d *doc) keyDetails(k KeyInfo, qr string) {
	y := d.pdf.GetY()
	textW := contentW - keyQRSize - 8
	d.pdf.SetXY(marginX, y)
	id := groups(strings.ToLower(k.KeyID), 8)
	if len(id) > 4 {
		id[3] += "\n"
	}
	d.detail(textW, "ID kunci (SHA-256 kunci publik)", strings.ReplaceAll(strings.Join(id, " "), "\n ", "\n"))
	d.detail(textW, "Kunci publik (Ed25519, base64)", k.PublicKeyBase64)
	d.font("", 7.5)
	d.text(colMuted)
	d.pdf.SetX(marginX)
	d.para(textW, smallLineH, "Kode QR di samping memuat kode OPD, sidik jari, dan ID kunci; "+
		"aplikasi Tim Asesor Internal dapat membacanya untuk mencocokkan kunci.")
	bottom := d.pdf.GetY()
	drawQR(d, qr, marginX+contentW-keyQRSize, y, keyQRSize)
	d.pdf.SetY(max(bottom, y+keyQRSize) + 5)
	d.text(colText)
}

func (d *doc) detail(w float64, label, value string) {
	d.font("", 8)
	d.text(colMuted)
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(w, smallLineH, label, "", 1, "L", false, 0, "")
	d.font("B", 9.5)
	d.text(colText)
	d.pdf.SetX(marginX)
	d.para(w, 5, orDash(value))
	d.pdf.Ln(2)
}

// keyInstructions tells the Tim Asesor Internal how to use the form.
func (d *doc) keyInstructions() {
	steps := []string{
		"Formulir ini ditandatangani Kepala Perangkat Daerah, dibubuhi cap dinas, dan diserahkan asli kepada Tim Asesor Internal.",
		"Saat bundel pertama dari Perangkat Daerah ini diimpor, aplikasi Tim Asesor menampilkan sidik jari kuncinya. Cocokkan keenam kelompok angka dengan formulir ini, satu per satu.",
		"Konfirmasi juga melalui telepon ke nomor resmi Perangkat Daerah yang sudah dikenal (bukan nomor dari surel atau pesan yang menyertai bundel): minta operator membacakan sidik jari dari aplikasinya, kelompok demi kelompok.",
		"Bila semuanya cocok, tandai kunci sebagai terverifikasi dan catat siapa yang memeriksa, kapan, dan caranya.",
		"Bila ada satu angka pun yang berbeda, jangan terima bundel itu; hubungi Kepala Perangkat Daerah. Sidik jari yang tercetak di dalam laporan PDF pada bundel itu sendiri tidak membuktikan apa pun.",
	}
	d.font("B", 9)
	d.text(colNavy)
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(contentW, 5, "Petunjuk untuk Tim Asesor Internal", "", 1, "L", false, 0, "")
	d.pdf.Ln(0.5)
	d.text(colText)
	for i, s := range steps {
		d.font("", 8.5)
		d.pdf.SetX(marginX)
		d.pdf.CellFormat(6, smallLineH+0.2, fmt.Sprintf("%d.", i+1), "", 0, "L", false, 0, "")
		d.para(contentW-6, smallLineH+0.2, s)
		d.pdf.Ln(0.6)
	}
	d.pdf.Ln(4)
}

func (d *doc) keyFormSignatures(p assessment.Profile) {
	d.signatures(
		signatory{above: []string{"", "Operator yang membuat kunci,"}, name: p.Operator, nip: blankNIP},
		signatory{above: []string{blankDate, "Kepala " + orDash(p.OPDNama)}, nip: blankNIP,
			hint: "(tanda tangan dan cap dinas)"})
}

func (d *doc) keyFormFooter(when time.Time) {
	d.pdf.SetY(pageH - 13)
	d.rule(colRule, 0.3)
	d.pdf.Ln(1)
	d.font("", 6.5)
	d.text(colMuted)
	d.pdf.SetX(marginX)
	d.para(contentW, 3, "Dicetak oleh aplikasi SPBE Mandiri pada "+tanggalJam(when)+". "+
		"Formulir ini bukan bagian dari bundel ekspor; aslinya diarsipkan oleh Tim Asesor Internal.")
}
