package assessment_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// ev is an evidence file of indicator n: id, original name, content
// (its hash), level and item codes.
func ev(id int64, n int, name, sha string, level int, items ...string) assessment.Evidence {
	return assessment.Evidence{ID: id, Indicator: n, OriginalName: name, Level: level, Items: items,
		Blob: assessment.Blob{SHA256: sha, Size: int64(len(name))}}
}

func plan(t *testing.T, answers []assessment.Answer, evs ...assessment.Evidence) assessment.PortalPackage {
	t.Helper()
	s := assessment.Snapshot{Catalog: catfixV2(t), Answers: answers, Evidence: evs,
		Profile: assessment.Profile{OPDKode: "DISKOMINFO"}, Assessment: assessment.Assessment{Periode: 2026}}
	p, err := assessment.PlanPortalPackage(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func indicatorOf(t *testing.T, p assessment.PortalPackage, n int) assessment.PortalIndicator {
	t.Helper()
	for _, pi := range p.Indicators {
		if pi.Number == n {
			return pi
		}
	}
	t.Fatalf("indicator %d not in the package", n)
	return assessment.PortalIndicator{}
}

func names(pi assessment.PortalIndicator) []string {
	var out []string
	for _, f := range pi.Files {
		out = append(out, f.Name)
	}
	return out
}

// TestPortalFileNames: the layout of indicator 1's folder — the file names
// an officer uploads in order, without renaming one.
func TestPortalFileNames(t *testing.T) {
	long := strings.Repeat("Laporan pelaksanaan kolaborasi ", 4) + ".pdf"
	tests := []struct {
		name string
		evs  []assessment.Evidence
		want []string
	}{
		{"one file, one item", []assessment.Evidence{ev(1, 1, "SK Tim.pdf", "a", 1, "I1-L1-02")},
			[]string{"I01-L1-02_SK Tim.pdf"}},
		{"a file supporting two items appears once per item, in item order",
			[]assessment.Evidence{ev(1, 1, "SK.pdf", "a", 1, "I1-L2-01", "I1-L1-01")},
			[]string{"I01-L1-01_SK.pdf", "I01-L2-01_SK.pdf"}},
		{"without items: named by level with item 00, before the level's items",
			[]assessment.Evidence{ev(1, 1, "notulen.pdf", "a", 1, "I1-L1-01"), ev(2, 1, "foto.jpg", "b", 1), ev(3, 1, "umum.pdf", "c", 0)},
			[]string{"I01-L0-00_umum.pdf", "I01-L1-00_foto.jpg", "I01-L1-01_notulen.pdf"}},
		{"Windows-unsafe names are made safe",
			[]assessment.Evidence{ev(1, 1, `C:\Users\ani\laporan:final?.pdf`, "a", 1, "I1-L1-01"),
				ev(2, 1, "nul.pdf", "b", 1, "I1-L1-02"), ev(3, 1, "surat.pdf. ", "c", 1, "I1-L1-02")},
			[]string{"I01-L1-01_laporan_final_.pdf", "I01-L1-02__nul.pdf", "I01-L1-02_surat.pdf"}},
		{"names equal but for case are numbered, in evidence order",
			[]assessment.Evidence{ev(2, 1, "sk.pdf", "b", 1, "I1-L1-01"), ev(1, 1, "SK.pdf", "a", 1, "I1-L1-01"),
				ev(3, 1, "SK.PDF", "c", 1, "I1-L1-01")},
			[]string{"I01-L1-01_SK.pdf", "I01-L1-01_sk_2.pdf", "I01-L1-01_SK_3.PDF"}},
		{"the same content twice for one item is uploaded once",
			[]assessment.Evidence{ev(1, 1, "SK.pdf", "a", 1, "I1-L1-01"), ev(2, 1, "SK salinan.pdf", "a", 1, "I1-L1-01", "I1-L1-02")},
			[]string{"I01-L1-01_SK.pdf", "I01-L1-02_SK salinan.pdf"}},
		{"a long name is shortened, keeping its extension",
			[]assessment.Evidence{ev(1, 1, long, "a", 1, "I1-L1-01")},
			[]string{"I01-L1-01_" + strings.TrimRight(long[:56], " ") + ".pdf"}},
		{"a code of another indicator names nothing",
			[]assessment.Evidence{ev(1, 1, "x.pdf", "a", 2, "I4-L1-01", "rubbish")},
			[]string{"I01-L2-00_x.pdf"}},
		{"an empty name falls back to bukti",
			[]assessment.Evidence{ev(1, 1, "..", "a", 1, "I1-L1-01")},
			[]string{"I01-L1-01_bukti"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(indicatorOf(t, plan(t, nil, tt.evs...), 1))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("names:\n got  %q\n want %q", got, tt.want)
			}
			for _, n := range got {
				if assessment.LocalFileName(n, "") != n || len([]rune(n)) > 70 {
					t.Errorf("%q is not a safe, short local name", n)
				}
			}
			// The same snapshot in any order gives the same names.
			rev := slices.Clone(tt.evs)
			slices.Reverse(rev)
			if again := names(indicatorOf(t, plan(t, nil, rev...), 1)); !reflect.DeepEqual(again, got) {
				t.Errorf("names depend on input order: %q vs %q", again, got)
			}
		})
	}
}

// TestPortalItems: the items listed per indicator with ada/belum, from
// level 1 up to the level claimed (or a file's higher level).
func TestPortalItems(t *testing.T) {
	tests := []struct {
		name  string
		level int
		evs   []assessment.Evidence
		want  []string
	}{
		{"nothing chosen: level 1's items", 0, nil,
			[]string{"I1-L1-01 belum", "I1-L1-02 belum"}},
		{"level 2 claimed: items of 1 and 2", 2, []assessment.Evidence{ev(1, 1, "SK.pdf", "a", 1, "I1-L1-02")},
			[]string{"I1-L1-01 belum", "I1-L1-02 ada: I01-L1-02_SK.pdf", "I1-L2-01 belum"}},
		{"a file's item above the level claimed is shown", 1, []assessment.Evidence{ev(1, 1, "SK.pdf", "a", 2, "I1-L2-01")},
			[]string{"I1-L1-01 belum", "I1-L1-02 belum", "I1-L2-01 ada: I01-L2-01_SK.pdf"}},
		{"a code the catalog lacks is listed too", 1, []assessment.Evidence{ev(1, 1, "x.pdf", "a", 3, "I1-L3-05")},
			[]string{"I1-L1-01 belum", "I1-L1-02 belum", "I1-L2-01 belum", "I1-L3-00 ada: I01-L3-00_x.pdf",
				"I1-L3-05 ada (butir tidak ada di katalog): I01-L3-05_x.pdf"}},
		{"a file at a level without catalog items is that level's synthetic item", 3, []assessment.Evidence{ev(1, 1, "SK.pdf", "a", 3)},
			[]string{"I1-L1-01 belum", "I1-L1-02 belum", "I1-L2-01 belum", "I1-L3-00 ada: I01-L3-00_SK.pdf"}},
		{"files without item are named for the officer to place", 1, []assessment.Evidence{ev(1, 1, "foto.jpg", "a", 1)},
			[]string{"I1-L1-01 belum", "I1-L1-02 belum", "tanpa butir: I01-L1-00_foto.jpg — pilih butirnya sendiri di portal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := []assessment.Answer{{Indicator: 1, Level: tt.level, Justification: "FAKTA: SK Bupati"}}
			pi := indicatorOf(t, plan(t, ans, tt.evs...), 1)
			if got := pi.ItemLines(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("items:\n got  %q\n want %q", got, tt.want)
			}
			if pi.Justification != "FAKTA: SK Bupati" {
				t.Errorf("justification %q", pi.Justification)
			}
		})
	}
}

// TestPortalExternal: an indicator another agency values gets no folder,
// no items and no files; the lembar shows the score and the value.
func TestPortalExternal(t *testing.T) {
	tests := []struct {
		name      string
		ext       *assessment.ExternalScore
		wantLevel string
		wantScore string
	}{
		{"SDI 25 converts to 2,00", &assessment.ExternalScore{Score: "25", Year: 2025}, "dinilai Bappenas: 2,00", "skor Indeks Uji: 25 (2025)"},
		{"SDI 68,75 converts to 3,75", &assessment.ExternalScore{Score: "68.75"}, "dinilai Bappenas: 3,75", "skor Indeks Uji: 68,75"},
		{"no score: 1 as KemenPANRB assumes", nil, "dinilai Bappenas: 1,00 (belum ada skor: nilai yang dipakai KemenPANRB)", "skor Indeks Uji: —"},
		{"a score off the scale converts to nothing", &assessment.ExternalScore{Score: "250"},
			"dinilai Bappenas: skor Indeks Uji 250.00 di luar skala 0–100 — isi nilainya di portal sesuai publikasi Bappenas", "skor Indeks Uji: 250"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := []assessment.Answer{{Indicator: 3, Level: 4, External: tt.ext}}
			pi := indicatorOf(t, plan(t, ans, ev(1, 3, "sdi.pdf", "a", 1)), 3)
			if pi.Folder != "" || len(pi.Files) != 0 || len(pi.Items) != 0 || pi.Level != 0 {
				t.Errorf("external indicator has folder %q, files %v, items %v, level %d", pi.Folder, pi.Files, pi.Items, pi.Level)
			}
			if got := pi.LevelText(); got != tt.wantLevel {
				t.Errorf("level text %q, want %q", got, tt.wantLevel)
			}
			lines := pi.ItemLines()
			if lines[0] != tt.wantScore || !strings.Contains(strings.Join(lines, "\n"), "1 berkas bukti di aplikasi tidak disertakan") {
				t.Errorf("lines %q", lines)
			}
		})
	}
}

