package assets_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/assets/gen/catalogconv"
)

// referenceDir holds the committed copies of the research reference
// files the generator reads (assets/gen/reference, see its README.md).
const referenceDir = "gen/reference"

func embeddedCatalogs(t *testing.T) map[string]*assessment.Catalog {
	t.Helper()
	out := map[string]*assessment.Catalog{}
	for _, f := range assets.CatalogFiles() {
		c, err := assessment.ParseCatalog("embedded:"+f.Name, f.Data)
		if err != nil {
			t.Fatalf("embedded catalog %s: %v", f.Name, err)
		}
		if probs := assessment.Validate(c); len(probs) > 0 {
			t.Fatalf("embedded catalog %s: %v", f.Name, probs)
		}
		out[f.Name] = c
	}
	return out
}

// eachText calls f with a path and every Text of the catalog.
func eachText(c *assessment.Catalog, f func(path string, t assessment.Text)) {
	for _, s := range c.Scales {
		for _, l := range s.Levels {
			f("scale "+s.ID+" level "+l.Name, l.Description)
		}
	}
	for _, in := range c.Indicators {
		p := "indicator " + strconv.Itoa(in.Number)
		f(p+" question", in.Question)
		f(p+" guidance", in.Guidance)
		f(p+" assessment_note", in.AssessmentNote)
		f(p+" evidence_general", in.EvidenceGeneral)
		for k, lt := range in.Levels {
			f(p+" level "+k+" criterion", lt.Criterion)
			f(p+" level "+k+" evidence", lt.Evidence)
			for _, it := range lt.Items {
				f(p+" item "+it.Code, it.Text)
			}
		}
		for i, n := range in.Notes {
			f(p+" note "+strconv.Itoa(i), n)
		}
		if in.ValuedBy != nil {
			f(p+" valued_by note", in.ValuedBy.Note)
		}
	}
}

