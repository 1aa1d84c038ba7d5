package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestFirstRunAsksFolderThenProfile(t *testing.T) {
	h := newHarness(t, setup{noDataDir: true, noProfile: true})
	f, ok := h.u.current.(*firstRun)
	if !ok {
		t.Fatalf("screen %T, want *firstRun", h.u.current)
	}
	if f.language.Selected != "Bahasa Indonesia" {
		t.Errorf("default language %q", f.language.Selected)
	}
	test.Tap(f.next)
	h.wait()
	if got := h.u.app.Preferences().String(prefDataDir); got != "/home/opd/SPBE Mandiri" {
		t.Errorf("remembered data folder %q", got)
	}
	p, ok := h.u.current.(*profileForm)
	if !ok {
		t.Fatalf("screen %T, want *profileForm", h.u.current)
	}
	test.Tap(p.save)
	if !p.problem.Visible() {
		t.Fatal("empty profile accepted")
	}
	test.Type(p.instansi, testProfile.Instansi)
	test.Type(p.kode, testProfile.OPDKode)
	test.Type(p.nama, testProfile.OPDNama)
	test.Type(p.operator, testProfile.Operator)
	test.Tap(p.save)
	h.wait()
	got, err := h.st.Profile(t.Context())
	if err != nil || got != testProfile {
		t.Fatalf("stored profile %+v, %v", got, err)
	}
	h.home()
}

func TestFirstRunEnglish(t *testing.T) {
	h := newHarness(t, setup{noDataDir: true})
	f := h.u.current.(*firstRun)
	f.language.SetSelected("English")
	if got := h.u.app.Preferences().String(prefLanguage); got != langEN {
		t.Fatalf("remembered language %q", got)
	}
	f = h.u.current.(*firstRun)
	if f.next.Text != "Continue" {
		t.Errorf("button after switching to English: %q", f.next.Text)
	}
	f.language.SetSelected("Bahasa Indonesia")
	if f = h.u.current.(*firstRun); f.next.Text != "Lanjut" {
		t.Errorf("button after switching back: %q", f.next.Text)
	}
}

func TestOpenErrorIsShownNotPanicked(t *testing.T) {
	h := newHarness(t, setup{openErr: errors.New("folder data sedang dipakai aplikasi lain")})
	if _, ok := h.u.current.(*firstRun); !ok {
		t.Fatalf("screen %T, want *firstRun after a failed open", h.u.current)
	}
	if h.u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no error dialog")
	}
}

