package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden hashes in testdata/")
	keepOut = flag.String("out", "", "also write the rendered PDFs to this directory")
)

var (
	genAt   = time.Date(2025, 11, 27, 14, 5, 0, 0, time.FixedZone("WITA", 8*3600))
	digest  = "3f2a9c1b77d0e4aa5be1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f6071"
	fp      = "92819 59826 44033 59955 06185 43959"
	profile = assessment.Profile{
		Instansi: "Pemerintah Kabupaten Sigi",
		OPDKode:  "DISKOMINFO",
		OPDNama:  "Dinas Komunikasi, Informatika, Statistik dan Persandian",
		Operator: "Ni Kadek Ayu Wulandari, S.Kom.",
	}
	testFooter = Footer{
		ContentDigest: digest, Fingerprint: fp,
		BundleID: "0193a4f2-7c1e-7d2a-9b3c-5e6f7a8b9c0d", Sequence: 3, GeneratedAt: genAt,
	}
)

// catalog returns an embedded catalog by id.
func catalog(t testing.TB, id string) *assessment.Catalog {
	t.Helper()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// longJustification is a realistic FAKTA → ANALISIS → JUSTIFIKASI text
// long enough to flow across a page.
func longJustification() string {
	var b strings.Builder
	b.WriteString("FAKTA: Peraturan Bupati Sigi Nomor 17 Tahun 2023 tentang Arsitektur SPBE Kabupaten Sigi telah ditetapkan " +
		"pada 12 Juni 2023 dan diundangkan dalam Berita Daerah Kabupaten Sigi Tahun 2023 Nomor 17 (berkas " +
		"Indikator1-Perbup-ArsitekturSPBE.pdf, halaman 1–46).\n\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "ANALISIS %d: Pasal %d mengatur domain arsitektur yang ke-%d beserta referensinya; muatan ini memenuhi "+
			"kriteria tingkat 3 karena seluruh domain (Proses Bisnis, Data dan Informasi, Infrastruktur SPBE, Aplikasi SPBE, "+
			"Keamanan SPBE, dan Layanan SPBE) telah diatur secara lengkap, sebagaimana dibuktikan dalam notulen rapat "+
			"reviu tanggal %d Agustus 2024 — lihat lampiran “Notulen-Reviu-%d.pdf”.\n", i, i+3, i, i+1, i)
	}
	b.WriteString("\nJUSTIFIKASI LEVEL: Karena kebijakan telah memuat secara lengkap referensi arsitektur dan domain " +
		"arsitektur SPBE, tetapi belum direviu dan dievaluasi secara periodik, Perangkat Daerah memilih tingkat 3 (Terdefinisi).")
	return b.String()
}

func blob(seed string, size int64) assessment.Blob {
	sum := sha256.Sum256([]byte(seed))
	return assessment.Blob{SHA256: hex.EncodeToString(sum[:]), Size: size, MediaType: "application/pdf"}
}

// spbeSnapshot is a partly answered SPBE 2020 self-assessment.
func spbeSnapshot(t testing.TB) assessment.Snapshot {
	c := catalog(t, "spbe-2020")
	at := time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC)
	answers := []assessment.Answer{
		{Indicator: 1, Level: 3, Justification: longJustification(), UpdatedAt: at, Operator: profile.Operator},
		{Indicator: 2, Level: 2, Justification: "Kebijakan Tim Koordinasi SPBE ditetapkan dengan Keputusan Bupati Nomor 100.3.3.2/45/2024.", UpdatedAt: at},
		{Indicator: 3, Level: 4, Justification: "Peta rencana SPBE 2024–2028 telah direviu pada triwulan IV."},
		{Indicator: 5, Level: 1},
		{Indicator: 6, Level: 0, Justification: "Draf penjelasan, tingkat belum dipilih."},
		{Indicator: 11, Level: 5, Justification: "Tim Koordinasi SPBE aktif; rapat rutin bulanan."},
		{Indicator: 32, Level: 3, Justification: "Layanan perencanaan melalui aplikasi e-Planning terintegrasi."},
		{Indicator: 47, Level: 2, Justification: "Layanan publik berbasis elektronik: interaksi dua arah melalui portal."},
	}
	evidence := []assessment.Evidence{
		{ID: 1, Indicator: 1, Blob: blob("perbup", 2_457_600), OriginalName: "Indikator1-Perbup-ArsitekturSPBE.pdf", Level: 3, Note: "Salinan resmi dari JDIH"},
		{ID: 2, Indicator: 1, Blob: blob("notulen", 356_812), OriginalName: "Notulen Rapat Reviu Arsitektur SPBE — Agustus 2024 (final, ditandatangani) revisi ke-2.pdf", Level: 4},
		{ID: 3, Indicator: 1, Blob: blob("foto", 912), OriginalName: "foto-kegiatan.jpg", Level: 0},
		{ID: 4, Indicator: 6, Blob: blob("sk", 120_000), OriginalName: "SK-Tim-SPBE.pdf", Level: 2},
	}
	return assessment.Snapshot{
		Profile: profile,
		Assessment: assessment.Assessment{ID: "a1", CatalogID: c.ID, CatalogVersion: c.Version,
			CatalogSHA256: c.SHA256(), Periode: 2025, Status: assessment.AssessmentDraft},
		Catalog: c, Answers: answers, Evidence: evidence,
	}
}

