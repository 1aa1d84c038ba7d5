package app

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

const (
	paperQRMatch   = "SPBE1:DINKES:2026:3:MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTEMZUGU3A:123456789012345678901234567890"
	paperQRAltered = "SPBE1:DINKES:2026:3:MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTEMZUGU3B:123456789012345678901234567890"
	paperQROld     = "SPBE1:BAPPEDA:2026:1:NBSWY3DPEB3W64TMMQQGC3DEEBUGK4TFEBUXGIDNN52GKIDUMV4HI:998877665544332211009988776655"
	paperQRUnknown = "SPBE1:DISDIK:2026:2:ONSWG4TFOQQGC3DEEBZWK4TJN5XXG3DZEBXG65BAMZXXK3TE:111112222233333444445555566666"
)

var (
	paperDinkes3 = assessment.ReviewBundle{BundleID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", OPDKode: "DINKES", OPDNama: "Dinas Kesehatan",
		Periode: 2026, Sequence: 3, Status: "accepted", ReportSHA256: "rep-dinkes-3", KeyStatus: assessment.KeyVerified}
	paperBappeda1 = assessment.ReviewBundle{BundleID: "bappeda-1-aaaaaaaaaaaaaaaaaaaa", OPDKode: "BAPPEDA", OPDNama: "Bappeda",
		Periode: 2026, Sequence: 1, Status: "superseded", ReportSHA256: "rep-bappeda-1"}
	paperBappeda4 = assessment.ReviewBundle{BundleID: "bappeda-4-bbbbbbbbbbbbbbbbbbbb", OPDKode: "BAPPEDA", OPDNama: "Bappeda",
		Periode: 2026, Sequence: 4, Status: "accepted", ReportSHA256: "rep-bappeda-4"}
)

// paperHarness opens the paper check with three known QR texts.
func paperHarness(t *testing.T) (*asesorHarness, *asesorPaperCheck) {
	t.Helper()
	h := newAsesorHarness(t, true)
	h.ws.papers = map[string]assessment.PaperCheckResult{
		paperQRMatch: {OPDKode: "DINKES", Periode: 2026, Sequence: 3, Fingerprint: "123456789012345678901234567890",
			Found: true, Bundle: paperDinkes3, Matches: true},
		paperQRAltered: {OPDKode: "DINKES", Periode: 2026, Sequence: 3, Fingerprint: "123456789012345678901234567890",
			Bundle: paperDinkes3, Mismatches: []string{"digest isi"}},
		paperQROld: {OPDKode: "BAPPEDA", Periode: 2026, Sequence: 1, Fingerprint: "998877665544332211009988776655",
			Found: true, Bundle: paperBappeda1, Mismatches: []string{"sidik jari kunci"}, Newer: &paperBappeda4},
	}
	h.ws.bundles = []assessment.ReviewBundle{paperDinkes3, paperBappeda1, paperBappeda4}
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("asesor.navPaper")))
	return h, current[*asesorPaperCheck](t, h.u)
}

// check types text and taps Periksa.
func (p *asesorPaperCheck) check(h *asesorHarness, text string) {
	p.text.SetText("")
	test.Type(p.text, text)
	test.Tap(p.checkBtn)
	h.wait()
}

func TestAsesorPaperCheckMatch(t *testing.T) {
	h, p := paperHarness(t)
	if h.u.win.Canvas().Focused() != p.text {
		t.Error("the QR entry is not focused: a scanner would type nowhere")
	}
	p.check(h, paperQRMatch)
	if p.verdict == nil || p.verdict.Text != "COCOK" || p.verdict.Importance != widget.SuccessImportance {
		t.Fatalf("verdict %+v", p.verdict)
	}
	shown := texts(p.result)
	for _, s := range []string{"Tercetak: DINKES · periode 2026 · nomor urut 3 · sidik jari 12345 67890 12345 67890 12345 67890",
		"DINKES — Dinas Kesehatan · periode 2026 · nomor urut 3 · diterima · id 0a1b2c3d4e5f6071"} {
		if !hasText(shown, s) {
			t.Errorf("result does not show %q: %q", s, shown)
		}
	}
	if hasText(shown, "versi yang lebih baru") {
		t.Error("a newer version announced without one")
	}
	if !hasText(shown, "TERVERIFIKASI") {
		t.Errorf("the key status is not shown: %q", shown)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{p.result}, "Buka laporan PDF"))
	h.wait()
	if len(h.ws.opened) != 1 || h.ws.opened[0] != "rep-dinkes-3|Laporan_DINKES_2026_3.pdf" {
		t.Errorf("report opened as %q", h.ws.opened)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{p.result}, "Tinjau"))
	h.wait()
	if r := current[*asesorReview](t, h.u); r.bundle.BundleID != paperDinkes3.BundleID {
		t.Errorf("review opened on %q", r.bundle.BundleID)
	}
}