// TestPortalOrderAndPadding: folders in number order whatever the
// catalog's order, zero-padded to the widest number.
func TestPortalOrderAndPadding(t *testing.T) {
	c := catfixV2(t)
	slices.Reverse(c.Indicators)
	p, err := assessment.PlanPortalPackage(assessment.Snapshot{Catalog: c})
	if err != nil {
		t.Fatal(err)
	}
	var folders []string
	for _, pi := range p.Indicators {
		folders = append(folders, pi.Folder)
	}
	if want := []string{"I01", "I02", "", "I04"}; !reflect.DeepEqual(folders, want) {
		t.Errorf("folders %q, want %q", folders, want)
	}
	c.Indicators[0].Number = 120 // indicator 4 becomes 120
	p, _ = assessment.PlanPortalPackage(assessment.Snapshot{Catalog: c})
	if got := p.Indicators[0].Folder; got != "I001" {
		t.Errorf("first folder %q with a three-digit indicator, want I001", got)
	}
	if _, err := assessment.PlanPortalPackage(assessment.Snapshot{}); err == nil {
		t.Error("a snapshot without a catalog is planned")
	}
}

// TestPortalLevelText: what the lembar prints as the level.
func TestPortalLevelText(t *testing.T) {
	tests := []struct {
		pi   assessment.PortalIndicator
		want string
	}{
		{assessment.PortalIndicator{}, "belum dipilih"},
		{assessment.PortalIndicator{Level: 2, LevelName: "Terkelola"}, "2 — Terkelola"},
		{assessment.PortalIndicator{Level: 2}, "2"},
		{assessment.PortalIndicator{Level: 1, LevelName: "Rintisan", Value: "1.3"}, "1,3 (level 1 — Rintisan)"},
	}
	for _, tt := range tests {
		if got := tt.pi.LevelText(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.pi, got, tt.want)
		}
	}
}

