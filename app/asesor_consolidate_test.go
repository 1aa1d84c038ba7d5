package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// consolidationOPDs are the OPDs of periode 2026 in the consolidation tests.
var consolidationOPDs = []assessment.RecapRow{
	{OPDKode: "BAPPEDA", OPDNama: "Badan Perencanaan Pembangunan Daerah", Periode: 2026, BundleID: "b-bappeda-2026", Total: 47},
	{OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2026, BundleID: "b-dinkes-2026", Total: 47},
	{OPDKode: "DISKOMINFO", OPDNama: "Dinas Komunikasi dan Informatika", Periode: 2026, BundleID: "b-diskominfo-2026", Total: 47},
	{OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2025, BundleID: "b-dinkes-2025", Total: 47},
}

// consolidationCandidates gives every indicator of the catalog the three
// OPDs' answers and reviews, varied the way a real periode is: accepted
// with the OPD's level or with the assessor's own lower value, under
// revisi, not reviewed, not answered; indicators 45–47 have no accepted
// answer at all, so the index is provisional. Indicator 1: BAPPEDA level
// 2 not reviewed, DINKES level 3 accepted, DISKOMINFO level 4 accepted
// at 2,5.
func consolidationCandidates(cat *assessment.Catalog) map[int][]assessment.ConsolidationCandidate {
	out := map[int][]assessment.ConsolidationCandidate{}
	for _, in := range cat.Indicators {
		n := in.Number
		for i, o := range consolidationOPDs[:3] {
			k := assessment.ConsolidationCandidate{OPDKode: o.OPDKode, BundleID: o.BundleID, Level: (n+i)%5 + 1}
			accepted := [3]bool{n%3 == 0, n%2 == 1, n%5 == 1 || n%5 == 3}[i]
			switch {
			case n >= 45 || (i == 1 && n%4 == 0):
				k.ReviewStatus = assessment.ReviewRevision
			case i == 2 && n%7 == 0:
				k.Level = 0
			case accepted:
				k.ReviewStatus, k.Value = assessment.ReviewAccepted, fmt.Sprint(k.Level)
				if i == 2 && n%5 == 1 {
					k.Value = "2.5"
				}
			}
			out[n] = append(out[n], k)
		}
	}
	return out
}

// consolidateHarness opens the consolidation screen on the 47 indicators
// of SPBE 2020, periode 2026 with three OPDs.
func consolidateHarness(t *testing.T) (*asesorHarness, *asesorConsolidate) {
	t.Helper()
	h := newAsesorHarness(t, true)
	cat, err := h.lib.Latest("spbe-2020")
	if err != nil {
		t.Fatal(err)
	}
	h.ws.recap = consolidationOPDs
	h.ws.cat, h.ws.periode, h.ws.cands = cat, 2026, consolidationCandidates(cat)
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("asesor.navConsolidate")))
	h.wait()
	c := current[*asesorConsolidate](t, h.u)
	if c.periode != 2026 || len(c.cv.Rows) != 47 {
		t.Fatalf("periode %d with %d rows loaded", c.periode, len(c.cv.Rows))
	}
	return h, c
}

// cell is what the table shows in row (0-based) and column.
func (c *asesorConsolidate) cell(row, col int) string {
	l := widget.NewLabel("")
	c.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text
}

const (
	ccNo, ccName, ccValue, ccSource, ccFrom, ccCandidates = 0, 1, 2, 3, 4, 5
)

// pickIndicator selects indicator n in the table, as a click would.
func (c *asesorConsolidate) pickIndicator(t *testing.T, n int) {
	t.Helper()
	for i, r := range c.cv.Rows {
		if r.Indicator == n {
			c.table.Select(widget.TableCellID{Row: i, Col: ccName})
			if c.sel != n || !c.detail.box.Visible() {
				t.Fatalf("indicator %d not shown (selected %d)", n, c.sel)
			}
			return
		}
	}
	t.Fatalf("indicator %d not in the table", n)
}

