package asesorsvc_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc/asesorsvctest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// OpenBlob on a real workspace: a PDF keeps its name; the same content
// named like a program is copied as ".bin", whole, into its own folder.
func TestOpenBlobQuarantinesUnknownTypes(t *testing.T) {
	ctx := context.Background()
	w, err := openWorkspace(t.TempDir())
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
	if _, _, err := w.AddKey(ctx, pub, ""); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(usb, "opd.spbe"), asesorsvctest.WriteBundle(t, exporttest.Input(t), key), 0o644); err != nil {
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
