package viewer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Name keeps the name of a document type and adds ".bin" to
// anything else, so that the system runs nothing an OPD sent.
func TestViewerNameAllowsDocumentsOnly(t *testing.T) {
	const sum = "0123abcd"
	for _, c := range []struct{ name, want string }{
		{"SK Kepala Dinas.pdf", "SK Kepala Dinas.pdf"},
		{"Foto Rapat.JPG", "Foto Rapat.JPG"},
		{"rekap.xlsx", "rekap.xlsx"},
		{"notulen.odt", "notulen.odt"},
		{"SK.pdf.exe", "SK.pdf.exe.bin"},
		{"skrip.js", "skrip.js.bin"},
		{"pintasan.lnk", "pintasan.lnk.bin"},
		{"halaman.html", "halaman.html.bin"},
		{"arsip.zip", "arsip.zip.bin"},
		{"makro.docm", "makro.docm.bin"},
		{"README", "README.bin"},
		{"data.bin", "data.bin.bin"},
		{"SK.pdf.", "SK.pdf..bin"},                 // Windows drops the trailing dot: not a .pdf name
		{"SK.pdf ", "SK.pdf .bin"},                 // nor a trailing space
		{"SK.pdf:evil.exe", "SK.pdf_evil.exe.bin"}, // no NTFS alternate data stream
		{"../../etc/passwd", "passwd.bin"},
		{`..\..\Startup\run.bat`, "run.bat.bin"},
		{"../Laporan.pdf", "Laporan.pdf"},
		{"C:Laporan.pdf", "C_Laporan.pdf"}, // a drive prefix is not a drive
		{"nul.pdf", "_nul.pdf"},            // nor a device name a device
		{"CON", "_CON.bin"},
		{"", sum + ".bin"},
		{"..", sum + ".bin"},
	} {
		if got := Name(sum, c.name); got != c.want {
			t.Errorf("Name(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// Quarantined tells a ".bin" copy apart, whatever its case.
func TestQuarantined(t *testing.T) {
	for name, want := range map[string]bool{"SK.pdf.exe.bin": true, "X.BIN": true, "SK.pdf": false, "bin": false} {
		if got := Quarantined(filepath.Join("tmp", name)); got != want {
			t.Errorf("Quarantined(%q) = %v", name, got)
		}
	}
}

// Copy writes the whole content under the name, leaves no temporary file
// and replaces an earlier copy.
func TestCopy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lihat")
	for _, content := range []string{"%PDF-1.4 lama", "%PDF-1.4 baru"} {
		p, err := Copy(dir, "SK.pdf", strings.NewReader(content))
		if err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(p); err != nil || string(b) != content || filepath.Base(p) != "SK.pdf" {
			t.Fatalf("copy %s = %q, %v", p, b, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		// Wine keeps the Mark of the Web stream as a file of its own
		// ("SK.pdf:Zone.Identifier"); real Windows lists no such entry,
		// and no file name may hold ':' there.
		if !strings.Contains(e.Name(), ":") {
			names = append(names, e.Name())
		}
	}
	if len(names) != 1 {
		t.Errorf("folder holds %v, want the copy only", names)
	}
}
