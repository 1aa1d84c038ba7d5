package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// assertExcelFirst checks that the Excel button stands left of every
// other export button on the same row, inside a 1366-pixel window.
func assertExcelFirst(t *testing.T, u *UI, excel *widget.Button, others ...*widget.Button) {
	t.Helper()
	u.win.Resize(fyne.NewSize(1366, 768))
	d := fyne.CurrentApp().Driver()
	x := d.AbsolutePositionForObject(excel)
	if !excel.Visible() || x.X+excel.Size().Width > 1366 {
		t.Fatalf("the Excel button is not on screen at 1366 px: %v %v", x, excel.Size())
	}
	for _, o := range others {
		p := d.AbsolutePositionForObject(o)
		if p.Y != x.Y || p.X <= x.X {
			t.Errorf("%q at %v, Excel %q at %v: want Excel first on the same row", o.Text, p, excel.Text, x)
		}
		if p.X+o.Size().Width > 1366 {
			t.Errorf("%q ends at %v, off a 1366-pixel screen", o.Text, p.X+o.Size().Width)
		}
	}
}

func TestAsesorRecapExportExcelFirst(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	if r.xlsx.Text != "Ekspor Excel (.xlsx)…" {
		t.Errorf("button %q", r.xlsx.Text)
	}
	assertExcelFirst(t, h.u, r.xlsx, r.csv, r.settle, r.open)
	test.Tap(r.xlsx)
	h.wait()
	if len(h.ws.rxXLSX) != 1 || h.ws.rxXLSX[0] != "/media/usb" || len(h.ws.rxDirs) != 0 {
		t.Fatalf("Excel exports into %v (CSV %v), want one into the picked folder /media/usb", h.ws.rxXLSX, h.ws.rxDirs)
	}
	if !hasText(fbOverlayTexts(h.u), "/media/usb/REKAP_OPD_20261127.xlsx") {
		t.Errorf("the written file is not named: %q", fbOverlayTexts(h.u))
	}
	if r.xlsx.Disabled() {
		t.Error("the button stays disabled after the export")
	}
}

// A failed Excel export says why.
func TestAsesorRecapExportExcelFails(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.ws.rxError = errors.New("flashdisk penuh")
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	test.Tap(r.xlsx)
	h.wait()
	if !hasText(fbOverlayTexts(h.u), "lashdisk penuh") {
		t.Errorf("the failure is not shown: %q", fbOverlayTexts(h.u))
	}
}

func TestAsesorConsolidateExportExcelFirst(t *testing.T) {
	h, c := consolidateHarness(t)
	h.paths.folder = "/media/usb/rekap"
	if c.exportBtn[0].Text != "Ekspor Excel (.xlsx)" {
		t.Fatalf("first export button %q", c.exportBtn[0].Text)
	}
	assertExcelFirst(t, h.u, c.exportBtn[0], c.exportBtn[1:]...)
	test.Tap(c.exportBtn[0])
	h.wait()
	if len(h.ws.exports) != 1 || h.ws.exports[0] != (fakeExport{2026, assessment.ExportXLSX, "/media/usb/rekap", ""}) {
		t.Fatalf("exports %+v", h.ws.exports)
	}
	if c.exported != "/media/usb/rekap/KONSOLIDASI_2026.xlsx" {
		t.Errorf("file written %q", c.exported)
	}
}

func TestAsesorReviewExportExcel(t *testing.T) {
	h, r := reviewHarness(t)
	if r.xlsxBtn.Disabled() {
		t.Fatal("the Excel export is disabled with a bundle on screen")
	}
	assertExcelFirst(t, h.u, r.xlsxBtn, r.reportBtn, r.feedbackBtn)
	test.Tap(r.xlsxBtn)
	h.wait()
	if len(h.ws.rvXLSX) != 1 || h.ws.rvXLSX[0] != "b-dinkes-1|/media/usb" {
		t.Fatalf("review exports %v", h.ws.rvXLSX)
	}
	if !hasText(fbOverlayTexts(h.u), "/media/usb/TINJAUAN_DISKOMINFO_2026_1.xlsx") {
		t.Errorf("the written file is not named: %q", fbOverlayTexts(h.u))
	}
}

// Before a bundle is open there is nothing to export.
func TestAsesorReviewExportExcelNeedsBundle(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.u.show(newAsesorReview(h.u, ""))
	h.wait()
	r := current[*asesorReview](t, h.u)
	if !r.xlsxBtn.Disabled() {
		t.Error("the Excel export is enabled without a bundle")
	}
}
