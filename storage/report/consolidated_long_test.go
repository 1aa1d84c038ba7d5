package report

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// manyCandidates are n OPDs OPD01…OPDnn: most accepted at 3, every
// seventh under revisi, every tenth not answered.
func manyCandidates(n int) []ConsolidatedCandidate {
	var out []ConsolidatedCandidate
	for i := 1; i <= n; i++ {
		k := ConsolidatedCandidate{OPDKode: fmt.Sprintf("OPD%02d", i), Level: 3, ReviewStatus: assessment.ReviewAccepted, Value: "3"}
		switch {
		case i%10 == 0:
			k = ConsolidatedCandidate{OPDKode: k.OPDKode}
		case i%7 == 0:
			k.ReviewStatus, k.Value = assessment.ReviewRevision, ""
		}
		out = append(out, k)
	}
	return out
}

// keep writes a rendered PDF to -out DIR for looking at.
func keep(t *testing.T, name string, pdf []byte) {
	if *keepOut != "" {
		writeOut(t, name, pdf)
	}
}

// flowText is the PDF's text in reading order (no -layout, so a wrapped
// cell reads as one run), with all white space as single spaces.
func flowText(t *testing.T, pdf []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", writeTemp(t, "flow.pdf", pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// wordBox is one word of `pdftotext -bbox`, in points from the page top.
type wordBox struct {
	page       int
	yMin, yMax float64
	text       string
}

var (
	bboxPage = regexp.MustCompile(`<page `)
	bboxWord = regexp.MustCompile(`<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>`)
)

// wordBoxes lists every word of the PDF with its page and height.
func wordBoxes(t *testing.T, pdf []byte) []wordBox {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-bbox", writeTemp(t, "bbox.pdf", pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []wordBox
	for i, page := range bboxPage.Split(string(out), -1)[1:] {
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, wordBox{page: i + 1, yMin: y0, yMax: y1, text: m[3]})
		}
	}
	return words
}

// assertAboveFooter fails for any word drawn in the band between the end
// of the body (breakMargin above the bottom) and the footer: text that
// ran over the footer or off the page.
func assertAboveFooter(t *testing.T, pdf []byte) {
	t.Helper()
	const mm = 72 / 25.4
	bodyEnd, footStart := (pageH-breakMargin)*mm, footerTop*mm
	for _, w := range wordBoxes(t, pdf) {
		if w.yMax > bodyEnd+0.5 && w.yMin < footStart || w.yMax > pageH*mm {
			t.Errorf("page %d: %q at %.0f–%.0f pt runs into the footer (body ends at %.0f pt)", w.page, w.text, w.yMin, w.yMax, bodyEnd)
		}
	}
}

// TestConsolidatedManyCandidates: with 70 OPDs answering an indicator
// every OPD code is in the PDF, grouped compactly by answer, and nothing
// runs over the footer (the reviewer's case: one line per OPD ran off the
// page).
func TestConsolidatedManyCandidates(t *testing.T) {
	c := consolidatedSPBE(t)
	c.Indicators[0].Candidates = manyCandidates(70)
	pdf := renderConsolidated(t, c)
	keep(t, "konsolidasi-70-opd.pdf", pdf)
	txt := pdfText(t, pdf)
	flat := flowText(t, pdf)
	for i := 1; i <= 70; i++ {
		if k := fmt.Sprintf("OPD%02d", i); !strings.Contains(txt, k) {
			t.Errorf("candidate %s missing from the PDF text", k)
		}
	}
	for _, w := range []string{"tingkat 3, diterima → 3 (54 OPD): OPD01; OPD02", "tingkat 3, revisi (9 OPD): OPD07; OPD14",
		"belum diisi (7 OPD): OPD10; OPD20"} {
		if !strings.Contains(flat, w) {
			t.Errorf("grouped candidates lack %q", w)
		}
	}
	assertAboveFooter(t, pdf)
	// A dozen candidates are still listed one per line.
	c.Indicators[0].Candidates = manyCandidates(12)
	if txt := pdfText(t, renderConsolidated(t, c)); !strings.Contains(txt, "OPD07: tingkat 3, revisi") {
		t.Error("12 candidates not listed one per line")
	}
}

