package report

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

var consOPDs = []ConsolidatedOPD{
	{Kode: "BAPPEDA", Nama: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", Index: "2.7", Predicate: "Baik",
		Recomputed: true, Mismatch: true, ClaimedIndex: "3.01",
		Complete: true, Answered: 47, Total: 47, KeyStatus: "verified", Sequence: 4, CreatedAt: "2026-05-04T10:02:01+08:00"},
	{Kode: "DINKES", Nama: "Dinas Kesehatan", Index: "3.123456", Predicate: "Baik", Answered: 40, Total: 47,
		KeyStatus: "pending", Sequence: 1, CreatedAt: "2026-05-06T08:00:00+08:00"},
	{Kode: "DISKOMINFO", Nama: "Dinas Komunikasi, Informatika, Statistik dan Persandian", Index: "3.5", Predicate: "Sangat Baik",
		Recomputed: true,
		Complete:   true, Answered: 47, Total: 47, KeyStatus: "verified", Sequence: 2, CreatedAt: "2026-05-03T15:30:00+08:00"},
}

// consolidatedSPBE is an SPBE 2020 consolidation of three OPDs: every
// indicator but the last three has a value, indicator 1 settled by the
// assessor with a note, the others proposed from the OPD candidates.
func consolidatedSPBE(t testing.TB) Consolidated {
	t.Helper()
	c := catalog(t, "spbe-2020")
	values := map[int]assessment.Value{}
	var rows []assessment.ConsolidationRow
	for i, in := range c.Indicators {
		row := assessment.ConsolidationRow{Indicator: in.Number, Candidates: []assessment.ConsolidationCandidate{
			{OPDKode: "BAPPEDA", Level: 2, ReviewStatus: assessment.ReviewAccepted, Value: "2"},
			{OPDKode: "DINKES", Level: 3},
			{OPDKode: "DISKOMINFO", Level: 4, ReviewStatus: assessment.ReviewRevision},
		}}
		if i < len(c.Indicators)-3 {
			row.Value, row.Source, row.FromOPD, row.FromBundle = "2", assessment.SourceProposal, "BAPPEDA", "b-bappeda"
			values[in.Number] = assessment.LevelValue(2)
		}
		rows = append(rows, row)
	}
	rows[0].Value, rows[0].Source, rows[0].FromOPD = "3.5", assessment.SourceSettled, "DISKOMINFO"
	rows[0].Note, rows[0].SetBy = "Nilai ditetapkan setelah klarifikasi; SK ditandatangani ulang oleh Kepala Dinas", "Budi Santoso"
	rows[0].SetAt = time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	rows[5].Responsible = []string{"BAPPEDA", "DISKOMINFO"}
	values[rows[0].Indicator], _ = assessment.ParseValue("3.5")
	score, err := assessment.ScoreValues(c, values)
	if err != nil {
		t.Fatal(err)
	}
	out := NewConsolidated(c, assessment.ConsolidationView{Periode: 2026, CatalogID: c.ID, CatalogVersion: c.Version, Rows: rows, Score: score})
	out.Instansi = "Pemerintah Kabupaten Sigi"
	out.OPDs = consOPDs
	out.Signer = "Tim Asesor Internal Kabupaten Sigi"
	out.Fingerprint = fp
	out.GeneratedAt = genAt
	return out
}

func renderConsolidated(t testing.TB, c Consolidated) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderConsolidated(&buf, c); err != nil {
		t.Fatal(err)
	}
	if *keepOut != "" {
		writeOut(t, "konsolidasi.pdf", buf.Bytes())
	}
	return buf.Bytes()
}

// signConsolidated signs like the wiring does: the fixed key's
// certificate, signing time = GeneratedAt.
func signConsolidated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	key := fixedPDFKey(t)
	cert, err := SigningCert(key, "Tim Asesor Internal (SPBE Mandiri)", "Pemerintah Kabupaten Sigi", genAt.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	signed, err := Sign(pdf, key, cert, genAt, "Tim Asesor Internal Kabupaten Sigi")
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

func TestConsolidatedBuilder(t *testing.T) {
	c := consolidatedSPBE(t)
	if len(c.Indicators) != 47 || c.Total != 47 || c.Answered != 44 || c.Complete {
		t.Fatalf("indicators %d, answered %d/%d, complete %v", len(c.Indicators), c.Answered, c.Total, c.Complete)
	}
	in := c.Indicators[0]
	if in.Number != 1 || !strings.HasPrefix(in.Domain, "Domain 1 · ") || !strings.HasPrefix(in.Aspect, "Aspek 1 · ") || in.Value != "3.5" ||
		in.Source != assessment.SourceSettled || len(in.Candidates) != 3 {
		t.Errorf("indicator 1: %+v", in)
	}
	domains, aspects := 0, 0
	for _, g := range c.Groups {
		if g.Domain {
			domains++
		} else {
			aspects++
		}
	}
	cat := catalog(t, "spbe-2020")
	if domains != len(cat.Domains) || aspects != len(cat.Aspects) {
		t.Errorf("groups: %d domains, %d aspects", domains, aspects)
	}
	if c.Index == nil || c.Predicate == "" || c.CatalogName != cat.Title {
		t.Errorf("score/catalog: %v %q %q", c.Index, c.Predicate, c.CatalogName)
	}
}

func TestConsolidatedReproducible(t *testing.T) {
	a := renderConsolidated(t, consolidatedSPBE(t))
	b := renderConsolidated(t, consolidatedSPBE(t))
	if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
		t.Fatal("same consolidation gave different PDF bytes")
	}
	if n := pageCount(a); n < 4 || n > 30 {
		t.Errorf("page count %d", n)
	}
	sa, sb := signConsolidated(t, a), signConsolidated(t, b)
	if !bytes.Equal(sa, sb) || !bytes.HasPrefix(sa, a) {
		t.Fatal("signing the same consolidation twice gave different bytes")
	}
}

