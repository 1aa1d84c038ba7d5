package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText extracts the text of a PDF with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin := tool(t, "pdftotext")
	in := writeTemp(t, "in.pdf", pdf)
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestRenderText(t *testing.T) {
	spbe := pdfText(t, render(t, spbeSnapshot(t), testFooter))
	want := []string{
		"DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN",
		"Dinas Komunikasi, Informatika, Statistik dan Persandian",
		"LAPORAN PENILAIAN MANDIRI", "Periode 2025", "BELUM DIISI",
		"2,96 — Baik", "SEMENTARA", "7 dari 47 indikator diisi",
		"3f2a9c1b 77d0e4aa 5be1c2d3 e4f50617 28394a5b 6c7d8e9f 0a1b2c3d 4e5f6071",
		"92819 59826 44033 59955 06185 43959", "0193a4f2-7c1e-7d2a-9b3c-5e6f7a8b9c0d", "ekspor ke-3",
		"Indikator1-Perbup-ArsitekturSPBE.pdf", "4ae8ba874912", "JUSTIFIKASI LEVEL",
		"(lanjutan)", "PENGESAHAN", "(tanda tangan dan cap dinas)", "Halaman",
	}
	for _, w := range want {
		if !strings.Contains(spbe, w) {
			t.Errorf("SPBE report text lacks %q", w)
		}
	}
	if strings.Contains(spbe, "{nb}") {
		t.Error("page-count alias left unreplaced")
	}
	pemdi := pdfText(t, render(t, pemdiSnapshot(t), testFooter))
	for _, w := range []string{"SEMENTARA / PROVISIONAL", "(parafrase, bukan teks resmi)", "(teks kriteria tidak tersedia)"} {
		if !strings.Contains(pemdi, w) {
			t.Errorf("Pemdi report text lacks %q", w)
		}
	}
	draft := pdfText(t, render(t, spbeSnapshot(t), Footer{GeneratedAt: genAt}))
	if !strings.Contains(draft, "belum diekspor") {
		t.Error("draft report does not say \"belum diekspor\"")
	}
}

// decodeQR renders the first page at 150 dpi and decodes every QR code on
// it with zbarimg.
func decodeQR(t *testing.T, pdf []byte) []string {
	t.Helper()
	ppm, zbar := tool(t, "pdftoppm"), tool(t, "zbarimg")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(ppm, "-r", "150", "-f", "1", "-l", "1", "-png", in, filepath.Join(dir, "pg")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "pg*.png"))
	if len(pngs) != 1 {
		t.Fatalf("pdftoppm wrote %v", pngs)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code: %v", err)
	}
	return strings.Fields(string(out))
}

func TestRenderQRDecodes(t *testing.T) {
	want, err := QRText(profile.OPDKode, 2025, testFooter.Sequence, digest, fp)
	if err != nil {
		t.Fatal(err)
	}
	got := decodeQR(t, render(t, spbeSnapshot(t), testFooter))
	if len(got) != 1 || got[0] != want {
		t.Errorf("QR decodes to %q, want %q", got, want)
	}
}
