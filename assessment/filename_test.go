package assessment

import "testing"

// Names from elsewhere become one file name that Windows creates as
// written: no folders, no drive prefix taken as a drive, no device, no
// trailing dot or space.
func TestLocalFileName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Indikator1-Perbup.pdf", "Indikator1-Perbup.pdf"},
		{"SK Kepala Dinas (2025).pdf", "SK Kepala Dinas (2025).pdf"},
		{`C:\Users\x\bukti.pdf`, "bukti.pdf"},
		{"C:bukti.pdf", "C_bukti.pdf"},
		{"a:b?.pdf", "a_b_.pdf"},
		{"SK.pdf:Zone.Identifier", "SK.pdf_Zone.Identifier"},
		{"../../etc/passwd", "passwd"},
		{`..\..\Startup\run.bat`, "run.bat"},
		{`\\server\share\SK.pdf`, "SK.pdf"},
		{"tab\there.pdf", "tab_here.pdf"},
		{`a<b>c"d|e*f.pdf`, "a_b_c_d_e_f.pdf"},
		{"SK.pdf.", "SK.pdf"},
		{"SK.pdf . .", "SK.pdf"},
		{"CON", "_CON"},
		{"con.pdf", "_con.pdf"},
		{"nul.tar.gz", "_nul.tar.gz"},
		{"Aux .txt", "_Aux .txt"},
		{"COM1.pdf", "_COM1.pdf"},
		{"lpt9", "_lpt9"},
		{"conout$.txt", "_conout$.txt"},
		{"COM0.pdf", "COM0.pdf"},
		{"COM10.pdf", "COM10.pdf"},
		{"console.pdf", "console.pdf"},
		{"CON.", "_CON"},
		{"", "bukti"},
		{".", "bukti"},
		{"..", "bukti"},
		{"...", "bukti"},
		{"   ", "bukti"},
		{"/", "bukti"},
		{"laporan ✓ é.pdf", "laporan ✓ é.pdf"},
	} {
		if got := LocalFileName(c.in, "bukti"); got != c.want {
			t.Errorf("LocalFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLocalFileNameEvidence: an evidence file name as the OPD's
// questionnaire showed it safe (fallback "bukti"); moved from app's
// TestSafeName.
func TestLocalFileNameEvidence(t *testing.T) {
	for in, want := range map[string]string{
		"Indikator1-Perbup.pdf": "Indikator1-Perbup.pdf",
		`C:\Users\x\bukti.pdf`:  "bukti.pdf",
		"../../etc/passwd":      "passwd",
		"a:b?.pdf":              "a_b_.pdf",
		"C:SK.pdf":              "C_SK.pdf",
		"con.pdf":               "_con.pdf",
		"LPT1":                  "_LPT1",
		"SK.pdf. ":              "SK.pdf",
		"":                      "bukti",
		"..":                    "bukti",
	} {
		if got := LocalFileName(in, "bukti"); got != want {
			t.Errorf("LocalFileName(%q, \"bukti\") = %q, want %q", in, got, want)
		}
	}
}
