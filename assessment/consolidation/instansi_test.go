package consolidation

import (
	"strings"
	"testing"
)

// TestInstansiName: the letterhead takes the name most counted OPDs gave
// (ties: the first given), lists every variant when they differ, and a
// revoked key's bundle or a blank name does not vote.
func TestInstansiName(t *testing.T) {
	v := func(kode, name string) Vote { return Vote{OPDKode: kode, Instansi: name} }
	for _, tc := range []struct {
		name     string
		votes    []Vote
		want     string
		variants string // "name:OPD,OPD|…"
	}{
		{"none", nil, "", ""},
		{"all agree", []Vote{v("B", "Pemerintah Kabupaten Sigi"), v("C", "Pemerintah Kabupaten Sigi")}, "Pemerintah Kabupaten Sigi", ""},
		{"majority", []Vote{v("A", "Pemkab Sigi"), v("B", "Pemerintah Kabupaten Sigi"), v("C", "Pemerintah Kabupaten Sigi")},
			"Pemerintah Kabupaten Sigi", "Pemerintah Kabupaten Sigi:B,C|Pemkab Sigi:A"},
		{"tie: the first given", []Vote{v("A", "Pemkab Sigi"), v("B", "Pemerintah Kabupaten Sigi"), v("C", "Pemerintah Kabupaten Sigi"), v("D", "Pemkab Sigi")},
			"Pemkab Sigi", "Pemkab Sigi:A,D|Pemerintah Kabupaten Sigi:B,C"},
		{"a revoked key does not vote", []Vote{v("A", "Pemkab Sigi"), {OPDKode: "E", Instansi: "Kabupaten Palsu", Excluded: true},
			{OPDKode: "F", Instansi: "Kabupaten Palsu", Excluded: true}}, "Pemkab Sigi", ""},
		{"blank and spaced names", []Vote{v("A", "  "), v("B", " Pemkab Sigi "), v("C", "Pemkab Sigi")}, "Pemkab Sigi", ""},
	} {
		name, variants := InstansiName(tc.votes)
		var got []string
		for _, x := range variants {
			got = append(got, x.Name+":"+strings.Join(x.OPDs, ","))
		}
		if name != tc.want || strings.Join(got, "|") != tc.variants {
			t.Errorf("%s: InstansiName = %q, %q; want %q, %q", tc.name, name, got, tc.want, tc.variants)
		}
	}
}
