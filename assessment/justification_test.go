package assessment

import "testing"

func TestJustified(t *testing.T) {
	tpl := JustificationTemplate([]string{"sk-tim.pdf"}, "3 — Terpadu")
	for _, c := range []struct {
		name string
		text string
		want bool
	}{
		{"empty", "", false},
		{"spaces", " \n\t\n", false},
		{"untouched template", tpl, false},
		{"untouched template without files or level", JustificationTemplate(nil, ""), false},
		{"template headings only", "FAKTA:\n\nANALISIS:\n\nJUSTIFIKASI LEVEL:\n", false},
		{"bullets only", "FAKTA:\n- \n-\n", false},
		{"lower-case headings", "fakta:\n- …", false},
		{"one filled fact", tpl + "\n- SK Bupati 12/2024 menetapkan tim SPBE", true},
		{"gap replaced in a line", "FAKTA:\n- Berkas bukti: sk-tim.pdf (nomor 12, tanggal 3 Mei 2024, pasal 2)", true},
		{"content after a heading", "FAKTA: SK Bupati 12/2024", true},
		{"plain text", "Tim SPBE ditetapkan dengan SK Bupati.", true},
	} {
		if got := Justified(c.text); got != c.want {
			t.Errorf("%s: Justified(%q) = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

func TestJustificationTemplateIsIndonesian(t *testing.T) {
	got := JustificationTemplate([]string{"a.pdf", "b.pdf"}, "2 — Terkelola")
	want := "FAKTA:\n- Berkas bukti: a.pdf (nomor, tanggal, pasal/halaman: …)\n- Berkas bukti: b.pdf (nomor, tanggal, pasal/halaman: …)\n\n" +
		"ANALISIS:\n- Dibandingkan dengan kriteria level: …\n\nJUSTIFIKASI LEVEL:\n- Level 2 — Terkelola karena …"
	if got != want {
		t.Errorf("template\n%s\nwant\n%s", got, want)
	}
}