func TestEmbeddedCatalogs(t *testing.T) {
	cats := embeddedCatalogs(t)
	if len(cats) != 2 {
		t.Fatalf("%d embedded catalogs, want 2 (spbe-2020.json, pemdi-2026.json)", len(cats))
	}
	spbe, pemdi := cats[catalogconv.SPBEFile], cats[catalogconv.PemdiFile]
	if spbe == nil || pemdi == nil {
		t.Fatalf("embedded catalogs: %v", cats)
	}

	for _, tc := range []struct {
		c                              *assessment.Catalog
		id                             string
		domains, aspects, indicators   int
		provisional                    bool
		scales                         []string
		scaleOfIndicator               func(n int) string
		weightOfIndicator1, aspect1Wgt string
	}{
		{spbe, "spbe-2020", 4, 8, 47, false, []string{"proses", "layanan"},
			func(n int) string {
				if n <= 31 {
					return "proses"
				}
				return "layanan"
			}, "1.3", "13"},
		{pemdi, "pemdi-2026", 0, 7, 20, true, []string{"pemdi"},
			func(int) string { return "pemdi" }, "5", "10"},
	} {
		c := tc.c
		if c.ID != tc.id {
			t.Errorf("id %q, want %q", c.ID, tc.id)
		}
		if len(c.Domains) != tc.domains || len(c.Aspects) != tc.aspects || len(c.Indicators) != tc.indicators {
			t.Errorf("%s: %d domains, %d aspects, %d indicators; want %d, %d, %d", c.ID,
				len(c.Domains), len(c.Aspects), len(c.Indicators), tc.domains, tc.aspects, tc.indicators)
		}
		if c.Provisional() != tc.provisional {
			t.Errorf("%s: provisional = %v, want %v", c.ID, c.Provisional(), tc.provisional)
		}
		if len(c.Scales) != len(tc.scales) {
			t.Errorf("%s: %d scales, want %v", c.ID, len(c.Scales), tc.scales)
		}
		for i, in := range c.Indicators {
			if in.Number != i+1 {
				t.Errorf("%s: indicator %d at position %d", c.ID, in.Number, i)
			}
			if want := tc.scaleOfIndicator(in.Number); in.Scale != want {
				t.Errorf("%s: indicator %d scale %q, want %q", c.ID, in.Number, in.Scale, want)
			}
		}
		if w := c.Indicators[0].Weight.String(); w != tc.weightOfIndicator1 {
			t.Errorf("%s: indicator 1 weight %s, want %s", c.ID, w, tc.weightOfIndicator1)
		}
		if a, _ := c.Aspect(1); a.Weight.String() != tc.aspect1Wgt {
			t.Errorf("%s: aspect 1 weight %s, want %s", c.ID, a.Weight, tc.aspect1Wgt)
		}
		eachText(c, func(path string, tx assessment.Text) {
			if tx.Source == assessment.FromMissing && tx.Text != "" {
				t.Errorf("%s %s: source missing with text %q", c.ID, path, tx.Text)
			}
			if tx.Source != assessment.FromMissing && tx.Text == "" {
				t.Errorf("%s %s: empty text with source %q", c.ID, path, tx.Source)
			}
			if tx.Source == "" {
				t.Errorf("%s %s: no source", c.ID, path)
			}
			if strings.Contains(tx.Text, "UNVERIFIED") {
				t.Errorf("%s %s: UNVERIFIED marker copied into the text", c.ID, path)
			}
			if tx.Source == assessment.FromMissing && tx.Ref == "" {
				t.Errorf("%s %s: missing text without a reason in ref", c.ID, path)
			}
		})
	}

	// SPBE 2020: the regulation's own texts are verbatim and complete.
	if got := spbe.LevelName(spbe.Indicators[0], 4); got != "Terpadu dan Terukur" {
		t.Errorf("SPBE process level 4 = %q", got)
	}
	if got := spbe.LevelName(spbe.Indicators[46], 1); got != "Informasi" {
		t.Errorf("SPBE service level 1 = %q", got)
	}
	for _, in := range spbe.Indicators {
		if in.Question.Source != assessment.FromRegulation {
			t.Errorf("SPBE indicator %d question source %q", in.Number, in.Question.Source)
		}
		for l := 1; l <= 5; l++ {
			if s := in.Level(l).Criterion.Source; s != assessment.FromRegulation {
				t.Errorf("SPBE indicator %d level %d criterion source %q", in.Number, l, s)
			}
		}
	}
	// The one known transcription defect among the texts the catalog uses.
	if in, _ := spbe.Indicator(9); !in.Level(3).Evidence.Missing() {
		t.Errorf("SPBE indicator 9 level 3 evidence should be missing (UNVERIFIED in the reference)")
	}

	// Pemdi 2026: nothing may claim to be the regulation's text.
	eachText(pemdi, func(path string, tx assessment.Text) {
		if tx.Source == assessment.FromRegulation || tx.Source == assessment.FromPedomanTeknis {
			t.Errorf("pemdi %s: source %q although the official text is not available", path, tx.Source)
		}
	})
	if pemdi.StatusNote == "" {
		t.Error("provisional pemdi catalog without status_note")
	}
	if got := pemdi.LevelName(pemdi.Indicators[0], 1); got != "Merintis" {
		t.Errorf("pemdi level 1 = %q, want Merintis", got)
	}
	if spbe.SHA256() == "" || pemdi.SHA256() == "" {
		t.Error("embedded catalogs without sha256")
	}
}