func TestTrashAsksThenUndo(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2024")
	id := q.s.a.ID
	ctx := t.Context()
	for n := 1; n <= 3; n++ {
		if err := h.st.SetLevel(ctx, id, n, 2, "Budi"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.st.AddEvidence(ctx, id, 1, assessment.EvidenceInput{Name: "sk.pdf", Reader: strings.NewReader("%PDF-1.4"), Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(q.homeBtn)
	h.wait()
	hm := h.home()
	if len(hm.rows) != 1 {
		t.Fatalf("home lists %d assessments", len(hm.rows))
	}
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Hapus"))
	h.wait()
	// One click on Hapus only asks, naming what goes and where.
	if tr := h.st.Trashed(); len(tr) != 0 {
		t.Fatalf("trashed without asking: %v", tr)
	}
	capture(t, h.u.win, "trash_confirm.png")
	asked := topTexts(h)
	if !hasText(asked, "periode 2024") || !hasText(asked, "3 jawaban dan 1 berkas bukti dukung") || !hasText(asked, "Sampah") {
		t.Fatalf("confirmation says %q", asked)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Canvas().Overlays().Top()}, "Pindahkan ke Sampah"))
	h.wait()
	if tr := h.st.Trashed(); len(tr) != 1 || tr[0] != id {
		t.Fatalf("trash = %v", tr)
	}
	if len(hm.rows) != 0 || !hm.undoBar.Visible() {
		t.Fatalf("after trash: %d rows, undo visible %v", len(hm.rows), hm.undoBar.Visible())
	}
	// The bar pushes the list down instead of covering its first card.
	top, list := hm.root.Objects[0], hm.root.Objects[1]
	if bottom := top.Position().Y + top.MinSize().Height; list.Position().Y < bottom {
		t.Errorf("the list starts at y=%v, under the top area that ends at y=%v", list.Position().Y, bottom)
	}
	// Another screen and back: the undo bar is still there.
	test.Tap(hm.profBtn)
	h.wait()
	h.u.showHome()
	h.wait()
	hm = h.home()
	if !hm.undoBar.Visible() {
		t.Fatal("the undo bar vanished after visiting another screen")
	}
	capture(t, h.u.win, "trash_undo.png")
	test.Tap(findButton(t, hm.undoBar.Objects, "Urungkan"))
	h.wait()
	if len(h.st.Trashed()) != 0 || len(hm.rows) != 1 || hm.undoBar.Visible() {
		t.Fatal("undo did not restore the assessment")
	}
	if got := h.answerCount(id); got != 3 {
		t.Errorf("restored with %d answers, want 3", got)
	}
}

// The Sampah lists what was deleted and restores it with its status.
func TestTrashScreenRestores(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	id := q.s.a.ID
	test.Tap(q.homeBtn)
	h.wait()
	h.home().trash(h.home().rows[0])
	h.wait()
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Sampah"))
	h.wait()
	ts, ok := h.u.current.(*trashScreen)
	if !ok {
		t.Fatalf("Sampah shows %T", h.u.current)
	}
	capture(t, h.u.win, "trash_screen.png")
	if len(ts.rows) != 1 || ts.rows[0].ID != id || !hasText(texts(ts.list), "Periode 2026") {
		t.Fatalf("trash lists %+v", ts.rows)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{ts.list}, "Pulihkan"))
	h.wait()
	if len(h.st.Trashed()) != 0 || len(ts.rows) != 0 || !strings.Contains(ts.state.Text, "dipulihkan") {
		t.Fatalf("after Pulihkan: trash %v, rows %d, state %q", h.st.Trashed(), len(ts.rows), ts.state.Text)
	}
	if a, _ := h.st.Assessment(t.Context(), id); a.Status != assessment.AssessmentDraft {
		t.Errorf("restored with status %q", a.Status)
	}
	h.u.showHome()
	h.wait()
	if len(h.home().rows) != 1 || h.home().undoBar.Visible() {
		t.Error("restored assessment not back on the home screen, or its undo bar still offered")
	}
}

func (h *harness) answerCount(id string) int {
	answers, err := h.st.Answers(h.t.Context(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	n := 0
	for _, a := range answers {
		if a.Level > 0 {
			n++
		}
	}
	return n
}

func TestDuplicateCopiesAnswersAndEvidence(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2024")
	src := q.s.a
	q.pickLevel(4)
	test.Type(q.pane.just.entry, "FAKTA lama")
	h.files.queue = append(h.files.queue, memFile("bukti.pdf", []byte("isi")))
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	test.Tap(q.homeBtn)
	h.wait()
	res, err := duplicateAssessment(t.Context(), h.st, h.lib, src, 2025, "Rahmat")
	if err != nil {
		t.Fatal(err)
	}
	if res.created.Periode != 2025 || res.answers != 1 || res.evidence != 1 {
		t.Fatalf("result %+v", res)
	}
	if a := h.answer(res.created.ID, 1); a.Level != 4 || a.Justification != "FAKTA lama" {
		t.Fatalf("copied answer %+v", a)
	}
	ev := h.evidence(res.created.ID)
	if len(ev) != 1 || ev[0].OriginalName != "bukti.pdf" || ev[0].Blob.SHA256 != h.evidence(src.ID)[0].Blob.SHA256 {
		t.Fatalf("copied evidence %+v", ev)
	}
}

func TestEvidenceRemoveUndoAndNote(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	h.files.queue = append(h.files.queue, memFile("a.pdf", []byte("satu")))
	test.Tap(q.pane.evidence.addBtn)
	h.wait()
	ev := h.evidence(q.s.a.ID)[0]
	q.pane.evidence.onRemove(ev)
	h.wait()
	if !h.st.Removed(ev.ID) || len(q.s.evidenceOf(1)) != 0 {
		t.Fatal("not removed")
	}
	test.Tap(findButton(t, q.pane.evidence.undoBar.Objects, "Urungkan"))
	h.wait()
	if h.st.Removed(ev.ID) || len(q.s.evidenceOf(1)) != 1 {
		t.Fatal("undo did not bring the file back")
	}
	q.onEvidenceNote(ev.ID, "halaman 3")
	h.u.Flush()
	h.wait()
	if got := h.evidence(q.s.a.ID)[0].Note; got != "halaman 3" {
		t.Fatalf("note %q", got)
	}
}

// blockingReader hands out one chunk, then waits until released.
type blockingReader struct {
	first   bool
	release chan struct{}
}

func (b *blockingReader) Read(p []byte) (int, error) {
	if !b.first {
		b.first = true
		return copy(p, make([]byte, 1024)), nil
	}
	<-b.release
	return 0, io.ErrUnexpectedEOF
}

func TestLargeFileShowsProgressAndCancels(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	br := &blockingReader{release: make(chan struct{})}
	h.files.queue = append(h.files.queue, PickedFile{Name: "besar.mp4", Open: func() (io.ReadCloser, int64, error) {
		return io.NopCloser(br), 4096, nil
	}})
	test.Tap(q.pane.evidence.addBtn)
	if h.u.upload == nil || !q.uploadBar.box.Visible() {
		t.Fatal("no progress shown")
	}
	test.Tap(q.uploadBar.cancel)
	close(br.release)
	h.wait()
	if h.u.upload != nil || q.uploadBar.box.Visible() {
		t.Fatal("upload still shown after cancel")
	}
	if len(h.evidence(q.s.a.ID)) != 0 {
		t.Fatal("cancelled file was stored")
	}
	if !strings.Contains(h.u.status.text(), "dibatalkan") {
		t.Errorf("status %q", h.u.status.text())
	}
}

func TestHistoryRestore(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	id := q.s.a.ID
	test.Type(q.pane.just.entry, "versi satu")
	h.u.Flush()
	h.wait()
	q.pane.just.entry.SetText("versi dua")
	h.u.Flush()
	h.wait()
	var restore *assessment.Change
	for i := range q.pane.history.changes {
		if c := q.pane.history.changes[i]; c.Field == assessment.FieldJustification && c.New == "versi satu" {
			restore = &c
		}
	}
	if restore == nil {
		t.Fatalf("history %+v", q.pane.history.changes)
	}
	test.Tap(findButton(t, []any{q.pane.history.rows}, "Pulihkan versi ini"))
	h.wait()
	if got := h.answer(id, 1).Justification; got != "versi satu" {
		t.Fatalf("restored %q", got)
	}
	if got := q.pane.just.entry.Text; got != "versi satu" {
		t.Fatalf("editor shows %q", got)
	}
}

func TestChecklistJumpsToIndicator(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	test.Tap(q.dashBtn)
	checks := q.s.checklist()
	// I5, I6, I7 and I18 are valued by other agencies' indices: no level
	// is demanded of them (issue 14), so 16 of the 20 lack one.
	if checks[0].key != "check.level" || len(checks[0].indicators) != 16 {
		t.Fatalf("first check %+v", checks[0])
	}
	test.Tap(findButton(t, q.dash.checklist.Objects, "Tampilkan 11 lainnya"))
	link := findLink(t, q.dash.checklist, "17. ")
	test.TapAt(link, fyne.NewPos(12, link.Size().Height/2))
	if q.current != 17 {
		t.Fatalf("jumped to %d", q.current)
	}
}

func TestTabOrderStartsAtTheTop(t *testing.T) {
	h := newHarness(t, setup{})
	h.newAssessment("spbe-2020", "2025")
	test.Tap(h.q().homeBtn)
	h.wait()
	c := h.u.win.Canvas()
	test.FocusNext(c)
	if c.Focused() != h.home().newBtn {
		t.Fatalf("first Tab focuses %T, want the new-assessment button", c.Focused())
	}
	test.FocusNext(c)
	test.FocusNext(c)
	if b, ok := c.Focused().(*widget.Button); !ok || b.Text != "Buka" {
		t.Fatalf("third Tab focuses %#v, want Buka", c.Focused())
	}
	test.Tap(c.Focused().(*widget.Button))
	h.wait()
	q := h.q()
	test.FocusNext(c)
	if c.Focused() != q.homeBtn {
		t.Fatalf("first Tab in the questionnaire focuses %T", c.Focused())
	}
}

func TestDropAndOpenEvidence(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("spbe-2020", "2025")
	path := filepath.Join(t.TempDir(), "Indikator1-SK-Tim.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4 SK tim"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.u.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	h.wait()
	ev := h.evidence(q.s.a.ID)
	if len(ev) != 1 || ev[0].OriginalName != "Indikator1-SK-Tim.pdf" || ev[0].Blob.Size != 15 {
		t.Fatalf("dropped evidence %+v", ev)
	}
	q.openEvidence(ev[0])
	h.wait()
	view := filepath.Join(os.TempDir(), "spbe-mandiri-lihat", ev[0].Blob.ShortHash(), "Indikator1-SK-Tim.pdf")
	if b, err := os.ReadFile(view); err != nil || string(b) != "%PDF-1.4 SK tim" {
		t.Fatalf("viewer copy: %q, %v", b, err)
	}
	os.RemoveAll(filepath.Dir(view))
}

func TestExportHook(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	if q.dash.exportBtn != nil {
		t.Fatal("export button shown without the folder's export port")
	}
	var gotID, gotDir, gotPass string
	h.exp().publish = func(_ context.Context, id, dir, pass string, progress func(float64)) (string, error) {
		gotID, gotDir, gotPass = id, dir, pass
		progress(0.5)
		progress(1)
		return dir + "/bundle.spbe", nil
	}
	test.Tap(q.homeBtn)
	h.wait()
	h.u.openAssessment(q.s.a.ID)
	h.wait()
	q = h.q()
	if q.dash.exportBtn == nil {
		t.Fatal("export button hidden with the folder's export port set")
	}
	q.runExport("/media/usb", "rahasia")
	h.wait()
	if gotID != q.s.a.ID || gotDir != "/media/usb" || gotPass != "rahasia" {
		t.Fatalf("export called with %q %q %q", gotID, gotDir, gotPass)
	}
}

func TestHomeShortcuts(t *testing.T) {
	h := newHarness(t, setup{})
	c := h.u.win.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierControl})
	n, ok := h.u.current.(*newAssessment)
	if !ok {
		t.Fatalf("Ctrl+N shows %T", h.u.current)
	}
	test.Tap(n.create)
	h.wait()
	test.Tap(h.q().homeBtn)
	h.wait()
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierControl})
	h.wait()
	h.q()
}

