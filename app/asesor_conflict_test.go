package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// TestAsesorImportGUIHintsAndWarnings: a rejection tells what to do in
// the GUI (screen and button names), not the CLI command of the storage
// reason, which stays under "Rincian"; a date warning shows under the
// badge of a stored bundle.
func TestAsesorImportGUIHintsAndWarnings(t *testing.T) {
	h := newAsesorHarness(t, true)
	cliReason := "kunci tidak dikenal (key id ab…): daftarkan dengan `spbe-mandiri keys add BERKAS`, lalu impor lagi"
	h.ws.outcomes = []intake.Outcome{
		{Path: "/media/usb/dinkes.spbe", Kind: intake.KindRejected, Code: intake.RejectUnknownKey, Reason: cliReason,
			OPDKode: "DINKES", Periode: 2026, Sequence: 1, Fingerprint: "12345 67890"},
		{Path: "/media/usb/disdik.spbe", Kind: intake.KindRejected, Code: intake.RejectUnknownCatalog,
			Reason: "katalog pemdi-2030 versi 1 tidak dikenal", OPDKode: "DISDIK", Periode: 2026, Sequence: 1},
		{Path: "/media/usb/bappeda.spbe", Kind: intake.KindNewVersion, OPDKode: "BAPPEDA", Periode: 2026, Sequence: 2,
			KeyStatus: assessment.KeyVerified, Warnings: []string{"bundel dibuat 2027-03-01, lebih dari sehari setelah waktu impor"}},
	}
	a := current[*asesorHome](t, h.u)
	test.Tap(a.folderBtn)
	h.wait()
	if len(a.results.Objects) != 3 {
		t.Fatalf("%d rows", len(a.results.Objects))
	}

	unknown := a.results.Objects[0]
	var visible []string
	walkVisible(unknown, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			visible = append(visible, l.Text)
		}
	})
	hint := trf("asesor.import.hintUnknownKey", "DINKES", "12345 67890", tr("asesor.navKeys"), tr("keys.add"))
	if !hasText(visible, hint) || !strings.Contains(hint, tr("keys.add")) {
		t.Errorf("GUI hint not shown: %q", visible)
	}
	if hasText(visible, "%!") || !hasText(visible, "KUNCI_PUBLIK_DINKES.json") {
		t.Errorf("garbled or incomplete hint: %q", visible)
	}
	if hasText(visible, "spbe-mandiri keys add") {
		t.Errorf("the CLI command is shown in the GUI: %q", visible)
	}
	acc := findAccordion(t, unknown)
	if len(acc.Items) != 1 || acc.Items[0].Title != tr("asesor.import.details") ||
		!hasText(texts(acc.Items[0].Detail), cliReason) {
		t.Errorf("the storage reason is not kept under the details")
	}
	if !hasText(texts(a.results.Objects[1]), tr("asesor.import.hintUnknownCatalog")) {
		t.Errorf("unknown catalog hint missing: %q", texts(a.results.Objects[1]))
	}

	warned := texts(a.results.Objects[2])
	if !hasText(warned, tr("asesor.import.warningBadge")) ||
		!hasText(warned, "lebih dari sehari setelah waktu impor") {
		t.Errorf("warning not shown: %q", warned)
	}
	walk(a.results.Objects[2], func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "lebih dari sehari") && l.Importance != widget.WarningImportance {
			t.Error("the warning is not coloured as one")
		}
	})
	if hasText(texts(a.results.Objects[0]), tr("asesor.import.warningBadge")) {
		t.Error("warning badge on a bundle without warnings")
	}
	capture(t, h.u.win, "import_hints.png")
}

// walkVisible is walk skipping hidden objects (a closed accordion's detail).
func walkVisible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkVisible(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkVisible(c, fn)
		}
	}
}

func findAccordion(t *testing.T, o fyne.CanvasObject) *widget.Accordion {
	t.Helper()
	var found *widget.Accordion
	walk(o, func(c fyne.CanvasObject) {
		if a, ok := c.(*widget.Accordion); ok && found == nil {
			found = a
		}
	})
	if found == nil {
		t.Fatal("no details accordion")
	}
	return found
}

func conflictRecap(h *asesorHarness) {
	h.ws.recap = []assessment.RecapRow{
		{OPDKode: "BAPPEDA", OPDNama: "Bappeda", Periode: 2026, Index: "3.105", Predicate: "Baik", Complete: true, Answered: 47,
			Total: 47, Recomputed: true, ClaimedIndex: "3.105", ClaimedPredicate: "Baik", BundleID: "b-bappeda-1", Versions: 1},
		{OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2026, Index: "2.45", Predicate: "Cukup", Answered: 47, Total: 47,
			Complete: true, Recomputed: true, ClaimedIndex: "3.9", ClaimedPredicate: "Baik", IndexMismatch: true,
			BundleID: "01968f2a-0000-7000-8000-000000000002", Versions: 3, Conflicts: 1},
	}
	h.ws.bundles = []assessment.ReviewBundle{
		{BundleID: "b-bappeda-1", OPDKode: "BAPPEDA", Periode: 2026, Sequence: 1, Status: "accepted"},
		{BundleID: "01968f2a-0000-7000-8000-000000000001", OPDKode: "DINKES", Periode: 2026, Sequence: 1, Status: "superseded"},
		{BundleID: "01968f2a-0000-7000-8000-000000000002", OPDKode: "DINKES", Periode: 2026, Sequence: 2, Status: "accepted",
			CreatedAt: "2026-05-04T10:00:00+08:00", Imported: clock, Index: "2.45", Predicate: "Cukup", KeyStatus: assessment.KeyVerified},
		{BundleID: "01968f2a-0000-7000-8000-000000000003", OPDKode: "DINKES", Periode: 2026, Sequence: 3, Status: "conflict",
			CreatedAt: "2026-05-05T09:30:00+08:00", Imported: clock, Index: "4.1", Predicate: "Sangat Baik", KeyStatus: assessment.KeyVerified},
		{BundleID: "b-dinkes-2025", OPDKode: "DINKES", Periode: 2025, Sequence: 1, Status: "accepted"},
	}
}