func TestAsesorPaperCheckMismatch(t *testing.T) {
	h, p := paperHarness(t)
	p.check(h, paperQRAltered)
	if p.verdict.Text != "TIDAK COCOK" || p.verdict.Importance != widget.DangerImportance {
		t.Fatalf("verdict %q", p.verdict.Text)
	}
	shown := texts(p.result)
	if !hasText(shown, "• digest isi") || !hasText(shown, "isinya berbeda") {
		t.Errorf("mismatches not listed: %q", shown)
	}
}

func TestAsesorPaperCheckNewerVersion(t *testing.T) {
	h, p := paperHarness(t)
	p.check(h, paperQROld)
	if p.verdict.Text != "TIDAK COCOK" {
		t.Errorf("verdict %q", p.verdict.Text)
	}
	shown := texts(p.result)
	if !hasText(shown, "• sidik jari kunci") || !hasText(shown, "Ada versi yang lebih baru: nomor urut 4") ||
		!hasText(shown, "BAPPEDA — Bappeda · periode 2026 · nomor urut 1 · digantikan") {
		t.Errorf("result %q", shown)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{p.result}, "Tinjau versi terbaru"))
	h.wait()
	if r := current[*asesorReview](t, h.u); r.bundle.BundleID != paperBappeda4.BundleID {
		t.Errorf("review opened on %q", r.bundle.BundleID)
	}
}

func TestAsesorPaperCheckNotFoundAndMalformed(t *testing.T) {
	h, p := paperHarness(t)
	p.check(h, paperQRUnknown)
	if p.verdict.Text != "TIDAK DITEMUKAN" || !hasText(texts(p.result), "bukan cetakan bundel yang sudah diimpor") {
		t.Errorf("unknown paper: %q, %q", p.verdict.Text, texts(p.result))
	}
	p.check(h, "https://contoh.go.id/laporan")
	if !strings.HasPrefix(p.msg.Text, "Teks QR tidak sah") || p.msg.Importance != widget.DangerImportance {
		t.Errorf("malformed text: %q", p.msg.Text)
	}
	if len(p.result.Objects) != 0 || h.u.win.Canvas().Overlays().Top() != nil {
		t.Error("an old result or a dialog stays after a malformed text")
	}
	if p.text.Text != "https://contoh.go.id/laporan" {
		t.Errorf("the text typed was lost: %q", p.text.Text)
	}
	test.Tap(p.checkBtn) // still malformed: no crash, same message
	h.wait()
	p.text.SetText("")
	test.Tap(p.checkBtn)
	if p.msg.Text != "Teks QR masih kosong." || len(h.ws.checked) != 3 {
		t.Errorf("empty: %q, checked %d", p.msg.Text, len(h.ws.checked))
	}
}