// exportWith opens a fresh assessment whose export is export.
func exportWith(t *testing.T, export func(context.Context, string, string, string, func(float64)) (string, error)) (*harness, *questionnaire) {
	t.Helper()
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	h.exp().publish = export
	test.Tap(q.homeBtn)
	h.wait()
	h.u.openAssessment(q.s.a.ID)
	h.wait()
	return h, h.q()
}

// A failed export ends in a dialog that names the reason and the advice:
// hiding the progress dialog when the job ends is not a cancellation. The
// job fails as the real one does: storage/keys returns its
// ErrWrongPassphrase, the bare "frasa sandi salah" wrapping the domain's
// error; the advice is the GUI's.
func TestExportFailureIsShown(t *testing.T) {
	wrongPass := fmt.Errorf("%w", assessment.ErrWrongPassphrase) // storage/keys.ErrWrongPassphrase
	h, q := exportWith(t, func(_ context.Context, _, _, _ string, progress func(float64)) (string, error) {
		progress(0)
		return "", wrongPass
	})
	q.runExport("/media/usb", "salah")
	h.wait()
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil || !hasText(texts(top), "Frasa sandi salah") || !hasText(texts(top), "tata letak papan ketik") {
		t.Fatalf("failed export not reported with its advice: dialog %v, texts %q", top != nil, textsOf(top))
	}
}