// TestTableSplitsTallRow: a row taller than a page is drawn in page-sized
// parts, every line once and in order, the header repeated on each page,
// the row's first cell repeated, nothing over the footer.
func TestTableSplitsTallRow(t *testing.T) {
	d := newDoc(genAt, "uji", "uji")
	d.pdf.AddPage()
	tb := newTable(d, []column{{"No.", 12, "L"}, {"Isi baris", 158, "L"}}, 7.5, smallLineH)
	tb.header()
	tb.row([]string{"1", "baris pendek"}, rowStyle{})
	var lines []string
	for i := 1; i <= 150; i++ {
		lines = append(lines, fmt.Sprintf("BARIS-%03d", i))
	}
	tb.row([]string{"2", strings.Join(lines, "\n")}, rowStyle{shade: &colShade})
	tb.row([]string{"3", "sesudahnya"}, rowStyle{})
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	keep(t, "tabel-baris-panjang.pdf", pdf)
	if n := pageCount(pdf); n != 3 {
		t.Errorf("150 lines took %d pages, want 3", n)
	}
	txt := pdfText(t, pdf)
	last := -1
	for _, l := range lines {
		i := strings.Index(txt, l)
		if i < 0 || i < last || strings.Count(txt, l) != 1 {
			t.Fatalf("%s missing, repeated or out of order", l)
		}
		last = i
	}
	if !strings.Contains(txt[last:], "sesudahnya") {
		t.Error("the next row is not after the split row")
	}
	for i, p := range strings.Split(strings.TrimRight(txt, "\f"), "\f") {
		if !strings.Contains(p, "Isi baris") {
			t.Errorf("page %d lacks the table header", i+1)
		}
		if i > 0 && !regexp.MustCompile(`(?m)^\s*2\s+BARIS-`).MatchString(p) {
			t.Errorf("page %d does not repeat the row's number:\n%.300s", i+1, p)
		}
	}
	assertAboveFooter(t, pdf)
}

// TestConsolidatedTallTrail: a very long note in the trail splits the
// indicator row across pages under the "(lanjutan)" line of the running
// header, without losing a line.
func TestConsolidatedTallTrail(t *testing.T) {
	c := consolidatedSPBE(t)
	var note []string
	for i := 1; i <= 90; i++ {
		note = append(note, fmt.Sprintf("catatan-%02d", i))
	}
	c.Indicators[2].Note = strings.Join(note, "\n")
	pdf := renderConsolidated(t, c)
	keep(t, "konsolidasi-catatan-panjang.pdf", pdf)
	txt := pdfText(t, pdf)
	for _, n := range note {
		if strings.Count(txt, n) != 1 {
			t.Errorf("%s appears %d times", n, strings.Count(txt, n))
		}
	}
	assertAboveFooter(t, pdf)
}

// TestConsolidatedNotes: the cover names OPDs left out for a revoked key
// and the instansi variants; the recap shows konflik per OPD with a
// warning, and greys the excluded OPD.
func TestConsolidatedNotes(t *testing.T) {
	c := consolidatedSPBE(t)
	c.OPDs = append([]ConsolidatedOPD(nil), consOPDs...)
	c.OPDs[1].KeyStatus, c.OPDs[1].Excluded = "revoked", true
	c.OPDs[2].Conflicts = 2
	c.ExcludedRevoked = []string{"DINKES"}
	c.InstansiVariants = []InstansiVariant{{Name: "Pemerintah Kabupaten Sigi", OPDs: []string{"BAPPEDA", "DISKOMINFO"}},
		{Name: "Pemkab Sigi", OPDs: []string{"DINKES"}}}
	pdf := renderConsolidated(t, c)
	keep(t, "konsolidasi-catatan.pdf", pdf)
	flat := flowText(t, pdf)
	for _, w := range []string{
		"3 bundel diterima; 1 tidak dihitung karena kunci OPD dicabut (DINKES)",
		"Nama instansi di bundel OPD tidak seragam", `"Pemkab Sigi" (DINKES)`, `"Pemerintah Kabupaten Sigi" (BAPPEDA, DISKOMINFO)`,
		"Konflik", "tidak dihitung", "PERHATIAN: 1 Perangkat Daerah tidak dihitung dalam konsolidasi", "telah dicabut: DINKES",
		"PERHATIAN: konflik belum diselesaikan pada 1 Perangkat Daerah: DISKOMINFO (2)",
	} {
		if !strings.Contains(flat, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	assertAboveFooter(t, pdf)
	// All agree, nothing excluded, no konflik: no warnings.
	flat = flowText(t, renderConsolidated(t, consolidatedSPBE(t)))
	for _, w := range []string{"PERHATIAN", "tidak seragam", "tidak dihitung dalam", "kunci OPD dicabut"} {
		if strings.Contains(flat, w) {
			t.Errorf("clean consolidation shows %q", w)
		}
	}
}