func TestAsesorConsolidateShowsInstansiScore(t *testing.T) {
	h, c := consolidateHarness(t)
	if got := strings.Join(c.pick.Options, ","); got != "2026,2025" || c.pick.Selected != "2026" {
		t.Errorf("periodes %q, selected %q", got, c.pick.Selected)
	}
	want, _, err := h.ws.Consolidation(t.Context(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	if want.Score.Complete || want.Score.Answered < 30 || want.Score.Answered > 44 || want.Score.Index == nil {
		t.Fatalf("test data: score %+v", want.Score)
	}
	if c.index.Text != assessment.FormatDecimal(want.Score.Index) || c.index.TextSize < 36 {
		t.Errorf("index %q (size %v), want %q", c.index.Text, c.index.TextSize, assessment.FormatDecimal(want.Score.Index))
	}
	if c.predicate.Text != want.Score.Predicate || c.predicate.Text == "" {
		t.Errorf("predicate %q, want %q", c.predicate.Text, want.Score.Predicate)
	}
	if c.complete.Text != fmt.Sprintf("SEMENTARA: %d dari 47 indikator bernilai", want.Score.Answered) || c.complete.Importance != widget.WarningImportance {
		t.Errorf("completeness %q", c.complete.Text)
	}
	if c.catalog.Text != "Katalog spbe-2020 versi "+want.CatalogVersion {
		t.Errorf("catalog %q", c.catalog.Text)
	}
	// indicator 1: the highest accepted value is the proposal, with its OPD
	r1 := want.Rows[0]
	if c.cell(0, ccNo) != "1" || !strings.HasPrefix(c.cell(0, ccName), "Arsitektur SPBE") ||
		c.cell(0, ccValue) != commaDecimal(r1.Value) || c.cell(0, ccSource) != "Usulan" || c.cell(0, ccFrom) != r1.FromOPD {
		t.Errorf("row 1 shows %q %q %q %q %q", c.cell(0, ccNo), c.cell(0, ccName), c.cell(0, ccValue), c.cell(0, ccSource), c.cell(0, ccFrom))
	}
	if got := c.cell(0, ccCandidates); got != "BAPPEDA 2→–, DINKES 3→3, DISKOMINFO 4→2,5" {
		t.Errorf("candidates of row 1: %q", got)
	}
	// indicator 45: nobody accepted, no value
	if c.cell(44, ccValue) != "–" || c.cell(44, ccSource) != "–" {
		t.Errorf("row 45 shows %q %q", c.cell(44, ccValue), c.cell(44, ccSource))
	}
	c.pickIndicator(t, 1)
	shown := texts(c.detail.box)
	for _, s := range []string{"Indikator 1 — Tingkat Kematangan Kebijakan Internal Arsitektur SPBE",
		"Nilai instansi: 3 (Usulan, dari DINKES)", "DINKES: tingkat 3 · diterima · 3",
		"BAPPEDA: tingkat 2 · belum ditinjau · –", "DISKOMINFO: tingkat 4 · diterima · 2,5", "bukti_dinkes.pdf",
		"Saat ini: semua OPD (bawaan)."} {
		if !hasText(shown, s) {
			t.Errorf("detail does not show %q: %q", s, shown)
		}
	}
	if c.detail.value.Text != "3" || c.detail.from.Selected != "DINKES (3)" || !c.detail.clearBtn.Disabled() {
		t.Errorf("form prefilled with %q from %q", c.detail.value.Text, c.detail.from.Selected)
	}
	// the other periode: its own consolidation (none in the fake: an error, shown)
	c.pick.SetSelected("2025")
	h.wait()
	if !strings.Contains(c.state.Text, "periode 2025") || c.detail.box.Visible() || len(c.cv.Rows) != 0 ||
		c.index.Text != "–" || !c.exportBtn[0].Disabled() {
		t.Errorf("periode 2025: state %q", c.state.Text)
	}
}

func TestAsesorConsolidateSettleAndClear(t *testing.T) {
	h, c := consolidateHarness(t)
	c.pickIndicator(t, 5)
	d := c.detail
	loads := h.ws.loads
	d.value.SetText("")
	test.Type(d.value, "2,5")
	d.from.SetSelected("DINKES (2)")
	test.Type(d.note, "Sesuai verifikasi lapangan")
	test.Tap(d.settleBtn)
	h.wait()
	want := assessment.SettleRequest{Periode: 2026, Indicator: 5, Value: "2.5", FromBundle: "b-dinkes-2026", Note: "Sesuai verifikasi lapangan"}
	if len(h.ws.settles) != 1 || h.ws.settles[0] != want {
		t.Fatalf("settled %+v, want %+v", h.ws.settles, want)
	}
	if h.ws.loads != loads+1 {
		t.Errorf("consolidation loaded %d times after settling, want once", h.ws.loads-loads)
	}
	if c.sel != 5 || !d.box.Visible() || d.msg.Text != "Nilai ditetapkan." {
		t.Errorf("after settling: selected %d, msg %q", c.sel, d.msg.Text)
	}
	now, _, _ := h.ws.Consolidation(t.Context(), 2026)
	if c.index.Text != assessment.FormatDecimal(now.Score.Index) || c.cv.Score.Index.Cmp(now.Score.Index) != 0 {
		t.Errorf("index %q after settling, want %q", c.index.Text, assessment.FormatDecimal(now.Score.Index))
	}
	if c.cell(4, ccValue) != "2,5" || c.cell(4, ccSource) != "Ditetapkan" || c.cell(4, ccFrom) != "DINKES" {
		t.Errorf("row 5 shows %q %q %q", c.cell(4, ccValue), c.cell(4, ccSource), c.cell(4, ccFrom))
	}
	shown := texts(d.box)
	if !hasText(shown, "Nilai instansi: 2,5 (Ditetapkan, dari DINKES)") || !hasText(shown, "Catatan: Sesuai verifikasi lapangan") ||
		!hasText(shown, "Ditetapkan oleh Andi Asesor") {
		t.Errorf("detail after settling: %q", shown)
	}
	if d.clearBtn.Disabled() || d.value.Text != "2,5" || d.from.Selected != "DINKES (2)" {
		t.Errorf("form after settling: clear disabled %v, value %q, from %q", d.clearBtn.Disabled(), d.value.Text, d.from.Selected)
	}
	// back to the proposal
	test.Tap(d.clearBtn)
	h.wait()
	if len(h.ws.settles) != 2 || h.ws.settles[1].Value != "" || h.ws.settles[1].Indicator != 5 || h.ws.settles[1].FromBundle != "" {
		t.Fatalf("cleared with %+v", h.ws.settles)
	}
	if c.cell(4, ccSource) != "Usulan" || d.msg.Text != "Penetapan dihapus: usulan berlaku lagi." || !d.clearBtn.Disabled() {
		t.Errorf("after clearing: %q, msg %q", c.cell(4, ccSource), d.msg.Text)
	}
}

func TestAsesorConsolidateRefusesBadValue(t *testing.T) {
	h, c := consolidateHarness(t)
	c.pickIndicator(t, 45)
	d := c.detail
	if d.value.Text != "" || !hasText(texts(d.box), "Belum ada nilai instansi.") {
		t.Errorf("indicator 45: value %q, %q", d.value.Text, texts(d.box))
	}
	test.Tap(d.settleBtn)
	if !strings.Contains(d.msg.Text, "Isi nilai 1 sampai 5") {
		t.Errorf("empty value: %q", d.msg.Text)
	}
	test.Type(d.value, "5,5")
	test.Tap(d.settleBtn)
	h.wait()
	if len(h.ws.settles) != 0 || !strings.Contains(d.msg.Text, `"5,5" tidak sah`) {
		t.Errorf("5,5: settled %+v, msg %q", h.ws.settles, d.msg.Text)
	}
	d.value.SetText("4")
	test.Tap(d.settleBtn)
	h.wait()
	if len(h.ws.settles) != 1 || h.ws.settles[0].Value != "4" || h.ws.settles[0].FromBundle != "" {
		t.Errorf("4 without an OPD: %+v", h.ws.settles)
	}
	if c.cell(44, ccValue) != "4" || c.cell(44, ccFrom) != "–" {
		t.Errorf("row 45 after settling: %q %q", c.cell(44, ccValue), c.cell(44, ccFrom))
	}
}

func TestAsesorConsolidateResponsibility(t *testing.T) {
	h, c := consolidateHarness(t)
	c.pickIndicator(t, 1)
	d := c.detail
	if len(d.resp.Options) != 3 || len(d.resp.Selected) != 3 {
		t.Fatalf("responsibility %v, ticked %v", d.resp.Options, d.resp.Selected)
	}
	// DINKES (the proposal) no longer answers indicator 1
	d.resp.SetSelected([]string{"BAPPEDA — Badan Perencanaan Pembangunan Daerah", "DISKOMINFO — Dinas Komunikasi dan Informatika"})
	test.Tap(d.respBtn)
	h.wait()
	if len(h.ws.resps) != 1 || h.ws.resps[0] != "2026|1|BAPPEDA,DISKOMINFO" {
		t.Fatalf("SetResponsible calls %v", h.ws.resps)
	}
	if c.sel != 1 || d.respMsg.Text != "Penanggung jawab tersimpan." || d.respNow.Text != "Saat ini hanya: BAPPEDA, DISKOMINFO." {
		t.Errorf("after saving: selected %d, %q, %q", c.sel, d.respMsg.Text, d.respNow.Text)
	}
	if got := c.cell(0, ccCandidates); got != "BAPPEDA 2→–, DISKOMINFO 4→2,5" || c.cell(0, ccValue) != "2,5" || c.cell(0, ccFrom) != "DISKOMINFO" {
		t.Errorf("row 1 after: %q, value %q from %q", got, c.cell(0, ccValue), c.cell(0, ccFrom))
	}
	if len(d.resp.Selected) != 2 {
		t.Errorf("ticked after reload: %v", d.resp.Selected)
	}
	// nothing ticked is refused; all ticked restores the default
	d.resp.SetSelected(nil)
	test.Tap(d.respBtn)
	h.wait()
	if len(h.ws.resps) != 1 || d.respMsg.Text != "Centang minimal satu OPD." {
		t.Errorf("nothing ticked: %v, %q", h.ws.resps, d.respMsg.Text)
	}
	d.resp.SetSelected(d.resp.Options)
	test.Tap(d.respBtn)
	h.wait()
	if len(h.ws.resps) != 2 || h.ws.resps[1] != "2026|1|" || d.respNow.Text != "Saat ini: semua OPD (bawaan)." {
		t.Errorf("all ticked: %v, %q", h.ws.resps, d.respNow.Text)
	}
}

// consolidateDialogTexts is the text of the topmost dialog.
func consolidateDialogTexts(h *asesorHarness) []string {
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return texts(top)
}

func TestAsesorConsolidateExportCSVIntoPickedFolder(t *testing.T) {
	h, c := consolidateHarness(t)
	h.paths.folder = "/media/usb/rekap"
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Ekspor CSV"))
	h.wait()
	if len(h.ws.exports) != 1 || h.ws.exports[0] != (fakeExport{2026, assessment.ExportCSV, "/media/usb/rekap", ""}) {
		t.Fatalf("exports %+v", h.ws.exports)
	}
	if c.exported != "/media/usb/rekap/KONSOLIDASI_2026.csv" || !hasText(consolidateDialogTexts(h), "/media/usb/rekap/KONSOLIDASI_2026.csv") {
		t.Errorf("file written not named: %q, dialog %q", c.exported, consolidateDialogTexts(h))
	}
	test.Tap(c.exportBtn[2])
	h.wait()
	if len(h.ws.exports) != 2 || h.ws.exports[1].format != assessment.ExportJSON {
		t.Errorf("JSON export %+v", h.ws.exports)
	}
	// a cancelled folder choice exports nothing; a failure is shown
	h.paths.folder = ""
	test.Tap(c.exportBtn[1])
	h.wait()
	h.paths.folder = "/media/usb/rekap"
	h.ws.exportErr = errors.New("folder tujuan tidak dapat ditulisi")
	test.Tap(c.exportBtn[1])
	h.wait()
	if len(h.ws.exports) != 3 || !hasText(consolidateDialogTexts(h), "older tujuan tidak dapat ditulisi") {
		t.Errorf("exports %+v, dialog %q", h.ws.exports, consolidateDialogTexts(h))
	}
}

func TestAsesorConsolidateExportPDFAsksPassphrase(t *testing.T) {
	h, c := consolidateHarness(t)
	h.ws.fbKey = &assessment.AsesorKeyInfo{KeyID: "ab12cd34", Fingerprint: fakeAsesorFP}
	h.paths.folder = "/home/asesor/Dokumen"
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Ekspor PDF bertanda tangan"))
	h.wait()
	if c.passDlg == nil || len(h.ws.exports) != 0 {
		t.Fatalf("no passphrase asked before exporting: %+v", h.ws.exports)
	}
	got := consolidateDialogTexts(h)
	if !hasText(got, "Masukkan frasa sandi kunci asesor.") || !hasText(got, "48392 01756 38201") || hasText(got, "dibuat") {
		t.Errorf("passphrase dialog says %q", got)
	}
	capture(t, h.u.win, "consolidate_passphrase.png")
	c.passDlg.Submit() // empty: not accepted
	h.wait()
	if len(h.ws.exports) != 0 {
		t.Fatalf("exported without a passphrase: %+v", h.ws.exports)
	}
	test.Type(c.pass, "rahasia tim asesor")
	c.passDlg.Submit()
	h.wait()
	want := fakeExport{2026, assessment.ExportPDF, "/home/asesor/Dokumen", "rahasia tim asesor"}
	if len(h.ws.exports) != 1 || h.ws.exports[0] != want {
		t.Fatalf("exports %+v, want %+v", h.ws.exports, want)
	}
	if c.exported != "/home/asesor/Dokumen/KONSOLIDASI_2026.pdf" {
		t.Errorf("exported %q", c.exported)
	}
}

// Without an assessor key the PDF export asks nothing: it says where the
// key is made (the first feedback export), and no folder is asked for.
func TestAsesorConsolidateExportPDFWithoutKey(t *testing.T) {
	h, c := consolidateHarness(t)
	h.paths.folder = "" // a folder dialog would cancel: the test sees whether one was asked
	asked := 0
	h.u.paths = pickCounter{&asked, h.paths}
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Ekspor PDF bertanda tangan"))
	h.wait()
	if c.passDlg != nil || c.noKeyDlg == nil || asked != 0 || len(h.ws.exports) != 0 {
		t.Fatalf("without a key: passphrase dialog %v, notice %v, folders asked %d, exports %+v", c.passDlg != nil, c.noKeyDlg != nil, asked, h.ws.exports)
	}
	got := consolidateDialogTexts(h)
	for _, s := range []string{"Belum ada kunci asesor", "umpan balik pertama diekspor", "Tinjau", "Ekspor umpan balik"} {
		if !hasText(got, s) {
			t.Errorf("notice does not say %q: %q", s, got)
		}
	}
	capture(t, h.u.win, "consolidate_nokey.png")
}

// pickCounter counts the folder dialogs asked for.
type pickCounter struct {
	n *int
	PathSource
}

func (p pickCounter) PickFolder(w fyne.Window, done func(string, bool)) {
	*p.n++
	p.PathSource.PickFolder(w, done)
}

// Batal on the busy dialog: an export that stops (the wiring checks
// before writing) is not reported; one that had already written its file
// says so, so no file sits on the stick unknown to the assessor.
func TestAsesorConsolidateExportCancel(t *testing.T) {
	h, c := consolidateHarness(t)
	h.paths.folder = "/media/usb/rekap"
	h.ws.exportHold = make(chan struct{}) // never closed: only Batal ends it
	test.Tap(c.exportBtn[1])
	busy := h.u.win.Canvas().Overlays().Top()
	if busy == nil || !hasText(texts(busy), "/media/usb/rekap") {
		t.Fatal("no busy dialog while exporting")
	}
	test.Tap(findButton(t, []fyne.CanvasObject{busy}, "Batal"))
	h.wait()
	if top := h.u.win.Canvas().Overlays().Top(); top != nil || c.exported != "" {
		t.Errorf("a stopped export is reported: dialog %v, exported %q", top != nil, c.exported)
	}

	hold := make(chan struct{})
	h.ws.exportHold, h.ws.exportIgnoresCancel = hold, true // writes its file although Batal was pressed
	test.Tap(c.exportBtn[1])
	busy = h.u.win.Canvas().Overlays().Top()
	test.Tap(findButton(t, []fyne.CanvasObject{busy}, "Batal"))
	close(hold)
	h.wait()
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil || !hasText(texts(top), "/media/usb/rekap/KONSOLIDASI_2026.csv") {
		t.Errorf("a file written despite Batal is not named")
	}
}

// Only plain decimals are settled, written the one way they are stored.
func TestAsesorConsolidateSettleCanonicalValue(t *testing.T) {
	h, c := consolidateHarness(t)
	c.pickIndicator(t, 45)
	d := c.detail
	for _, v := range []string{"5/2", "+3", "25e-1", "2,5,0", "2.", ",5", "٣", "0x3"} {
		d.value.SetText(v)
		test.Tap(d.settleBtn)
		h.wait()
		if len(h.ws.settles) != 0 || !strings.Contains(d.msg.Text, "tidak sah") {
			t.Fatalf("%q: settled %+v, msg %q", v, h.ws.settles, d.msg.Text)
		}
	}
	d.value.SetText(" 02,50 ")
	test.Tap(d.settleBtn)
	h.wait()
	if len(h.ws.settles) != 1 || h.ws.settles[0].Value != "2.5" || c.cell(44, ccValue) != "2,5" {
		t.Fatalf("02,50 settled as %+v, shown %q", h.ws.settles, c.cell(44, ccValue))
	}
}

func TestCanonicalValue(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"3", "3", true}, {"2,5", "2.5", true}, {"2.5", "2.5", true}, {"02,50", "2.5", true}, {"3,0", "3", true},
		{"4.125", "4.125", true}, {"1", "1", true}, {"5,00", "5", true}, {" 4 ", "4", true},
		{"5/2", "", false}, {"+3", "", false}, {"25e-1", "", false}, {"-1", "", false}, {"0", "", false},
		{"5,01", "", false}, {"6", "", false}, {"", "", false}, {"2,5.0", "", false}, {"tiga", "", false},
	} {
		got, ok := canonicalValue(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("canonicalValue(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// The review's value entry takes the same plain decimals as the settle
// form and sends them canonical.
func TestAsesorReviewValueCanonical(t *testing.T) {
	h, r := reviewHarness(t)
	r.status.SetSelected("diterima")
	r.value.SetText("5/2")
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 0 || !strings.Contains(r.msg.Text, `"5/2" tidak sah`) {
		t.Fatalf("5/2: saved %+v, msg %q", h.ws.saved, r.msg.Text)
	}
	r.value.SetText("3,50")
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 1 || h.ws.saved[0].Value != "3.5" {
		t.Fatalf("3,50 saved as %+v", h.ws.saved)
	}
}

// An OPD whose key was revoked is left out of the consolidation; the
// screen says so, so the assessor does not wonder where its values went.
func TestAsesorConsolidateNamesExcludedRevoked(t *testing.T) {
	h, c := consolidateHarness(t)
	if c.excluded.Visible() {
		t.Errorf("exclusion notice shown with nothing excluded: %q", c.excluded.Text)
	}
	h.ws.excluded = []string{"DUKCAPIL"}
	c.pick.SetSelected("2025")
	h.wait()
	c.pick.SetSelected("2026")
	h.wait()
	if !c.excluded.Visible() || !strings.Contains(c.excluded.Text, "DUKCAPIL") || !strings.Contains(c.excluded.Text, "dicabut") {
		t.Errorf("exclusion notice %q (visible %v)", c.excluded.Text, c.excluded.Visible())
	}
}