// Batal while exporting: the job's context is cancelled and the error it
// returns for that is not shown as a failure.
func TestExportCancelIsQuiet(t *testing.T) {
	hold := make(chan struct{})
	var sawCancel bool
	h, q := exportWith(t, func(ctx context.Context, _, _, _ string, _ func(float64)) (string, error) {
		<-hold
		sawCancel = ctx.Err() != nil
		return "", ctx.Err()
	})
	q.runExport("/media/usb", "rahasia")
	busy := h.u.win.Canvas().Overlays().Top()
	if busy == nil {
		t.Fatal("no progress dialog while exporting")
	}
	test.Tap(findButton(t, []fyne.CanvasObject{busy}, "Batal"))
	close(hold)
	h.wait()
	if !sawCancel {
		t.Error("Batal did not cancel the export")
	}
	if top := h.u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a cancelled export shows %q", texts(top))
	}
}

func textsOf(o fyne.CanvasObject) []string {
	if o == nil {
		return nil
	}
	return texts(o)
}

// The inserted template is Indonesian whatever the GUI's language (it goes
// into the Indonesian report), and left untouched it is no justification:
// the checklist still lists the indicator.
func TestTemplateIsIndonesianAndNotAJustification(t *testing.T) {
	h := newHarness(t, setup{})
	applyLanguage(langEN)
	defer applyLanguage(langID)
	q := h.newAssessment("pemdi-2026", "2026")
	n := q.current
	q.pickLevel(2)
	h.wait()
	q.pane.just.onTemplate()
	q.u.saver.flush()
	h.wait()
	text := h.answer(q.s.a.ID, n).Justification
	if !strings.Contains(text, "Dibandingkan dengan kriteria level") || strings.Contains(text, "Compared with") || strings.Contains(text, "because") {
		t.Fatalf("template in the English GUI: %q", text)
	}
	for _, c := range q.s.checklist() {
		if c.key == "check.justification" && !slices.Contains(c.indicators, n) {
			t.Errorf("an untouched template counts as a justification: %+v", c)
		}
	}
	if p := q.s.progress(); p.noJustification != 1 {
		t.Errorf("dashboard counts %d answers without justification, want 1", p.noJustification)
	}
}

