package app

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// reviewOnCatalog opens the review screen at 1366×768 on a bundle
// answered on the installed catalog: indicator 1 claimed at level 3.
func reviewOnCatalog(t *testing.T, noName bool) (*asesorHarness, *asesorReview, assessment.Indicator) {
	t.Helper()
	h := newAsesorHarness(t, true)
	h.ws.noName = noName
	cat, err := h.lib.Latest("spbe-2020")
	if err != nil {
		t.Fatal(err)
	}
	var in assessment.Indicator
	for _, x := range cat.Indicators { // one whose texts are all official
		if !x.Question.Missing() && !x.Level(3).Criterion.Missing() && !x.Level(4).Criterion.Missing() &&
			!x.Level(3).Evidence.Missing() && !x.Level(5).Criterion.Missing() {
			in = x
			break
		}
	}
	if in.Number == 0 {
		t.Fatal("no indicator with complete texts in the catalog")
	}
	h.ws.bundles = []assessment.ReviewBundle{{BundleID: "b-dinkes-1", OPDKode: "DINKES", OPDNama: "Dinas Kesehatan",
		Periode: 2026, Sequence: 1, Status: "accepted", ReportSHA256: "feedface", Catalog: cat}}
	h.ws.sheets = map[string][]assessment.ReviewItem{"b-dinkes-1": {
		{Indicator: in.Number, Answered: true, Level: 3, Justification: "FAKTA: Perbup 12/2025 menetapkan kebijakan SPBE",
			Evidence: []assessment.ReviewEvidence{{SHA256: "abc123", Name: "perbup.pdf", Level: 3}}},
	}}
	h.u.win.Resize(fyne.NewSize(1366, 768))
	h.u.show(newAsesorReview(h.u, "b-dinkes-1"))
	h.wait()
	r := current[*asesorReview](t, h.u)
	if len(r.items) != 1 || r.sel != 0 {
		t.Fatalf("sheet not loaded: %d items, selected %d", len(r.items), r.sel)
	}
	return h, r, in
}

// TestReviewShowsWhatIsJudged: the assessor sees the indicator as the
// catalog asks it, the claimed level's criteria and the next level's, the
// expected evidence, the files with Buka and the justification; and the
// decision form beside them, inside a 1366×768 window without scrolling.
func TestReviewShowsWhatIsJudged(t *testing.T) {
	h, r, in := reviewOnCatalog(t, false)
	shown := texts(r.detail)
	for what, want := range map[string]string{
		"name":              in.Name,
		"question":          in.Question.Text,
		"claimed criterion": in.Level(3).Criterion.Text,
		"next criterion":    in.Level(4).Criterion.Text,
		"expected evidence": in.Level(3).Evidence.Text,
		"evidence file":     "perbup.pdf",
		"justification":     "Perbup 12/2025",
		"claimed level":     "Tingkat menurut OPD: 3",
		"reviewer":          "Budi Asesor",
	} {
		if want == "" {
			t.Fatalf("catalog text for %s is empty", what)
		}
		if !hasText(shown, want) {
			t.Errorf("%s %q not on the review screen", what, want)
		}
	}
	if hasText(shown, in.Level(5).Criterion.Text) {
		t.Error("level 5 shown: only the claimed level and the next one belong here")
	}
	buka := findButton(t, []fyne.CanvasObject{r.detail}, "Buka")
	test.Tap(buka)
	h.wait()
	if len(h.ws.opened) != 1 || h.ws.opened[0] != "abc123|perbup.pdf" {
		t.Errorf("Buka opened %q", h.ws.opened)
	}
	win := h.u.win.Canvas().Size()
	for name, o := range map[string]fyne.CanvasObject{"value": r.value, "status": r.status, "note": r.note, "save": r.saveBtn,
		"justification": r.subject.justify} {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		end := pos.Add(o.Size())
		if !o.Visible() || o.Size().Height == 0 || end.X > win.Width || end.Y > win.Height || pos.X < 0 || pos.Y < 0 {
			t.Errorf("%s at %v size %v: not inside the %v window", name, pos, o.Size(), win)
		}
	}
	// the criteria below the OPD's answer are reachable: inside the OPD
	// side's scroll, whose content holds them
	crit := r.subject.criteria
	if r.opdScroll.Content.Size().Height < crit.Position().Y || crit.Size().Height == 0 {
		t.Errorf("criteria at %v, size %v: outside the scrolled content %v", crit.Position(), crit.Size(), r.opdScroll.Content.Size())
	}
	// the OPD side and the form are side by side, not one under the other
	if fyne.CurrentApp().Driver().AbsolutePositionForObject(r.value).X <=
		fyne.CurrentApp().Driver().AbsolutePositionForObject(r.subject.justify).X {
		t.Error("the form is not beside the OPD's answer")
	}
	capture(t, h.u.win, "review-1366x768.png")
	fyne.CurrentApp().Settings().SetTheme(lightVariant{newAppTheme()})
	capture(t, h.u.win, "review-1366x768-light.png")
}

// lightVariant shows a theme's light variant whatever the system's.
type lightVariant struct{ fyne.Theme }

func (l lightVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

// TestReviewerFromProfile: the name a decision is recorded under is the
// workspace profile's; without one it is asked once, stored, and reused,
// never the operating system's user.
func TestReviewerFromProfile(t *testing.T) {
	h, r, _ := reviewOnCatalog(t, true)
	if !strings.Contains(r.reviewerLbl.Text, "belum diisi") {
		t.Errorf("no name yet, label %q", r.reviewerLbl.Text)
	}
	r.status.SetSelected("diterima")
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 0 {
		t.Fatalf("saved before a name was given: %+v", h.ws.saved)
	}
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question for the assessor's name")
	}
	capture(t, h.u.win, "review-ask-name.png")
	var entry *widget.Entry
	walk(top, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && entry == nil {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("no name field")
	}
	test.Type(entry, "Siti Rahmawati")
	test.Tap(findButton(t, []fyne.CanvasObject{top}, "Simpan"))
	h.wait()
	if len(h.ws.saved) != 1 || h.ws.saved[0].Reviewer != "Siti Rahmawati" {
		t.Fatalf("saved %+v", h.ws.saved)
	}
	if got, _ := h.ws.ReviewerName(t.Context()); got != "Siti Rahmawati" {
		t.Errorf("profile holds %q", got)
	}
	// asked once: the next decision uses the stored name at once
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 2 || h.ws.saved[1].Reviewer != "Siti Rahmawati" {
		t.Fatalf("second save %+v", h.ws.saved)
	}
	if !strings.Contains(r.reviewerLbl.Text, "Siti Rahmawati") {
		t.Errorf("label %q", r.reviewerLbl.Text)
	}
}