// pemdiSnapshot is a partly answered Pemdi 2026 self-assessment on the
// provisional catalog, one of whose texts is removed to show "missing".
func pemdiSnapshot(t testing.TB) assessment.Snapshot {
	c := catalog(t, "pemdi-2026")
	in := c.Indicators[1]
	lt := in.Levels["2"]
	lt.Criterion = assessment.Text{Source: assessment.FromMissing}
	in.Levels["2"] = lt
	return assessment.Snapshot{
		Profile:    profile,
		Assessment: assessment.Assessment{ID: "a2", CatalogID: c.ID, CatalogVersion: c.Version, Periode: 2026},
		Catalog:    c,
		Answers: []assessment.Answer{
			{Indicator: 1, Level: 2, Justification: "Rencana aksi Pemdi sudah disusun di tingkat perangkat daerah."},
			{Indicator: in.Number, Level: 2, Justification: "Kriteria resmi belum tersedia."},
			{Indicator: 20, Level: 3},
		},
	}
}

func render(t testing.TB, snap assessment.Snapshot, foot Footer) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, snap, foot); err != nil {
		t.Fatal(err)
	}
	if *keepOut != "" {
		writeOut(t, fmt.Sprintf("%s-%d.pdf", snap.Catalog.ID, len(foot.ContentDigest)), buf.Bytes())
	}
	return buf.Bytes()
}