// A barcode scanner types the text and Enter: the check runs by itself,
// and the next scan replaces the previous text.
func TestAsesorPaperCheckScanner(t *testing.T) {
	h, p := paperHarness(t)
	scan := func(text string) {
		test.Type(p.text, text)
		p.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		h.wait()
	}
	scan(paperQRMatch)
	if p.verdict == nil || p.verdict.Text != "COCOK" || p.text.Text != paperQRMatch {
		t.Fatalf("after scanning: text %q", p.text.Text)
	}
	scan(paperQRAltered)
	if p.verdict.Text != "TIDAK COCOK" || p.text.Text != paperQRAltered {
		t.Errorf("second scan: %q, text %q", p.verdict.Text, p.text.Text)
	}
	if len(h.ws.checked) != 2 || h.ws.checked[1] != paperQRAltered {
		t.Errorf("checked %q", h.ws.checked)
	}
	// two papers scanned before the first check returned: both checked,
	// the last one shown
	for _, qr := range []string{paperQRMatch, paperQROld} {
		test.Type(p.text, qr)
		p.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	h.wait()
	if len(h.ws.checked) != 4 || p.text.Text != paperQROld || !hasText(texts(p.result), "nomor urut 4") {
		t.Errorf("fast scans: checked %d, text %q, result %q", len(h.ws.checked), p.text.Text, texts(p.result))
	}
}

// A paper that matches a bundle signed by a revoked key is not a green
// COCOK: it is red and says the bundle is not valid; one signed by a key
// still pending is a warning. The bundle card shows the key's status.
func TestAsesorPaperCheckKeyStatus(t *testing.T) {
	for _, c := range []struct {
		status assessment.KeyStatus
		word   string
		imp    widget.Importance
		why    string
		badge  string
	}{
		{assessment.KeyRevoked, "COCOK, TETAPI KUNCI DICABUT", widget.DangerImportance, "bundel ini tidak sah", "DICABUT"},
		{assessment.KeyPending, "COCOK, KUNCI BELUM DIVERIFIKASI", widget.WarningImportance, "belum final", "MENUNGGU VERIFIKASI"},
		{"", "COCOK, KUNCI BELUM DIVERIFIKASI", widget.WarningImportance, "belum final", "STATUS TIDAK DIKETAHUI"},
	} {
		t.Run(string(c.status), func(t *testing.T) {
			h, p := paperHarness(t)
			b := paperDinkes3
			b.KeyStatus = c.status
			r := h.ws.papers[paperQRMatch]
			r.Bundle = b
			h.ws.papers[paperQRMatch] = r
			p.check(h, paperQRMatch)
			if p.verdict.Text != c.word || p.verdict.Importance != c.imp {
				t.Errorf("verdict %q (importance %v), want %q", p.verdict.Text, p.verdict.Importance, c.word)
			}
			shown := texts(p.result)
			if !hasText(shown, c.why) || !hasText(shown, c.badge) || !hasText(shown, "Kunci penanda tangan OPD:") {
				t.Errorf("result %q does not say %q and %q", shown, c.why, c.badge)
			}
			if c.status == assessment.KeyRevoked {
				capture(t, h.u.win, "paper_revoked.png")
			}
		})
	}
}

// quarantineWorkspace copies every file as the wiring copies a file that
// is not a document: with ".bin" added.
type quarantineWorkspace struct{ *fakeAsesor }

func (q quarantineWorkspace) OpenBlob(ctx context.Context, sum, name string) (string, error) {
	p, err := q.fakeAsesor.OpenBlob(ctx, sum, name)
	return "/tmp/spbe-asesor-1/" + filepath.Base(p) + ".bin", err
}

// openRecorder is the app with OpenURL recorded.
type openRecorder struct {
	fyne.App
	opened *[]string
}

func (a openRecorder) OpenURL(u *url.URL) error {
	*a.opened = append(*a.opened, u.Path)
	return nil
}

// A document opens in the system viewer; a file that is not one is
// never handed to the system: the assessor is told and its folder opens.
func TestAsesorOpenBlobQuarantined(t *testing.T) {
	h, p := paperHarness(t)
	var opened []string
	h.u.app = openRecorder{h.u.app, &opened}
	p.check(h, paperQRMatch)
	test.Tap(findButton(t, []fyne.CanvasObject{p.result}, "Buka laporan PDF"))
	h.wait()
	if len(opened) != 1 || opened[0] != "/tmp/Laporan_DINKES_2026_3.pdf" || h.u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a PDF: opened %q", opened)
	}
	h.u.asesor = quarantineWorkspace{h.ws}
	openBlobInViewer(h.u, "ev-1", "SK.pdf.exe")
	h.wait()
	if len(opened) != 2 || opened[1] != "/tmp/spbe-asesor-1" {
		t.Fatalf("SK.pdf.exe: opened %q, want its folder only", opened)
	}
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("nothing says why the file was not opened")
	}
	got := texts(top)
	for _, s := range []string{`"SK.pdf.exe"`, "tidak dibuka otomatis", "/tmp/spbe-asesor-1/SK.pdf.exe.bin"} {
		if !hasText(got, s) {
			t.Errorf("notice does not say %q: %q", s, got)
		}
	}
	capture(t, h.u.win, "blob_quarantined.png")
}