func TestConsolidatedErrors(t *testing.T) {
	c := consolidatedSPBE(t)
	c.GeneratedAt = time.Time{}
	if err := RenderConsolidated(&bytes.Buffer{}, c); err == nil || !strings.Contains(err.Error(), "GeneratedAt") {
		t.Errorf("no time: %v", err)
	}
	if err := RenderConsolidated(&bytes.Buffer{}, Consolidated{GeneratedAt: genAt}); err == nil {
		t.Error("empty consolidation rendered")
	}
}

// TestConsolidatedText: values with a decimal comma, the provisional
// index and predicate, the trail, OPD names and recap, the repeated table
// header and the footer with page n of N and the fingerprint.
func TestConsolidatedText(t *testing.T) {
	c := consolidatedSPBE(t)
	txt := pdfText(t, renderConsolidated(t, c))
	idx := assessment.FormatDecimal(c.Index) + " — " + c.Predicate
	for _, w := range []string{
		"PEMERINTAH KABUPATEN SIGI", "LAPORAN KONSOLIDASI", "Periode 2026", "Indeks instansi (SEMENTARA)", idx,
		"44 dari 47 indikator bernilai", "REKAPITULASI PERANGKAT DAERAH", "Badan Perencanaan",
		"Dinas Kesehatan", "3,12°", "OPD: 3,01", "3,50", "(sementara)", "menunggu", "terverifikasi", "4 Mei 2026",
		"NILAI INSTANSI PER INDIKATOR", "3,5", "Ditetapkan asesor", "dari DISKOMINFO", "Budi Santoso",
		"klarifikasi", "Usulan bawaan", "Belum bernilai", "Penanggung jawab:", "BAPPEDA, DISKOMINFO",
		"BAPPEDA: tingkat 2, diterima → 2", "DINKES: tingkat 3, belum ditinjau", "DISKOMINFO: tingkat 4, revisi",
		"(lanjutan)", "PENGESAHAN", fp, "Tim Asesor Internal Kabupaten Sigi",
	} {
		if !strings.Contains(txt, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	if strings.Contains(txt, "{nb}") {
		t.Error("page-count alias left unreplaced")
	}
	pages := strings.Split(txt, "\f")
	n := pageCount(renderConsolidated(t, c))
	if !strings.Contains(txt, fmt.Sprintf("1 dari %d", n)) || !strings.Contains(txt, fmt.Sprintf("%d dari %d", n, n)) {
		t.Errorf("footer lacks page n of %d", n)
	}
	// Every page of the indicator table (after the first) repeats its header.
	header := regexp.MustCompile(`No\.\s+Indikator\s+Nilai\s+Sumber dan jejak\s+Nilai OPD`)
	tablePages := 0
	for _, p := range pages {
		if strings.Contains(p, "Nilai instansi per indikator") && strings.Contains(p, "(lanjutan)") {
			tablePages++
			if !header.MatchString(p) {
				t.Errorf("continued page without the table header:\n%.600s", p)
			}
		}
	}
	if tablePages < 2 {
		t.Errorf("indicator table continued on %d pages, want several", tablePages)
	}
	// Every indicator number appears with its value.
	for _, in := range c.Indicators[:3] {
		if !strings.Contains(txt, in.Name[:min(20, len(in.Name))]) {
			t.Errorf("indicator %d name missing", in.Number)
		}
	}
}

func TestConsolidatedComplete(t *testing.T) {
	c := consolidatedSPBE(t)
	c.Complete, c.Answered = true, c.Total
	txt := pdfText(t, renderConsolidated(t, c))
	if strings.Contains(txt, "SEMENTARA") || !strings.Contains(txt, "Seluruh 47 indikator bernilai.") {
		t.Error("a complete consolidation is still shown as provisional")
	}
	c.OPDs = nil
	txt = pdfText(t, renderConsolidated(t, c))
	if !strings.Contains(txt, "Belum ada bundel Perangkat Daerah") {
		t.Error("empty recap not explained")
	}
}

func TestConsolidatedSignaturePdfsig(t *testing.T) {
	signed := signConsolidated(t, renderConsolidated(t, consolidatedSPBE(t)))
	if *keepOut != "" {
		writeOut(t, "konsolidasi-signed.pdf", signed)
	}
	out, _ := exec.Command(tool(t, "pdfsig"), writeTemp(t, "cons.pdf", signed)).CombinedOutput()
	s := string(out)
	if !strings.Contains(s, "Signature is Valid.") || !strings.Contains(s, "Total document signed") {
		t.Fatalf("pdfsig:\n%s", s)
	}
	// A changed byte in the signed range invalidates it.
	bad := bytes.Clone(signed)
	i := bytes.Index(bad, []byte("/Title"))
	bad[i+1] = 'X'
	out, _ = exec.Command(tool(t, "pdfsig"), writeTemp(t, "bad.pdf", bad)).CombinedOutput()
	if strings.Contains(string(out), "Signature is Valid.") {
		t.Fatalf("tampered PDF still valid:\n%s", out)
	}
}

func TestCreatedDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-05-04T10:02:01+08:00": "4 Mei 2026", "2026-12-31": "31 Des 2026", "": "—", "kemarin": "kemarin",
	} {
		if got := createdDate(in); got != want {
			t.Errorf("createdDate(%q) = %q, want %q", in, got, want)
		}
	}
}
