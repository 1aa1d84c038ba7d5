// Package asesorsvctest builds real assessor workspaces for the tests of
// storage/asesorsvc and of the command line through main's wiring: OPD
// bundles signed and imported, reviews and a settled value. It is
// imported only from _test.go files.
package asesorsvctest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export/exporttest"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Open opens the workspace of the data folder data as the GUI and the
// CLI do (asesorsvc.Opener with the embedded catalogs). The caller
// closes it.
func Open(t *testing.T, data string) *asesorsvc.Service {
	t.Helper()
	w, err := asesorsvc.Opener(assets.Library)(data)
	if err != nil {
		t.Fatal(err)
	}
	return w.(*asesorsvc.Service)
}

// WriteBundle is the signed bundle of in, with the signed report.
func WriteBundle(t *testing.T, in bundle.Input, key *keys.Key) []byte {
	t.Helper()
	r := export.SignedReport(key)
	in.Report = func(info bundle.ReportInfo) ([]byte, string, error) { return r(in.Snapshot, info) }
	var buf bytes.Buffer
	if _, err := bundle.Write(context.Background(), &buf, in, key.Private()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// RegisterOPDKey makes an OPD signing key and registers its public key
// (pending) in the assessor workspace w.
func RegisterOPDKey(t *testing.T, w asesorport.Workspace) *keys.Key {
	t.Helper()
	key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi uji"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(t.TempDir(), "kunci.json")
	if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.AddKey(context.Background(), pub, ""); err != nil {
		t.Fatal(err)
	}
	return key
}

// Reviewed is an assessor workspace in a new data folder with the
// DISKOMINFO bundle of periode 2025 imported and indicator 1 reviewed
// with the value 2,5 (and a note that looks like a formula). It is
// closed when the test ends.
func Reviewed(t *testing.T) (data string, w *asesorsvc.Service) {
	t.Helper()
	ctx := context.Background()
	data = t.TempDir()
	w = Open(t, data)
	t.Cleanup(func() { w.Close() })
	key := RegisterOPDKey(t, w)
	usb := t.TempDir()
	if err := os.WriteFile(filepath.Join(usb, "a.spbe"), WriteBundle(t, exporttest.Input(t), key), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := w.Import(ctx, []string{usb}, nil); err != nil || len(out) != 1 || out[0].Kind != intake.KindNew {
		t.Fatalf("import %+v %v", out, err)
	}
	if err := w.SaveReview(ctx, assessment.ReviewDecision{BundleID: exporttest.Input(t).BundleID, Indicator: 1, Value: "2,5",
		Status: assessment.ReviewAccepted, Note: "=HYPERLINK(\"http://contoh.invalid\",\"klik\")", Reviewer: "Asesor"}); err != nil {
		t.Fatal(err)
	}
	return data, w
}

// Consolidation builds a real assessor workspace in data: three OPD
// bundles (SPBE 2020, periode 2025) imported with registered keys,
// BAPPEDA's 47 answers accepted, DINKES's first ten accepted,
// DISKOMINFO's first sent back, and indicator 2 settled at 2,5 with a
// note. It is closed when the test ends.
func Consolidation(t *testing.T, data string) *asesorsvc.Service {
	t.Helper()
	ctx := context.Background()
	a := Open(t, data)
	t.Cleanup(func() { a.Close() })
	usb := t.TempDir()
	for i, o := range consolidationOPDs {
		writeConsolidationBundle(t, a, usb, i, o)
	}
	if res, err := a.Import(ctx, []string{usb}, nil); err != nil || len(res) != 3 {
		t.Fatalf("import %+v, %v", res, err)
	}
	reviewConsolidation(t, a)
	if err := a.Settle(ctx, assessment.SettleRequest{Periode: 2025, Indicator: 2, Value: "2,5",
		Note: "Ditetapkan setelah klarifikasi dengan Sekretariat", SetBy: "Budi Santoso"}); err != nil {
		t.Fatal(err)
	}
	return a
}

// consolidationOPD is one of Consolidation's three OPDs and the level it
// answers every indicator with.
type consolidationOPD struct {
	kode, nama string
	level      int
}

var consolidationOPDs = []consolidationOPD{
	{"BAPPEDA", "Badan Perencanaan Pembangunan Daerah", 2},
	{"DINKES", "Dinas Kesehatan", 3},
	{"DISKOMINFO", "Dinas Komunikasi dan Informatika", 4},
}

// writeConsolidationBundle registers a new key for o in a and writes o's
// signed bundle (the i-th bundle id) into usb.
func writeConsolidationBundle(t *testing.T, a *asesorsvc.Service, usb string, i int, o consolidationOPD) {
	t.Helper()
	key, err := keys.Open(t.TempDir()).Create([]byte("frasa sandi OPD"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(t.TempDir(), "kunci.json")
	if err := os.WriteFile(pub, keys.MarshalPublic(key.Identity), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.Workspace().AddKeyFile(context.Background(), pub, o.kode); err != nil {
		t.Fatal(err)
	}
	in := exporttest.Input(t)
	in.BundleID = fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f%d", i)
	in.Snapshot.Profile.OPDKode, in.Snapshot.Profile.OPDNama = o.kode, o.nama
	for j := range in.Snapshot.Answers {
		in.Snapshot.Answers[j].Level = o.level
	}
	if err := os.WriteFile(filepath.Join(usb, o.kode+".spbe"), WriteBundle(t, in, key), 0o644); err != nil {
		t.Fatal(err)
	}
}

// reviewConsolidation accepts BAPPEDA's 47 answers and DINKES's first
// ten, and sends DISKOMINFO's first back.
func reviewConsolidation(t *testing.T, a *asesorsvc.Service) {
	t.Helper()
	ctx := context.Background()
	bundles, err := a.Bundles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	review := func(kode string, n int, status string) {
		for _, b := range bundles {
			if b.OPDKode != kode {
				continue
			}
			d := assessment.ReviewDecision{BundleID: b.BundleID, Indicator: n, Status: status, Reviewer: "Budi"}
			if status == assessment.ReviewRevision {
				d.Reason = assessment.ReasonWrongEvidence
			}
			if err := a.SaveReview(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	for n := 1; n <= 47; n++ {
		review("BAPPEDA", n, assessment.ReviewAccepted)
		if n <= 10 {
			review("DINKES", n, assessment.ReviewAccepted)
		}
	}
	review("DISKOMINFO", 1, assessment.ReviewRevision)
}

// CheckConsolidatedPDF checks the consolidated report of Consolidation:
// pdfsig finds a valid signature over the whole file, and the text has
// the OPDs, the settled value and the fingerprint.
func CheckConsolidatedPDF(t *testing.T, path, fingerprint string) {
	t.Helper()
	if !bytes.HasPrefix(ReadFile(t, path), []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", path)
	}
	if bin, err := exec.LookPath("pdfsig"); err == nil {
		out, _ := exec.Command(bin, path).CombinedOutput()
		if !strings.Contains(string(out), "Signature is Valid.") || !strings.Contains(string(out), "Total document signed") {
			t.Errorf("pdfsig:\n%s", out)
		}
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext not installed: text not checked")
		return
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"PEMERINTAH KABUPATEN SIGI", "Periode 2025", "Badan Perencanaan", "Dinas Kesehatan", "DISKOMINFO",
		"2,5", "Ditetapkan asesor", "Budi Santoso", "DISKOMINFO: tingkat 4, revisi", "DINKES: tingkat 3, diterima → 3", fingerprint} {
		if !strings.Contains(string(out), w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
}

// ReadFile is the content of path.
func ReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// OpenWorkbook checks that path is a zip holding a workbook and opens it.
func OpenWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	for _, want := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s lacks %s: %q", filepath.Base(path), want, names)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s does not open as a workbook: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// RawNumber is a cell's stored value, which must be a number.
func RawNumber(t *testing.T, f *excelize.File, sheetName, ref string) float64 {
	t.Helper()
	if typ, _ := f.GetCellType(sheetName, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s: type %v, want a number", sheetName, ref, typ)
	}
	raw, _ := f.GetCellValue(sheetName, ref, excelize.Options{RawCellValue: true})
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheetName, ref, raw, err)
	}
	return v
}