func TestPortalCounts(t *testing.T) {
	p := plan(t, nil, ev(1, 1, "SK.pdf", "a", 1, "I1-L1-01", "I1-L1-02"), ev(2, 2, "b.pdf", "b", 1))
	if p.FileCount() != 3 || p.ByteCount() != 3*6-1 {
		t.Errorf("files %d bytes %d", p.FileCount(), p.ByteCount())
	}
}

// TestInstansiPortalPackage: the assessor's package has the OPD package's
// layout with the consolidated values: the whole part is the level to
// pick, a fractional value is shown beside it.
func TestInstansiPortalPackage(t *testing.T) {
	in := assessment.InstansiPortal{Catalog: catfixV2(t), Periode: 2026, Instansi: "Pemerintah Kabupaten Contoh",
		Rows: []assessment.InstansiPortalRow{
			{Indicator: 1, Value: "1.3", FromOPD: "DISKOMINFO", Answer: assessment.Answer{Level: 2, Justification: "dari Kominfo"},
				Evidence: []assessment.ReviewEvidence{{SHA256: "a", Name: "SK.pdf", Level: 1, Items: []string{"I1-L1-01", "I1-L1-02"}}}},
			{Indicator: 2, Value: "3", Answer: assessment.Answer{Level: 3}},
			{Indicator: 3, Value: "2", Answer: assessment.Answer{External: &assessment.ExternalScore{Score: "25"}}},
			{Indicator: 4},
		}}
	p, err := assessment.PlanInstansiPortalPackage(in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Source != assessment.PortalSourceInstansi || p.Profile.Instansi != in.Instansi {
		t.Errorf("source %q, profile %+v", p.Source, p.Profile)
	}
	tests := []struct {
		n     int
		level string
		files []string
	}{
		{1, "1,3 (level 1 — Rintisan)", []string{"I01-L1-01_SK.pdf", "I01-L1-02_SK.pdf"}},
		{2, "3 — Terdefinisi", nil},
		{3, "dinilai Bappenas: 2,00", nil},
		{4, "belum dipilih", nil},
	}
	for _, tt := range tests {
		pi := indicatorOf(t, p, tt.n)
		if got := pi.LevelText(); got != tt.level {
			t.Errorf("I%d level %q, want %q", tt.n, got, tt.level)
		}
		if got := names(pi); !reflect.DeepEqual(got, tt.files) {
			t.Errorf("I%d files %q, want %q", tt.n, got, tt.files)
		}
	}
	if indicatorOf(t, p, 1).Justification != "dari Kominfo" {
		t.Error("the OPD's justification is not in the package")
	}
	if _, err := assessment.PlanInstansiPortalPackage(assessment.InstansiPortal{}); err == nil {
		t.Error("planned without a catalog")
	}
}

// An indicator whose levels are tied to an index the assessor checks
// (IKASANDI) names the range of the level claimed.
func TestPortalRangeNote(t *testing.T) {
	p := plan(t, []assessment.Answer{{Indicator: 4, Level: 2}, {Indicator: 1, Level: 2}})
	lines := indicatorOf(t, p, 4).ItemLines()
	if want := "rentang IKASANDI (BSSN) untuk level 2: 1,5–2,5 — sertakan hasil penilaiannya"; lines[len(lines)-1] != want {
		t.Errorf("lines %q, want the last %q", lines, want)
	}
	if n := indicatorOf(t, p, 1).RangeNote; n != "" {
		t.Errorf("indicator 1 has a range note %q", n)
	}
	if n := indicatorOf(t, plan(t, nil), 4).RangeNote; n != "" {
		t.Errorf("no level claimed, yet %q", n)
	}
}

// The instansi's package carries only the files of items the assessor
// accepted, and says on the lembar why the others are not there.
func TestInstansiPackageOnlyAccepted(t *testing.T) {
	c := catfixV2(t)
	in1, _ := c.Indicator(1)
	listed := assessment.ReviewableItems(in1, 2, nil)
	review := assessment.ReviewItems(listed, map[string]assessment.ItemVerdict{
		"I1-L1-01": {Code: "I1-L1-01", Status: assessment.ReviewAccepted},
		"I1-L1-02": {Code: "I1-L1-02", Status: assessment.ReviewRevision, Reason: assessment.ReasonWrongEvidence},
	})
	row := assessment.InstansiPortalRow{Indicator: 1, Value: "1", Answer: assessment.Answer{Level: 2}, Items: &review,
		Evidence: []assessment.ReviewEvidence{
			{SHA256: "a", Name: "SK.pdf", Level: 1, Items: []string{"I1-L1-01", "I1-L1-02"}},
			{SHA256: "b", Name: "Notulen.pdf", Level: 1, Items: []string{"I1-L1-02"}},
			{SHA256: "c", Name: "Renstra.pdf", Level: 2, Items: []string{"I1-L2-01"}},
		}}
	p, err := assessment.PlanInstansiPortalPackage(assessment.InstansiPortal{Catalog: c, Periode: 2026, Instansi: "Kab. Contoh",
		Rows: []assessment.InstansiPortalRow{row}})
	if err != nil {
		t.Fatal(err)
	}
	pi := indicatorOf(t, p, 1)
	if got, want := names(pi), []string{"I01-L1-01_SK.pdf"}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want only the accepted item's %q", got, want)
	}
	// The consolidated value 1 is level 1: the levels above it are not listed.
	want := []string{"I1-L1-01 ada: I01-L1-01_SK.pdf", "I1-L1-02 tidak disertakan (asesor: revisi)"}
	if got := pi.ItemLines(); !reflect.DeepEqual(got, want) {
		t.Errorf("lines:\n got  %q\n want %q", got, want)
	}
}
