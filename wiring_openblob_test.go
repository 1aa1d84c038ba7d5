package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// viewerName keeps the name of a document type and adds ".bin" to
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
		if got := viewerName(sum, c.name); got != c.want {
			t.Errorf("viewerName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// OpenBlob on a real workspace: a PDF keeps its name; the same content
// named like a program is copied as ".bin", whole, into its own folder.
func TestOpenBlobQuarantinesUnknownTypes(t *testing.T) {
	ctx := context.Background()
	w, err := openAsesorGUI(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pub, usb := filepath.Join(t.TempDir(), "kunci.json"), t.TempDir()
	if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddKey(ctx, pub); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(usb, "opd.spbe"), writeBundle(t, exportInput(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Import(ctx, []string{usb}, nil); err != nil {
		t.Fatal(err)
	}
	bundles, err := w.Bundles(ctx)
	if err != nil || len(bundles) != 1 || bundles[0].ReportSHA256 == "" {
		t.Fatalf("bundles %+v, %v", bundles, err)
	}
	sum := bundles[0].ReportSHA256
	open := func(name string) (string, []byte) {
		t.Helper()
		p, err := w.OpenBlob(ctx, sum, name)
		if err != nil {
			t.Fatalf("OpenBlob(%q): %v", name, err)
		}
		t.Cleanup(func() { os.RemoveAll(filepath.Dir(p)) })
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return p, data
	}
	pdfPath, pdf := open("Laporan.pdf")
	exePath, exe := open("SK.pdf.exe")
	if filepath.Base(pdfPath) != "Laporan.pdf" || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("report copied to %s (%.8q)", pdfPath, pdf)
	}
	if filepath.Base(exePath) != "SK.pdf.exe.bin" || !bytes.Equal(exe, pdf) {
		t.Errorf("SK.pdf.exe copied to %s (%d bytes, want %d)", exePath, len(exe), len(pdf))
	}
	if filepath.Dir(exePath) == filepath.Dir(pdfPath) {
		t.Error("two copies share a folder")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(exePath), "SK.pdf.exe")); !os.IsNotExist(err) {
		t.Errorf("a runnable SK.pdf.exe exists beside the .bin copy: %v", err)
	}
}