// Ekspor on an incomplete assessment asks first and names how many
// indicators are open; the button is on screen at 1366×768 without
// scrolling, however long the checklist.
func TestExportIncompleteAsksFirst(t *testing.T) {
	h, k, paths := keyHarness(t, keyA, "frasa-sandi-panjang")
	_ = k
	picked := 0
	h.u.paths = pickCounter{n: &picked, PathSource: paths}
	h.exp().publish = func(context.Context, string, string, string, func(float64)) (string, error) { return "", nil }
	q := h.newAssessment("spbe-2020", "2025")
	h.u.openAssessment(q.s.a.ID)
	h.wait()
	q = h.q()
	h.u.win.Resize(fyne.NewSize(1366, 768))
	q.showDashboard()
	h.wait()
	btn := q.dash.exportBtn
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(btn)
	if !btn.Visible() || pos.Y+btn.Size().Height > 768 || pos.Y < 0 || btn.Size().Height == 0 {
		t.Fatalf("export button at y=%v (height %v) in a 768-pixel window", pos.Y, btn.Size().Height)
	}
	capture(t, h.u.win, "dashboard_export_1366.png")
	test.Tap(btn)
	h.wait()
	if picked != 0 || !hasText(topTexts(h), "47 indikator belum diisi") {
		t.Fatalf("no question first: folder dialogs %d, dialog %q", picked, topTexts(h))
	}
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Canvas().Overlays().Top()}, "Kembali mengisi"))
	h.wait()
	if picked != 0 {
		t.Fatal("Kembali mengisi went on to the export")
	}
	test.Tap(btn)
	h.wait()
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Canvas().Overlays().Top()}, "Tetap ekspor"))
	h.wait()
	if picked != 1 {
		t.Fatalf("Tetap ekspor: %d folder dialogs", picked)
	}
}

// After an export the officer can open the signed report that went into
// the bundle and check the bundle, from the same dialog.
func TestExportDoneOffersReportAndCheck(t *testing.T) {
	h, q := exportWith(t, func(_ context.Context, _, dir, _ string, _ func(float64)) (string, error) {
		return dir + "/SPBE_DISKOMINFO_2026_1.spbe", nil
	})
	var opened, checked string
	h.exp().openReport = func(_ context.Context, p string) (string, error) { opened = p; return "/tmp/laporan.pdf", nil }
	h.exp().verify = func(_ context.Context, p string) (assessment.VerifyReport, error) {
		checked = p
		return assessment.VerifyReport{SignerKnown: true}, nil // "BUNDEL SAH: <p>"
	}
	q.runExport("/media/usb", "rahasia")
	h.wait()
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil || !hasText(texts(top), "SPBE_DISKOMINFO_2026_1.spbe") {
		t.Fatalf("no done dialog: %q", textsOf(top))
	}
	capture(t, h.u.win, "export_done.png")
	test.Tap(findButton(t, []fyne.CanvasObject{top}, "Buka laporan PDF"))
	h.wait()
	if opened != "/media/usb/SPBE_DISKOMINFO_2026_1.spbe" {
		t.Errorf("report opened from %q", opened)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{top}, "Periksa bundel ini"))
	h.wait()
	if checked != opened || !strings.Contains(h.u.verified, "BUNDEL SAH") {
		t.Errorf("check of %q shows %q", checked, h.u.verified)
	}
}