// TestAsesorRecapFlagsMismatchAndSettlesConflict: the recap shows the
// recomputed index and flags the OPD's different claim; a row with a
// konflik opens the side-by-side choice, which after a confirmation makes
// the chosen bundle accepted and reloads the recap.
func TestAsesorRecapFlagsMismatchAndSettlesConflict(t *testing.T) {
	h := newAsesorHarness(t, true)
	conflictRecap(h)
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	noteCol := len(recapColumns) - 1
	if got := recapColumns[3].text(r.rows[1]); got != "2,45" {
		t.Errorf("index shown %q, want the recomputed 2,45", got)
	}
	if got := recapColumns[noteCol].text(r.rows[1]); !strings.Contains(got, "Menurut OPD 3,90 Baik") || !strings.Contains(got, "1 konflik") {
		t.Errorf("note %q", got)
	}
	if recapColumns[noteCol].text(r.rows[0]) != "" || recapAttention(3, r.rows[0]) != widget.MediumImportance {
		t.Error("a row without problems is flagged")
	}
	if recapAttention(3, r.rows[1]) != widget.WarningImportance {
		t.Error("the mismatching index is not coloured")
	}
	if !r.warn.Visible() || !strings.Contains(r.warn.Text, "1 OPD") {
		t.Errorf("warning %q visible %v", r.warn.Text, r.warn.Visible())
	}
	capture(t, h.u.win, "recap.png")

	if !r.settle.Disabled() {
		t.Error("Selesaikan konflik enabled without a selection")
	}
	r.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if !r.settle.Disabled() {
		t.Error("Selesaikan konflik enabled on a row without conflicts")
	}
	r.table.Select(widget.TableCellID{Row: 1, Col: 1})
	if r.settle.Disabled() {
		t.Fatal("Selesaikan konflik disabled on a row with a konflik")
	}
	test.Tap(r.settle)
	h.wait()
	c := r.conflict
	if c == nil || len(c.bundles) != 2 || c.bundles[0].Sequence != 2 || c.bundles[1].Sequence != 3 {
		t.Fatalf("dialog bundles %+v", c)
	}
	shown := texts(c.body)
	for _, want := range []string{"DITERIMA", "KONFLIK", "04/05/2026 10.00 +08:00", "4,10 Sangat Baik", "01968f2a…000003"} {
		if !hasText(shown, want) {
			t.Errorf("dialog does not show %q: %q", want, shown)
		}
	}
	capture(t, h.u.win, "conflict.png")

	test.Tap(c.choose[1])
	if c.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	if len(h.ws.acceptedIDs()) != 0 {
		t.Fatal("accepted before the confirmation")
	}
	c.confirm.Confirm()
	h.wait()
	if got := h.ws.acceptedIDs(); len(got) != 1 || got[0] != "01968f2a-0000-7000-8000-000000000003" {
		t.Fatalf("accepted %v", got)
	}
	if !r.settle.Disabled() || r.pick != -1 {
		t.Error("the recap did not reload after settling")
	}
}

func TestAsesorConflictShowsRefusal(t *testing.T) {
	h := newAsesorHarness(t, true)
	conflictRecap(h)
	h.ws.err = errors.New("bundel ditandatangani kunci yang sudah dicabut")
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	r.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(r.settle)
	h.wait()
	c := r.conflict
	test.Tap(c.choose[1])
	c.confirm.Confirm()
	h.wait()
	if c.state.Text != h.ws.err.Error() {
		t.Errorf("state %q", c.state.Text)
	}
	if len(c.choose) != 2 || c.choose[1].Disabled() {
		t.Error("the choice is not offered again after a refusal")
	}
}

// The recap's CSV export asks for a folder and names the file written.
func TestAsesorRecapExportCSV(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	test.Tap(r.csv)
	h.wait()
	if len(h.ws.rxDirs) != 1 || h.ws.rxDirs[0] != "/media/usb" {
		t.Fatalf("exports into %v, want the picked folder /media/usb", h.ws.rxDirs)
	}
	if !hasText(fbOverlayTexts(h.u), "/media/usb/REKAP_OPD_20261127.csv") {
		t.Errorf("the written file is not named: %q", fbOverlayTexts(h.u))
	}
}