// writeOut keeps a rendered file for looking at (-out dir).
func writeOut(t testing.TB, name string, b []byte) {
	if err := os.WriteFile(filepath.Join(*keepOut, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRenderReproducible(t *testing.T) {
	for _, tc := range []struct {
		name string
		snap func(testing.TB) assessment.Snapshot
		foot Footer
	}{
		{"spbe-2020", spbeSnapshot, testFooter},
		{"pemdi-2026", pemdiSnapshot, testFooter},
		{"not-exported", spbeSnapshot, Footer{GeneratedAt: genAt}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := render(t, tc.snap(t), tc.foot)
			b := render(t, tc.snap(t), tc.foot)
			if !bytes.HasPrefix(a, []byte("%PDF-")) {
				t.Fatalf("output starts with %q", a[:8])
			}
			if !bytes.Equal(a, b) {
				t.Fatal("same inputs gave different PDF bytes")
			}
			if n := pageCount(a); n < 4 || n > 80 {
				t.Errorf("page count %d", n)
			}
		})
	}
}

// TestRenderGolden pins the hash of the unsigned PDF. The golden file
// holds the embedded catalog's hash too: when the catalog changes the test
// skips (and says so) instead of failing someone else's change. Refresh
// with go test ./storage/report -run Golden -update after an intended change.
func TestRenderGolden(t *testing.T) {
	snap := spbeSnapshot(t)
	sum := sha256.Sum256(render(t, snap, testFooter))
	got := fmt.Sprintf("catalog %s\npdf %s\n", snap.Catalog.SHA256(), hex.EncodeToString(sum[:]))
	path := filepath.Join("testdata", "spbe-2020.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !strings.HasPrefix(string(want), "catalog "+snap.Catalog.SHA256()+"\n") {
		t.Skip("embedded spbe-2020 catalog changed since the golden hash was taken; rerun with -update")
	}
	if got != string(want) {
		t.Errorf("PDF hash changed:\n%s\ngolden:\n%s(an intended layout change? rerun with -update)", got, want)
	}
}

func TestRenderErrors(t *testing.T) {
	snap := spbeSnapshot(t)
	for name, tc := range map[string]struct {
		snap assessment.Snapshot
		foot Footer
	}{
		"no catalog": {assessment.Snapshot{Profile: profile}, testFooter},
		"no time":    {snap, Footer{ContentDigest: digest}},
		"bad digest": {snap, Footer{ContentDigest: "abc", GeneratedAt: genAt}},
		"colon in kode": {func() assessment.Snapshot {
			s := snap
			s.Profile.OPDKode = "A:B"
			return s
		}(), testFooter},
	} {
		t.Run(name, func(t *testing.T) {
			if err := Render(&bytes.Buffer{}, tc.snap, tc.foot); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestQRText(t *testing.T) {
	got, err := QRText("diskominfo", 2025, 3, "sha256:"+strings.ToUpper(digest), fp)
	if err != nil {
		t.Fatal(err)
	}
	want := "SPBE1:DISKOMINFO:2025:3:H4VJYG3X2DSKUW7BYLJ6J5IGC4UDSSS3NR6Y5HYKDMWD2TS7MBYQ:928195982644033599550618543959"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !regexp.MustCompile(`^[0-9A-Z $%*+\-./:]+$`).MatchString(got) {
		t.Error("not in the QR alphanumeric set")
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"a\tb\r\nc":        "a b\nc",
		"emoji 😀 ok":       "emoji \ufffd ok",
		"bell\x07 x\u200b": "bell x",
		"Rp 1.000 – “ok”":  "Rp 1.000 – “ok”",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderOddText(t *testing.T) {
	snap := spbeSnapshot(t)
	snap.Answers = append([]assessment.Answer(nil), snap.Answers...)
	snap.Answers[1].Justification = "emoji 😀, tab\tdan kontrol\x01; " + strings.Repeat("tanpaspasi", 80)
	snap.Profile.OPDNama = strings.Repeat("Nama Perangkat Daerah Yang Sangat Panjang ", 6)
	for i := range 70 { // an evidence table across pages
		snap.Evidence = append(snap.Evidence, assessment.Evidence{ID: int64(100 + i), Indicator: 2,
			Blob: blob(fmt.Sprint(i), int64(i*9999)), OriginalName: fmt.Sprintf("Bukti-%02d.pdf", i), Level: i % 6})
	}
	var buf bytes.Buffer
	if err := Render(&buf, snap, testFooter); err != nil {
		t.Fatal(err)
	}
	if *keepOut != "" {
		writeOut(t, "odd.pdf", buf.Bytes())
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 912: "912 B", 356_812: "348,4 KB", 2_457_600: "2,3 MB"} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}

var pagesRE = regexp.MustCompile(`/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+)`)

// pageCount reads /Count of the page tree (gofpdf writes it uncompressed).
func pageCount(pdf []byte) int {
	m := pagesRE.FindSubmatch(pdf)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// tool returns the path of a command-line tool or skips the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRuleNote: a provisional Pemdi index says that indicators without a
// value count as 1 and gives the mean of the answered ones; SPBE's mean
// headline and a complete assessment need no such line.
func TestRuleNote(t *testing.T) {
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id     string
		values map[int]assessment.Value
		want   string
	}{
		{"pemdi-2026", map[int]assessment.Value{1: assessment.LevelValue(3)}, "Indikator tanpa nilai dihitung 1, seperti yang diterbitkan KemenPANRB; rata-rata indikator yang diisi: 3,00."},
		{"spbe-2020", map[int]assessment.Value{1: assessment.LevelValue(3)}, ""},
		{"pemdi-2026", nil, ""},
	} {
		c, _ := lib.Latest(tc.id)
		s, err := assessment.ScoreValues(c, tc.values)
		if err != nil {
			t.Fatal(err)
		}
		if got := (&renderer{score: s}).ruleNote(); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.id, tc.values, got, tc.want)
		}
	}
}
