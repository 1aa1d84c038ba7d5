package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// reviewItemsOnPemdi opens the review screen at 1366×768 on a Pemdi
// bundle whose indicator 13 (items at levels 1–3) is claimed at level 3,
// one file linked to I13-L1-01 and one level-2 file naming no item.
func reviewItemsOnPemdi(t *testing.T) (*asesorHarness, *asesorReview) {
	t.Helper()
	h := newAsesorHarness(t, true)
	cat, err := h.lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	in, _ := cat.Indicator(13)
	listed := assessment.ReviewableItems(in, 3, []string{"I13-L1-01"})
	h.ws.bundles = []assessment.ReviewBundle{{BundleID: "b-kominfo-1", OPDKode: "DISKOMINFO", OPDNama: "Dinas Kominfo",
		Periode: 2026, Sequence: 1, Status: "accepted", Catalog: cat}}
	h.ws.sheets = map[string][]assessment.ReviewItem{"b-kominfo-1": {{Indicator: 13, Answered: true, Level: 3,
		Justification: "FAKTA: aplikasi terdata",
		Evidence: []assessment.ReviewEvidence{{SHA256: "aa11", Name: "daftar-aplikasi.pdf", Level: 1, Items: []string{"I13-L1-01"}},
			{SHA256: "bb22", Name: "notulen.pdf", Level: 2}},
		Items: assessment.ItemsOf(assessment.ReviewItems(listed, nil))}}}
	h.u.win.Resize(fyne.NewSize(1366, 768))
	h.u.show(newAsesorReview(h.u, "b-kominfo-1"))
	h.wait()
	r := current[*asesorReview](t, h.u)
	if r.sel != 0 || len(r.itemRev.rows) != 6 {
		t.Fatalf("items not shown: selected %d, %d item rows", r.sel, len(r.itemRev.rows))
	}
	return h, r
}