// The embedded files are exactly what the generator produces from the
// reference, so nobody hand-edits them and a regenerated tree is clean.
func TestCatalogsReproducible(t *testing.T) {
	files, err := catalogconv.Generate(referenceDir)
	if err != nil {
		t.Fatal(err)
	}
	embedded := map[string][]byte{}
	for _, f := range assets.CatalogFiles() {
		embedded[f.Name] = f.Data
	}
	if len(files) != len(embedded) {
		t.Errorf("generator makes %d files, %d are embedded", len(files), len(embedded))
	}
	for _, f := range files {
		onDisk, err := os.ReadFile(filepath.Join("catalogs", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(onDisk, f.Data) || !bytes.Equal(embedded[f.Name], f.Data) {
			t.Errorf("catalogs/%s differs from the generator output; run `go run ./assets/gen` from the repository root", f.Name)
		}
		if !bytes.HasSuffix(f.Data, []byte("}\n")) || bytes.HasSuffix(f.Data, []byte("\n\n")) {
			t.Errorf("%s: want exactly one trailing newline", f.Name)
		}
		if bytes.Contains(f.Data, []byte(`\u003c`)) || bytes.Contains(f.Data, []byte(`\u0026`)) {
			t.Errorf("%s: HTML-escaped characters", f.Name)
		}
	}
	again, err := catalogconv.Generate(referenceDir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		if !bytes.Equal(files[i].Data, again[i].Data) {
			t.Errorf("%s: generator is not deterministic", files[i].Name)
		}
	}
}

// archivedIdentity are the (id, version, sha256) of the catalog versions
// shipped before format 2: assessments and bundles pin them, so their
// archived files must keep exactly this identity.
var archivedIdentity = map[string][2]string{
	"pemdi-2026_2026.0-provisional.json": {"2026.0-provisional", "9b794961348e2f7a48fd78de8f43717945a48510471212b6d9fb02f5b77c03e8"},
	"spbe-2020_2020.1.json":              {"2020.1", "779171f551bdab22af67d5c45a17bd2f2827bd1ae94902a7244450ef5ce24f45"},
}

// TestArchivedCatalogsStayPinnable: the earlier versions are embedded
// byte-for-byte, keep their sha256 and are found by Library.Pinned next to
// the newer version that Latest offers for new assessments.
func TestArchivedCatalogsStayPinnable(t *testing.T) {
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	files := assets.ArchivedCatalogFiles()
	if len(files) != len(archivedIdentity) {
		t.Fatalf("%d archived catalogs, want %d", len(files), len(archivedIdentity))
	}
	for _, f := range files {
		want, ok := archivedIdentity[f.Name]
		if !ok {
			t.Errorf("unexpected archived catalog %s", f.Name)
			continue
		}
		c, err := assessment.ParseCatalog(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		if c.FormatVersion != 1 || c.Version != want[0] || c.SHA256() != want[1] {
			t.Errorf("%s: format %d version %s sha256 %s, want 1 %s %s", f.Name, c.FormatVersion, c.Version, c.SHA256(), want[0], want[1])
		}
		if _, err := lib.Pinned(c.ID, want[0], want[1]); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		latest, _ := lib.Latest(c.ID)
		if latest.Version == want[0] || latest.FormatVersion != assessment.CatalogFormatVersion {
			t.Errorf("%s: Latest is %s (format %d), want the newer format-2 version", c.ID, latest.Version, latest.FormatVersion)
		}
	}
}

// TestPemdiPractice: the Pemdi catalog carries what the evaluation uses —
// imported indices with the Modul's conversion, IKASANDI ranges, the
// portal's item codes, the deck's names and the known conflicts.
func TestPemdiPractice(t *testing.T) {
	pemdi := embeddedCatalogs(t)[catalogconv.PemdiFile]
	if pemdi.ProvisionalIndex != assessment.HeadlineMissingAsOne {
		t.Errorf("pemdi headline rule %q", pemdi.ProvisionalIndex)
	}
	for _, n := range []int{5, 6, 7, 18} {
		in, _ := pemdi.Indicator(n)
		if in.ValuedBy == nil || !in.ValuedBy.Imported || in.ValuedBy.MissingValue != "1" {
			t.Errorf("indicator %d valued_by %+v", n, in.ValuedBy)
		}
	}
	for n, want := range map[int][2]string{5: {"25", "2,00"}, 18: {"68,75", "3,75"}, 6: {"3,2", "3,20"}} {
		in, _ := pemdi.Indicator(n)
		v, err := assessment.ConvertText(*in.ValuedBy, want[0])
		if err != nil || assessment.FormatDecimal(v) != want[1] {
			t.Errorf("indicator %d: %s → %v (%v), want %s", n, want[0], v, err, want[1])
		}
	}
	if in, _ := pemdi.Indicator(7); len(in.ValuedBy.Conversion) != 0 {
		t.Error("EPSS/IPS: the sources give no conversion, the catalog must not invent one")
	}
	for _, n := range []int{10, 11, 12} {
		in, _ := pemdi.Indicator(n)
		if in.ValuedBy == nil || in.ValuedBy.Imported || in.ValuedBy.Index != "IKASANDI" {
			t.Errorf("indicator %d valued_by %+v", n, in.ValuedBy)
		}
		if r := in.Level(1).ScoreRange; r == nil || r.Min != "0" || r.Max != "1.5" {
			t.Errorf("indicator %d level 1 range %+v", n, r)
		}
	}
	items := map[string]assessment.EvidenceItem{}
	for _, in := range pemdi.Indicators {
		for l := 1; l <= 5; l++ {
			for _, it := range in.Level(l).Items {
				items[it.Code] = it
			}
		}
	}
	for _, code := range []string{"I1-L1-01", "I4-L1-02", "I4-L2-02", "I12-L1-02", "I12-L2-01", "I13-L3-01", "I20-L1-04"} {
		if _, ok := items[code]; !ok {
			t.Errorf("portal item %s missing", code)
		}
	}
	if it := items["I4-L1-01"]; it.Text.Text != "Penetapan Tim Koordinasi Pemerintah Digital Instansi Pemerintah." || it.Source != assessment.FromSecondary {
		t.Errorf("I4-L1-01 = %+v", it)
	}
	if !items["I4-L1-02"].Missing() {
		t.Error("I4-L1-02 has no known wording and must be missing")
	}
	for n, want := range map[int]string{6: "Operasional Pemanfaatan Informasi Geospasial", 15: "Keterpaduan Proses Bisnis Lintas Sektor", 20: "Kepuasan Pengguna Layanan Digital Pemerintah"} {
		if in, _ := pemdi.Indicator(n); !strings.Contains(in.Guidance.Text, want) {
			t.Errorf("indicator %d guidance lacks the deck name %q", n, want)
		}
	}
	for _, n := range []int{9, 11} {
		if in, _ := pemdi.Indicator(n); len(in.Notes) == 0 || !strings.Contains(in.Notes[0].Text, "Konflik urutan tingkat") {
			t.Errorf("indicator %d: the level-order conflict is not noted", n)
		}
	}
	if !strings.Contains(pemdi.StatusNote, "1,51–2,50") {
		t.Error("status_note does not name the predicate-bound conflict")
	}
	for _, l := range pemdi.Scales[0].Levels {
		if l.Description.Source != assessment.FromParaphrase || strings.Contains(l.Description.Text, "Rintisan") {
			t.Errorf("level %d description %+v: want the 8/2026 digest, marked paraphrase", l.Level, l.Description)
		}
	}
}

// TestSPBEItems: one item per expected-evidence entry, in order.
func TestSPBEItems(t *testing.T) {
	spbe := embeddedCatalogs(t)[catalogconv.SPBEFile]
	total := 0
	for _, in := range spbe.Indicators {
		for l := 1; l <= 5; l++ {
			lt := in.Level(l)
			if len(lt.Items) == 0 {
				t.Errorf("indicator %d level %d without items", in.Number, l)
			}
			for k, it := range lt.Items {
				if want := catalogconv.ItemCode(in.Number, l, k+1); it.Code != want {
					t.Errorf("item %s, want %s", it.Code, want)
				}
				if !it.Missing() && !strings.Contains(lt.Evidence.Text, it.Text.Text) {
					t.Errorf("%s is not one of the level's evidence entries", it.Code)
				}
			}
			total += len(lt.Items)
		}
	}
	if in, _ := spbe.Indicator(9); !in.Level(3).Items[0].Missing() {
		t.Error("indicator 9 level 3: the UNVERIFIED entry must give a missing item")
	}
	if total != 323 {
		t.Errorf("%d SPBE items, want 323 (one per Pedoman Teknis entry)", total)
	}
}