// TestReviewPerItem: the assessor judges item by item; rejecting a level-2
// item greys the level-3 item with the portal's reason and disables its
// Terima; the computed value is shown and is the value field's default.
func TestReviewPerItem(t *testing.T) {
	h, r := reviewItemsOnPemdi(t)
	shown := texts(r.detail)
	for _, want := range []string{"Butir bukti dukung per tingkat", "Tingkat 1", "Tingkat 3", "I13-L1-01", "I13-L3-01",
		"daftar-aplikasi.pdf", "notulen.pdf", "belum ditelaah", "belum ada berkas OPD untuk butir ini",
		"Nilai terhitung: belum ada butir yang ditelaah"} {
		if !hasText(shown, want) {
			t.Errorf("%q not on the review screen", want)
		}
	}
	// The file linked to the item opens from the item.
	var buka *widget.Button
	walk(r.itemRev.box, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Buka" && buka == nil {
			buka = b
		}
	})
	test.Tap(buka)
	h.wait()
	if len(h.ws.opened) != 1 || h.ws.opened[0] != "aa11|daftar-aplikasi.pdf" {
		t.Fatalf("Buka opened %v", h.ws.opened)
	}

	if !r.feedbackBtn.Disabled() {
		t.Error("feedback export enabled before anything was judged")
	}
	test.Tap(r.itemRev.rows["I13-L1-01"].accept)
	h.wait()
	if r.feedbackBtn.Disabled() {
		t.Error("an item verdict does not enable the feedback export")
	}
	test.Tap(r.itemRev.rows["I13-L1-02"].accept)
	h.wait()
	test.Tap(r.itemRev.rows["I13-L2-01"].revise)
	d := r.itemRev.revise
	if d == nil {
		t.Fatal("no Revisi dialog")
	}
	top := h.u.win.Canvas().Overlays().Top()
	capture(t, h.u.win, "review-item-revise.png")
	var reason *widget.Select
	var note *widget.Entry
	walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Select:
			reason = x
		case *widget.Entry:
			note = x
		}
	})
	reason.SetSelected("bukti tidak tepat")
	test.Type(note, "SK tahun lalu")
	test.Tap(findButton(t, []fyne.CanvasObject{top}, "Simpan"))
	h.wait()

	if got := r.itemLabel(r.items[0]); !strings.Contains(got, "butir 2/6 diterima") {
		t.Errorf("list line %q does not count the items", got)
	}
	if len(h.ws.savedItems) != 3 || h.ws.savedItems[2].Reason != assessment.ReasonWrongEvidence ||
		h.ws.savedItems[2].Note != "SK tahun lalu" || h.ws.savedItems[0].Reviewer != "Budi Asesor" {
		t.Fatalf("saved %+v", h.ws.savedItems)
	}
	l3 := r.itemRev.rows["I13-L3-01"]
	if !l3.accept.Disabled() || l3.state.Importance != widget.MediumImportance || // readable, not the disabled grey
		!strings.Contains(l3.state.Text, "ditolak otomatis (tingkat 2 ditolak): "+assessment.ReasonAutoRejectedText) {
		t.Errorf("level-3 item after level 2 rejected: disabled %v, state %q", l3.accept.Disabled(), l3.state.Text)
	}
	if st := r.itemRev.rows["I13-L2-01"].state.Text; !strings.Contains(st, "bukti tidak tepat") || !strings.Contains(st, "SK tahun lalu") {
		t.Errorf("rejected item state %q", st)
	}
	if r.itemRev.computed.Text != "Nilai terhitung dari butir: 1 (bawaan bila nilai asesor kosong)" || r.value.PlaceHolder != "1" {
		t.Errorf("computed %q, value placeholder %q", r.itemRev.computed.Text, r.value.PlaceHolder)
	}
	// Accepting it anyway (a stale screen) is refused by the workspace.
	r.saveItem(assessment.ItemDecision{Indicator: 13, Code: "I13-L3-01", Status: assessment.ReviewAccepted})
	h.wait()
	if !strings.Contains(r.msg.Text, "tidak dapat diterima") || len(h.ws.savedItems) != 3 {
		t.Errorf("refusal: %q, %d saved", r.msg.Text, len(h.ws.savedItems))
	}
	h.u.win.Canvas().Overlays().Remove(h.u.win.Canvas().Overlays().Top())

	// The fractional value the assessor sets is the decision's.
	r.value.SetText("1,17")
	r.status.SetSelected("diterima")
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 1 || h.ws.saved[0].Value != "1.17" {
		t.Fatalf("decision %+v", h.ws.saved)
	}
	// Reachable at 1366×768: the computed value beside the form, the
	// items inside the OPD side's scroll.
	win := h.u.win.Canvas().Size()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.itemRev.computed)
	if end := pos.Add(r.itemRev.computed.Size()); !r.itemRev.computed.Visible() || end.X > win.Width || end.Y > win.Height {
		t.Errorf("computed value at %v: outside the %v window", pos, win)
	}
	if box := r.subject.items; r.opdScroll.Content.Size().Height < box.Position().Y+box.Size().Height-1 || box.Size().Height == 0 {
		t.Errorf("items at %v size %v: outside the scrolled content %v", box.Position(), box.Size(), r.opdScroll.Content.Size())
	}
	capture(t, h.u.win, "review-items-1366x768.png")
	box := r.subject.items // its end: the cascade on levels 2 and 3
	r.opdScroll.Offset = fyne.NewPos(0, box.Position().Y+box.Size().Height-r.opdScroll.Size().Height)
	r.opdScroll.Refresh()
	capture(t, h.u.win, "review-items-scrolled.png")
}

// TestRecapNoteReviewed: the recap names the index of the assessor's
// values (partial credit included) beside the OPD's.
func TestRecapNoteReviewed(t *testing.T) {
	test.NewTempApp(t)
	note := recapNote(assessment.RecapRow{Reviewed: 1, ReviewedIndex: "1.0125", ReviewedPredicate: "Kurang"})
	if !strings.Contains(note, "Hasil telaah 1,01 Kurang (1 indikator)") {
		t.Fatalf("note %q", note)
	}
	if note := recapNote(assessment.RecapRow{}); strings.Contains(note, "telaah") {
		t.Fatalf("unreviewed row note %q", note)
	}
}
